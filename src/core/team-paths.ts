// Team rules' `given` paths: the small path syntax over the plan model (`counterparts[*].benefit`), derived from the
// schema, and what a path resolves to in one plan (the values, with their spans, and where a missing one belongs).
import type { EntryBase, ListSection, Located, PlanModel } from './model.js';
import { CUSTOMER_FIELDS, PLAN_FIELDS, SECTIONS, type SectionKind } from './schema.js';
import type { Span } from './types.js';

/** What a path's values are: checks that judge text need `text`; `before`/`after` need `date`; `entries` can be counted. */
export type PathKind = 'text' | 'date' | 'entries';

/** One value a path resolves to: its text as the plan gives it, where it is, and its day number for a valid date. */
export interface PathValue {
  text: string;
  span: Span;
  day?: number;
}

/** A path resolved in one plan: its values, and the anchors where one is missing (for `present`). */
export interface Resolved {
  values: PathValue[];
  /** Where each missing value belongs: an entry's anchor, the section's heading, the plan's title. */
  missing: Span[];
  /** Where a count is reported: the section's heading or key, else the plan's title. */
  countAt: Span;
}

export interface PathSpec {
  /** The canonical spelling (`counterparts[*].benefit`). */
  path: string;
  kind: PathKind;
  /** Whether it can resolve to many values (a `[*]` path, `aims`): `before`/`after` compare with a single one. */
  many: boolean;
  resolve(plan: PlanModel): Resolved;
}

type AnyLocated = Located<string> | Located<boolean> | (Located<string> & { day?: number });

function valueOf(v: AnyLocated | undefined): PathValue | undefined {
  if (v === undefined) return undefined;
  const text = typeof v.value === 'boolean' ? String(v.value) : v.value;
  if (text.trim() === '') return undefined;
  const day = 'day' in v && typeof v.day === 'number' ? v.day : undefined;
  return day !== undefined ? { text, span: v.span, day } : { text, span: v.span };
}

function single(v: AnyLocated | undefined, anchor: Span): Resolved {
  const value = valueOf(v);
  return value ? { values: [value], missing: [], countAt: anchor } : { values: [], missing: [anchor], countAt: anchor };
}

function planField(name: string, key: string, kind: PathKind): PathSpec {
  return {
    path: key,
    kind,
    many: false,
    resolve: (plan) => single((plan as unknown as Record<string, AnyLocated | undefined>)[name], plan.titleAnchor),
  };
}

function customerField(name: string, key: string, kind: PathKind): PathSpec {
  return {
    path: `customer.${key}`,
    kind,
    many: false,
    resolve: (plan) => {
      const c = plan.customer as unknown as Record<string, AnyLocated | undefined> | undefined;
      return single(c?.[name], plan.customer?.anchor ?? plan.titleAnchor);
    },
  };
}

function textSection(kind: SectionKind, path: string): PathSpec {
  return {
    path,
    kind: 'text',
    many: false,
    resolve: (plan) => {
      const s = plan[kind as 'selection' | 'scaleUp'];
      return single(s?.text, s?.anchor ?? plan.titleAnchor);
    },
  };
}

function listOf(plan: PlanModel, kind: SectionKind): ListSection<EntryBase> | undefined {
  return plan[kind as 'iterations' | 'counterparts' | 'metrics' | 'journey'];
}

function entries(kind: SectionKind, path: string): PathSpec {
  return {
    path,
    kind: 'entries',
    many: true,
    resolve: (plan) => {
      const s = listOf(plan, kind);
      const at = s?.anchor ?? plan.titleAnchor;
      const values = (s?.entries ?? []).map((e) => ({ text: '', span: e.anchor }));
      return { values, missing: values.length > 0 ? [] : [at], countAt: at };
    },
  };
}

function entryField(kind: SectionKind, key: string, name: string, fieldKind: PathKind): PathSpec {
  return {
    path: `${sectionKey(kind)}[*].${key}`,
    kind: fieldKind,
    many: true,
    resolve: (plan) => {
      const s = listOf(plan, kind);
      const out: Resolved = { values: [], missing: [], countAt: s?.anchor ?? plan.titleAnchor };
      for (const e of s?.entries ?? []) {
        const v = valueOf((e as unknown as Record<string, AnyLocated | undefined>)[name]);
        if (v) out.values.push(v);
        else out.missing.push(e.anchor);
      }
      return out;
    },
  };
}

function sectionKey(kind: SectionKind): string {
  return SECTIONS.find((s) => s.kind === kind)!.key;
}

const kindOfType = (type: string): PathKind => (type === 'date' ? 'date' : 'text');

function buildPaths(): readonly PathSpec[] {
  const out: PathSpec[] = [];
  for (const f of PLAN_FIELDS) {
    if (f.key === 'customer') continue;
    if (f.key === 'aims') {
      const aims: PathSpec = {
        path: 'aims',
        kind: 'text',
        many: true,
        resolve: (plan) => {
          const at = plan.aims?.anchor ?? plan.titleAnchor;
          const values = (plan.aims?.items ?? []).map(valueOf).filter((v): v is PathValue => v !== undefined);
          return { values, missing: values.length > 0 ? [] : [at], countAt: at };
        },
      };
      out.push(aims, { ...aims, path: 'aims[*]' });
      continue;
    }
    out.push(planField(f.name, f.key, kindOfType(f.type)));
  }
  for (const f of CUSTOMER_FIELDS) out.push(customerField(f.name, f.key, kindOfType(f.type)));
  for (const s of SECTIONS) {
    if (s.shape === 'list') {
      out.push(entries(s.kind, s.key), entries(s.kind, `${s.key}[*]`));
      for (const f of s.entry!.fields) out.push(entryField(s.kind, f.key, f.name, kindOfType(f.type)));
    } else {
      out.push(textSection(s.kind, s.shape === 'rationale' ? `${s.key}.rationale` : s.key));
      out.push(textSection(s.kind, `sections.${s.key}.text`));
    }
  }
  return out;
}

/** Every path a team rule's `given` may name, from the schema: plan fields, customer fields, sections, entries' fields. */
export const TEAM_PATHS: readonly PathSpec[] = buildPaths();

/** The spec of a path as written (spaces around dots and brackets ignored); undefined when the model has no such path. */
export function pathSpec(path: string): PathSpec | undefined {
  const p = path.replace(/\s+/g, '');
  return TEAM_PATHS.find((s) => s.path === p);
}
