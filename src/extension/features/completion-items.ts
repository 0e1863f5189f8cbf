// Completion in a plan: YAML keys and enum values (YAML form and Markdown front matter), and in a Markdown body the
// values of labels and table cells, the departments the framework asks for, the journey's moments and a dated iteration
// entry. Pure: text in, items out.
import {
  BACK_END_DEPARTMENTS,
  CUSTOMER_FIELDS,
  entrySnippet,
  FINANCE_DEPARTMENTS,
  financeMatcher,
  isPlaceholder,
  CUSTOMER_KEYS,
  FRONT_MATTER_KEYS,
  PLAN_FIELDS,
  SECTIONS,
  SELECTION_KEYS,
  valueMeanings,
  YAML_PLAN_KEYS,
  type FieldSpec,
  type PlanModel,
  type SectionKind,
} from '../../api/index.js';

export interface CompletionData {
  label: string;
  kind: 'key' | 'value' | 'entry';
  /** Text to insert (keys get `: `); for an `entry`, a snippet (`${1:...}` tab stops) that replaces the whole line. */
  insertText: string;
  detail?: string;
}

/** Every field the schema knows, with the section (or `plan`/`customer`) it belongs to. */
const ALL_FIELDS: readonly { where: string; field: FieldSpec }[] = [
  ...PLAN_FIELDS.map((field) => ({ where: 'plan', field })),
  ...CUSTOMER_FIELDS.map((field) => ({ where: 'customer', field })),
  ...SECTIONS.flatMap((s) => (s.entry?.fields ?? []).map((field) => ({ where: s.kind, field }))),
];

/** A field's values to offer, from the schema: an enum's or word's values, true/false for booleans. */
function valuesOf(f: FieldSpec): readonly string[] {
  if (f.type === 'bool') return ['true', 'false'];
  return f.type === 'enum' || f.type === 'word' || f.type === 'enum-list' ? (f.values ?? []) : [];
}

/** The values of a YAML key, from the schema (the first field with that key and values). */
function valuesOfKey(key: string): readonly string[] {
  for (const { field } of ALL_FIELDS) if (field.key === key && valuesOf(field).length > 0) return valuesOf(field);
  return [];
}

const CHILD_KEYS: Record<string, readonly string[]> = {
  customer: CUSTOMER_KEYS,
  selection: SELECTION_KEYS,
  ...Object.fromEntries(SECTIONS.filter((s) => s.entry).map((s) => [s.key, s.entry!.fields.map((f) => f.key)])),
};

function meaning(key: string, value: string): string | undefined {
  return valueMeanings(key)?.values.find((v) => v.value === value)?.meaning;
}

/** Values the plan already uses, offered where the schema has no fixed list (departments, moments). */
export interface UsedValues {
  departments?: readonly string[];
  /** The moments of truth the plan's journey names (placeholders left out). */
  moments?: readonly string[];
}

/** Each value once (compared case-insensitively), as first written, emphasis and placeholders dropped. */
function distinct(values: Iterable<string | undefined>): string[] {
  const seen = new Map<string, string>();
  for (const v of values) {
    const t = v?.replace(/[*_`]/g, '').trim();
    if (t && !isPlaceholder(t) && !seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  }
  return [...seen.values()];
}

/** The departments a plan already names (its counterparts and the owner's department) and its journey's moments. */
export function usedValues(plan: PlanModel): UsedValues {
  return {
    departments: distinct([
      ...(plan.counterparts?.entries ?? []).map((c) => c.department?.value),
      plan.ownerDepartment?.value,
    ]),
    moments: distinct((plan.journey?.entries ?? []).map((j) => j.moment?.value)),
  };
}

/** A department's name as a writer writes it: `it` → IT, `supply chain` → Supply chain. */
const departmentName = (d: string) => (d.length <= 2 ? d.toUpperCase() : d.charAt(0).toUpperCase() + d.slice(1));

/**
 * The departments to offer: those the framework asks for (counterpart-finance's first name, then counterpart-back-end's
 * list: Finance, IT, Logistics, Supply chain, Operations, Procurement) that the plan does not name yet, then those it
 * already names.
 */
export function departmentItems(used: readonly string[] = [], suffix = ''): CompletionData[] {
  const asked = [
    { name: FINANCE_DEPARTMENTS[0]!, rule: 'counterpart-finance' },
    ...BACK_END_DEPARTMENTS.map((name) => ({ name, rule: 'counterpart-back-end' })),
  ].filter((a) => !used.some(financeMatcher([a.name])));
  return [
    ...asked.map((a) => ({
      label: departmentName(a.name),
      kind: 'value' as const,
      insertText: departmentName(a.name) + suffix,
      detail: `asked for by ${a.rule}`,
    })),
    ...used.map((d) => ({ label: d, kind: 'value' as const, insertText: d + suffix, detail: 'in this plan' })),
  ];
}

/** The journey's moments, offered for a metric's Moment (metrics name the moment they measure). */
const momentItems = (moments: readonly string[] = []): CompletionData[] =>
  moments.map((m) => ({ label: m, kind: 'value' as const, insertText: m, detail: "a moment of this plan's journey" }));

/**
 * A new iteration entry at a `### ` line in the log: the heading dated `today` and its labels, each value a tab stop
 * holding its prompt (the core writer's snippet, as "Add iteration entry" writes it).
 */
function iterationEntryItem(today: string): CompletionData {
  const lines = entrySnippet('markdown', 'iterations', today).filter((l) => l !== '$0');
  return {
    label: `${today} — iteration entry`,
    kind: 'entry',
    insertText: [...lines, '$0'].join('\n'),
    detail: "a dated entry: today's date, the change and the feedback that prompted it",
  };
}

const valueItems = (key: string, values: readonly string[]): CompletionData[] =>
  values.map((v) => {
    const detail = meaning(key, v);
    return { label: v, kind: 'value' as const, insertText: v, ...(detail ? { detail } : {}) };
  });

/**
 * Items in a Markdown plan's body at `offset` in section `section`: the values after a label (`- Order: ` →
 * first, second, third), in a table cell under an enum column (Order, Source, Perspective, Aggregate, Stage), and
 * the departments the plan already uses in a Department cell or at the start of a Counterparts bullet. Labels,
 * columns and values come from the schema.
 */
export function bodyCompletionsAt(
  text: string,
  offset: number,
  section: SectionKind | undefined,
  used: UsedValues = {},
  today?: string,
): CompletionData[] {
  const spec = SECTIONS.find((s) => s.kind === section)?.entry;
  if (!spec) return [];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  if (section === 'iterations' && today !== undefined && /^###[ \t]+$/.test(prefix)) return [iterationEntryItem(today)];
  const label =
    /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z -]{0,30}?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*[\w-]*$/.exec(
      prefix,
    );
  if (label) {
    const f = spec.fields.find((x) => x.labels?.includes(label[1]!.trim().toLowerCase()));
    return f ? fieldItems(f, section, used) : [];
  }
  if (/^[ \t]*\|/.test(prefix) && /\|[ \t]*[\w-]*$/.test(prefix) && !/^[ \t]*\|[ \t:|]*-[ \t:|-]*$/.test(prefix)) {
    const column = (prefix.match(/\|/g) ?? []).length - 1;
    // The header: the first line of the table the cursor is in.
    const lines = text.slice(0, lineStart).split('\n');
    lines.pop();
    let h = lines.length - 1;
    while (h > 0 && /^[ \t]*\|/.test(lines[h - 1]!)) h--;
    if (h < 0 || !/^[ \t]*\|/.test(lines[h] ?? '')) return [];
    const header = lines[h]!.trim()
      .replace(/^\|/, '')
      .split('|')
      .map((c) => c.replace(/[*_`]/g, '').trim().toLowerCase().replace(/\s+/g, ' '));
    const f = spec.fields.find((x) => x.columns?.includes(header[column] ?? ''));
    return f ? fieldItems(f, section, used) : [];
  }
  if (section === 'counterparts' && /^[ \t]*[-*+][ \t]+(?:\*\*)?[A-Za-z]*$/.test(prefix)) {
    return departmentItems(used.departments, ': ');
  }
  return [];
}

/** The values to offer for field `f` of an entry in `section`: departments, the journey's moments in a metric, or the schema's. */
function fieldItems(f: FieldSpec, section: SectionKind | undefined, used: UsedValues): CompletionData[] {
  if (f.key === 'department') return departmentItems(used.departments);
  if (f.key === 'moment') return section === 'metrics' ? momentItems(used.moments) : [];
  return valueItems(f.key, valuesOf(f));
}

/**
 * Items for the cursor at `offset`. `yamlStart`/`yamlEnd` bound the YAML (the whole text for a YAML plan,
 * the front matter's content for a Markdown plan); outside them there is nothing to complete.
 */
export function completionsAt(
  text: string,
  offset: number,
  yamlStart: number,
  yamlEnd: number,
  topLevel: 'front-matter' | 'yaml',
  used: UsedValues = {},
): CompletionData[] {
  if (offset < yamlStart || offset > yamlEnd) return [];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  const value = /^(\s*)(?:-\s+)?([A-Za-z][\w-]*):\s+[\w-]*$/.exec(prefix);
  if (value) {
    const key = value[2]!;
    if (key === 'department') return departmentItems(used.departments);
    if (key === 'owner-department') return valueItems(key, used.departments ?? []);
    if (key === 'moment') {
      // The top-level key above the cursor says whose moment it is: a metric's (offer the journey's) or the journey's own.
      const above = [...text.slice(yamlStart, lineStart).matchAll(/^([A-Za-z][\w-]*):/gm)].pop()?.[1];
      return above === 'metrics' ? momentItems(used.moments) : [];
    }
    return valueItems(key, valuesOfKey(key));
  }
  const keyAt = /^(\s*)(-\s+)?[A-Za-z-]*$/.exec(prefix);
  if (!keyAt) return [];
  const indent = keyAt[1]!.length + (keyAt[2]?.length ?? 0);
  let candidates: readonly string[];
  const present = new Set<string>();
  if (indent === 0) {
    candidates = topLevel === 'yaml' ? YAML_PLAN_KEYS : FRONT_MATTER_KEYS;
    for (const m of text.slice(yamlStart, yamlEnd).matchAll(/^([A-Za-z][\w-]*):/gm)) present.add(m[1]!);
  } else {
    // The parent is the nearest line above with less indentation that opens a mapping (`key:`).
    const lines = text.slice(yamlStart, yamlEnd).split('\n');
    const here = text.slice(yamlStart, lineStart).split('\n').length - 1;
    let p = here - 1;
    while (
      p >= 0 &&
      !(/^(\s*)([A-Za-z][\w-]*):\s*(#.*)?$/.exec(lines[p]!) && /^\s*/.exec(lines[p]!)![0].length < indent)
    )
      p--;
    const parent = p >= 0 ? /^(\s*)([A-Za-z][\w-]*):/.exec(lines[p]!) : null;
    candidates = parent ? (CHILD_KEYS[parent[2]!] ?? []) : [];
    // The keys the mapping already has (a list item's keys for entries: from its `- ` line to the next item).
    if (parent && !keyAt[2]) {
      const parentIndent = parent[1]!.length;
      let from = here - 1;
      while (from > p && !/^\s*-\s/.test(lines[from]!)) from--;
      const start =
        CHILD_KEYS[parent[2]!] === CUSTOMER_KEYS || CHILD_KEYS[parent[2]!] === SELECTION_KEYS
          ? p + 1
          : Math.max(from, p + 1);
      for (let i = start; i < lines.length; i++) {
        if (i === here) continue;
        const l = lines[i]!;
        if (l.trim() === '' || /^\s*#/.test(l)) continue;
        const ind = /^\s*/.exec(l)![0].length;
        if (ind <= parentIndent || (i > here && /^\s*-\s/.test(l) && i > start)) break;
        const m = /^\s*(?:-\s+)?([A-Za-z][\w-]*):/.exec(l);
        if (m && (ind === indent || /^\s*-\s/.test(l))) present.add(m[1]!);
      }
    }
  }
  return candidates
    .filter((k) => !present.has(k))
    .map((k) => ({ label: k, kind: 'key' as const, insertText: `${k}: ` }));
}
