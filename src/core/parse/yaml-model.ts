// Reads a parsed YAML mapping (a YAML plan, or a Markdown plan's front matter) into the plan model.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Alias,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { nearestRealDate, normaliseDateLike, parseIsoDate } from '../dates.js';
import type { SchemaIssue, UnknownKeyIssue } from '../document.js';
import type { CustomerModel, DateField, ListSection, Located, PlanModel, TextSection } from '../model.js';
import {
  CUSTOMER_FIELDS,
  CUSTOMER_KEYS,
  FRONT_MATTER_KEYS,
  PLAN_FIELDS,
  SECTIONS,
  SELECTION_KEYS,
  YAML_PLAN_KEYS,
  fieldByKey,
  type EntrySpec,
  type FieldSpec,
} from '../schema.js';
import { nearest, suggest } from '../suggest.js';
import type { Span } from '../types.js';
import { wordOf } from './words.js';
import { aliasTargets } from './yaml-aliases.js';

export interface YamlReadResult {
  schemaIssues: SchemaIssue[];
  unknownKeys: UnknownKeyIssue[];
  /** Top-level keys in document order, with their key and whole-pair spans. */
  topKeys: { key: string; anchor: Span; span: Span }[];
}

type AnyNode = Node | null | undefined;

/** Fills `plan` from the mapping at the root of `doc`. `base` is the offset of the YAML text in the file. */
export function readYamlPlan(
  doc: Document,
  source: string,
  base: number,
  plan: PlanModel,
  form: 'front-matter' | 'yaml',
): YamlReadResult {
  const r = new Reader(doc, base, source);
  const root = doc.contents;
  const topKeys: YamlReadResult['topKeys'] = [];
  if (root === null || root === undefined) return { schemaIssues: r.schema, unknownKeys: r.unknown, topKeys };
  if (!isMap(root)) {
    r.schema.push({
      span: r.span(root),
      key: form === 'yaml' ? 'plan' : 'front matter',
      expected: 'a mapping of keys (key: value)',
      actual: r.describe(root),
    });
    return { schemaIssues: r.schema, unknownKeys: r.unknown, topKeys };
  }
  const known = form === 'yaml' ? YAML_PLAN_KEYS : FRONT_MATTER_KEYS;
  for (const pair of r.pairs(root, known, 'plan')) {
    const key = r.keyText(pair);
    const anchor = r.span(pair.key as Node);
    topKeys.push({ key, anchor, span: r.pairSpan(pair) });
    const v = r.deref(pair.value as AnyNode);
    const model = plan as unknown as Record<string, unknown>;
    const section = SECTIONS.find((x) => x.key === key);
    if (section) {
      const span = r.pairSpan(pair);
      if (section.shape === 'rationale') model[section.kind] = r.selection(v, anchor, span);
      else if (section.shape === 'text') model[section.kind] = r.textSection(v, anchor, span, key);
      else model[section.kind] = r.list(v, anchor, span, key, section.entry!);
      continue;
    }
    if (key === 'customer') plan.customer = r.customer(v, anchor);
    else if (key === 'aims')
      plan.aims = { anchor, items: r.enumList(v, 'aims', fieldByKey(PLAN_FIELDS, 'aims')!.values!) };
    else model[fieldByKey(PLAN_FIELDS, key)!.name] = r.value(fieldByKey(PLAN_FIELDS, key)!, v, key);
    if (key === 'title' && plan.title) plan.titleAnchor = r.pairSpan(pair);
  }
  return { schemaIssues: r.schema, unknownKeys: r.unknown, topKeys };
}

class Reader {
  readonly schema: SchemaIssue[] = [];
  readonly unknown: UnknownKeyIssue[] = [];
  constructor(
    private readonly doc: Document,
    private readonly base: number,
    private readonly source: string,
  ) {}

  /** The node's span in the file, without the line break and indentation a block collection ends with. */
  span(node: AnyNode): Span {
    const range = node?.range;
    if (!range) return { start: this.base, end: this.base };
    const start = this.base + range[0];
    let end = this.base + Math.max(range[0], range[1]);
    // Why: YAML whitespace only; /\s/ would also trim a U+FEFF or U+00A0 that is part of a key, and a rename fix would miss it.
    while (end > start && /[ \t\r\n]/.test(this.source[end - 1]!)) end--;
    return { start, end };
  }

  pairSpan(pair: Pair): Span {
    const k = this.span(pair.key as Node);
    const v = pair.value ? this.span(pair.value as Node) : k;
    return { start: k.start, end: Math.max(k.end, v.end) };
  }

  /** What each alias of the document refers to; made on the first alias met. */
  private targets: Map<Alias, Node> | undefined;

  /** Follows an alias one step, so values can be shared with anchors; nothing is expanded recursively. */
  deref(node: AnyNode): AnyNode {
    if (node && isAlias(node)) {
      this.targets ??= aliasTargets(this.doc);
      return this.targets.get(node) ?? node;
    }
    return node;
  }

  keyText(pair: Pair): string {
    const k = pair.key;
    if (isScalar(k)) return String(k.value);
    return '';
  }

  describe(node: AnyNode): string {
    if (!node) return 'nothing';
    if (isMap(node)) return 'a mapping';
    if (isSeq(node)) return 'a list';
    if (isScalar(node)) {
      const v = node.value;
      if (v === null) return 'nothing';
      const s = typeof v === 'string' ? v : node.toString();
      return s.length > 40 ? `${s.slice(0, 37)}...` : s;
    }
    return 'an alias';
  }

  /** The pairs of a mapping, reporting keys outside `known` (except `x-` keys), which are then skipped. */
  *pairs(map: YAMLMap, known: readonly string[], where: string, path?: string): Generator<Pair> {
    for (const item of map.items) {
      if (!isPair(item)) continue;
      const key = this.keyText(item);
      if (key.startsWith('x-')) continue;
      if (!known.includes(key)) {
        // Why: `__proto__` and friends are just unknown keys here; nothing is ever assigned by a user's key name.
        this.unknown.push({
          span: this.span(item.key as Node),
          key,
          where,
          ...(path ? { path } : {}),
          suggestion: suggest(key, known),
        });
        continue;
      }
      yield item;
    }
  }

  private scalarString(node: AnyNode): string | undefined {
    if (node && isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'bigint') return String(node.source ?? v);
    }
    return undefined;
  }

  private isNull(node: AnyNode): boolean {
    return !node || (isScalar(node) && (node.value === null || node.value === ''));
  }

  text(node: AnyNode, key: string): Located<string> | undefined {
    if (this.isNull(node)) return undefined;
    const s = this.scalarString(node);
    if (s === undefined) {
      this.schema.push({ span: this.span(node), key, expected: 'text', actual: this.describe(node) });
      return undefined;
    }
    return { value: s, span: this.span(node) };
  }

  enumValue(node: AnyNode, key: string, allowed: readonly string[], fixCase = false): Located<string> | undefined {
    if (this.isNull(node)) return undefined;
    const s = this.scalarString(node);
    const span = this.span(node);
    if (s === undefined || !allowed.includes(s)) {
      const lower = s
        ?.trim()
        .toLowerCase()
        .replace(/[\s_]+/g, '-');
      // The lower-cased spelling, else the nearest allowed value (`secnd` → second): a fix when only one is near.
      const near = fixCase && lower !== undefined && !allowed.includes(lower) ? nearest(lower, allowed) : [];
      const replacement =
        fixCase && lower !== undefined && allowed.includes(lower) ? lower : near.length === 1 ? near[0] : undefined;
      this.schema.push({
        span,
        key,
        expected: `one of ${allowed.join(', ')}`,
        actual: this.describe(node),
        replacement,
        ...(near.length > 1 ? { suggestions: near } : {}),
      });
      return s === undefined ? undefined : { value: s, span };
    }
    return { value: s, span };
  }

  enumList(node: AnyNode, key: string, allowed: readonly string[]): Located<string>[] {
    if (this.isNull(node)) return [];
    if (isSeq(node)) {
      const out: Located<string>[] = [];
      node.items.forEach((item, i) => {
        const v = this.enumValue(this.deref(item as AnyNode), `${key}[${i}]`, allowed, true);
        if (v && allowed.includes(v.value)) out.push(v);
      });
      return out;
    }
    this.schema.push({
      span: this.span(node),
      key,
      expected: `a list of ${allowed.join(', ')}`,
      actual: this.describe(node),
    });
    return [];
  }

  bool(node: AnyNode, key: string): Located<boolean> | undefined {
    if (this.isNull(node)) return undefined;
    if (isScalar(node) && typeof node.value === 'boolean') return { value: node.value, span: this.span(node) };
    const s = this.scalarString(node)?.trim().toLowerCase();
    const replacement =
      s === 'yes' || s === 'y' || s === 'on' ? 'true' : s === 'no' || s === 'n' || s === 'off' ? 'false' : undefined;
    this.schema.push({
      span: this.span(node),
      key,
      expected: 'true or false',
      actual: this.describe(node),
      replacement,
    });
    return undefined;
  }

  /** A date field. With `report` false (iteration dates, owned by iteration-dated) a bad date is kept silently. */
  date(node: AnyNode, key: string, report = true): DateField | undefined {
    if (this.isNull(node)) return undefined;
    const span = this.span(node);
    const s = this.scalarString(node);
    if (s === undefined) {
      if (report) this.schema.push({ span, key, expected: 'a date (YYYY-MM-DD)', actual: this.describe(node) });
      return report ? undefined : { value: this.describe(node), span };
    }
    const day = parseIsoDate(s.trim());
    if (day === undefined && report) {
      this.schema.push({
        span,
        key,
        expected: 'a real calendar date (YYYY-MM-DD)',
        actual: this.describe(node),
        replacement: normaliseDateLike(s),
        ...suggestedDate(s),
      });
    }
    return { value: s, span, day };
  }

  customer(node: AnyNode, anchor: Span): CustomerModel | undefined {
    const c: CustomerModel = { anchor };
    if (this.isNull(node)) return c;
    if (!isMap(node)) {
      this.schema.push({
        span: this.span(node),
        key: 'customer',
        expected: 'a mapping (name, tier, size, ...)',
        actual: this.describe(node),
      });
      return c;
    }
    const model = c as unknown as Record<string, unknown>;
    for (const pair of this.pairs(node, CUSTOMER_KEYS, 'customer')) {
      const key = this.keyText(pair);
      const f = fieldByKey(CUSTOMER_FIELDS, key)!;
      model[f.name] = this.value(f, this.deref(pair.value as AnyNode), `customer.${key}`);
    }
    return c;
  }

  textSection(node: AnyNode, anchor: Span, span: Span, key: string): TextSection {
    const text = this.text(node, key);
    return { anchor, span, text, words: text ? countWords(text.value) : 0 };
  }

  selection(node: AnyNode, anchor: Span, span: Span): TextSection {
    const s: TextSection = { anchor, span, words: 0 };
    if (this.isNull(node)) return s;
    if (!isMap(node)) {
      this.schema.push({
        span: this.span(node),
        key: 'selection',
        expected: 'a mapping with `rationale`',
        actual: this.describe(node),
      });
      return s;
    }
    for (const pair of this.pairs(node, SELECTION_KEYS, 'selection')) {
      const t = this.text(this.deref(pair.value as AnyNode), 'selection.rationale');
      s.text = t;
      s.words = t ? countWords(t.value) : 0;
    }
    return s;
  }

  /** A field's value, read and checked as the schema says. */
  value(f: FieldSpec, node: AnyNode, path: string): unknown {
    switch (f.type) {
      case 'date':
        return this.date(node, path, f.reportInvalid !== false);
      case 'bool':
        return this.bool(node, path);
      case 'enum':
        return this.enumValue(node, path, f.values!, !f.strictCase);
      case 'word': {
        const t = this.text(node, path);
        return t && { value: wordOf(t.value), span: t.span };
      }
      case 'enum-list':
        return this.enumList(node, path, f.values!);
      case 'text':
        return this.text(node, path);
    }
  }

  list(node: AnyNode, anchor: Span, span: Span, key: string, spec: EntrySpec): ListSection<unknown> {
    const section: ListSection<unknown> = { anchor, span, entries: [], style: 'yaml' };
    section.value = node ? this.span(node) : { start: anchor.end, end: anchor.end };
    if (this.isNull(node)) return section;
    if (!isSeq(node)) {
      this.schema.push({ span: this.span(node), key, expected: 'a list of entries', actual: this.describe(node) });
      return section;
    }
    node.items.forEach((raw, i) => {
      const item = this.deref(raw as AnyNode);
      if (!isMap(item)) {
        this.schema.push({
          span: this.span(item),
          key: `${key}[${i}]`,
          expected: 'a mapping of keys',
          actual: this.describe(item),
        });
        return;
      }
      section.entries.push(this.entry(item, `${key}[${i}]`, this.span(item), spec));
    });
    return section;
  }

  private firstKeySpan(m: YAMLMap, fallback: Span): Span {
    const first = m.items[0];
    return first && isPair(first) ? this.pairSpan(first) : fallback;
  }

  /** One list item: its fields as the schema says; pointed at by its anchor field (department, name) when present. */
  entry(m: YAMLMap, path: string, span: Span, spec: EntrySpec): Record<string, unknown> {
    const e: Record<string, unknown> = { span, anchor: this.firstKeySpan(m, span), style: 'yaml' };
    const keys = spec.fields.map((f) => f.key);
    for (const pair of this.pairs(m, keys, spec.name, path)) {
      const key = this.keyText(pair);
      const f = fieldByKey(spec.fields, key)!;
      e[f.name] = this.value(f, this.deref(pair.value as AnyNode), `${path}.${key}`);
    }
    const a = spec.anchorField === undefined ? undefined : (e[spec.anchorField] as Located<string> | undefined);
    if (a) e.anchor = a.span;
    return e;
  }
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return m ? m.length : 0;
}

/** The nearest real day of an impossible date, as a schema issue's suggestion. */
export function suggestedDate(text: string): { suggestions?: string[] } {
  const d = nearestRealDate(text);
  return d === undefined ? {} : { suggestions: [d] };
}
