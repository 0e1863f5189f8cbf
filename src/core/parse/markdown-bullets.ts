// Reads labelled bullets into entries: counterparts (`- **Finance**: Dana, since 2026-01-10`), metrics and journey.
import type { ListItem } from 'mdast';
import {
  COUNTERPART_FIELDS,
  SECTIONS_BY_LANG,
  STAGES,
  fieldByLabel,
  type EntrySpec,
  type FieldSpec,
  type SectionKind,
} from '../schema.js';
import type { ReadLang } from '../lang.js';
import type { Located } from '../model.js';
import type { Span } from '../types.js';
import type { Entry } from './session.js';
import { dateLocated, enumWord, itemParagraph, located, off, trimEndOf } from './markdown-values.js';

const STRONG_LEAD = /^[ \t]*(?:\*\*|__)(.+?)(?:\*\*|__)[ \t]*:?[ \t]*/;
const PLAIN_LEAD = /^[ \t]*([^:*_\n]{1,60}?)[ \t]*:[ \t]*/;

/** A bullet's lead (`**Finance**:`): its text and span, and where the rest of the paragraph starts. */
export interface Lead {
  name: string;
  span: Span;
  restStart: number;
  rest: string;
}

export function bulletLead(text: string, item: ListItem): Lead | undefined {
  const p = itemParagraph(item);
  if (!p) return undefined;
  const ps = off(p);
  const raw = text.slice(ps.start, ps.end);
  const m = STRONG_LEAD.exec(raw) ?? PLAIN_LEAD.exec(raw);
  if (!m) return undefined;
  const name = m[1]!.replace(/:\s*$/, '').trim();
  const start = ps.start + m[0].indexOf(m[1]!);
  const restStart = ps.start + m[0].length;
  return { name, span: { start, end: start + name.length }, restStart, rest: text.slice(restStart, ps.end) };
}

export type BulletReader = (text: string, lead: Lead, e: Entry, spec: EntrySpec) => void;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

/** "since 2026-01-10", "joined 2026-01-10", ...: the schema's labels of `since`, longest first. */
const sinceIn = (fields: readonly FieldSpec[], anyLetters = false): RegExp =>
  new RegExp(
    `${anyLetters ? '(?<![\\p{L}\\p{N}])' : '\\b'}(${[...(fields.find((f) => f.name === 'since')?.labels ?? [])]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|')})\\s+(\\S+?)(?=[.,;)]?(?:\\s|$))`,
    anyLetters ? 'iu' : 'i',
  );
const SINCE = sinceIn(COUNTERPART_FIELDS);
/** SINCE and the benefit label in each other language's words ("seit 2026-01-10", "Nutzen:"), built once. */
const OTHER: Record<Exclude<ReadLang, 'en'>, { since: RegExp; benefit: RegExp }> = {
  de: bulletWords('de'),
  fr: bulletWords('fr'),
  es: bulletWords('es'),
  any: bulletWords('any'),
};

function bulletWords(lang: Exclude<ReadLang, 'en'>): { since: RegExp; benefit: RegExp } {
  const fields = SECTIONS_BY_LANG[lang].find((x) => x.kind === 'counterparts')!.entry!.fields;
  const benefit = fields.find((f) => f.name === 'benefit')!.labels!;
  return {
    since: sinceIn(fields, true),
    benefit: new RegExp(`(?<![\\p{L}\\p{N}])(?:${benefit.map(escape).join('|')})\\s*:\\s*`, 'iu'),
  };
}

/** `- **Finance**: Dana Reyes, since 2026-01-10. Benefit: cost-to-serve data` (also joined/from a date). */
const counterpartBullet: BulletReader = (text, { name, span, restStart, rest }, e, spec) => {
  e.department = { value: name, span };
  const words = spec.lang ? OTHER[spec.lang] : undefined;
  const benefitM = (words?.benefit ?? /\bbenefits?\s*:\s*/i).exec(rest);
  const beforeBenefit = benefitM ? rest.slice(0, benefitM.index) : rest;
  if (benefitM)
    e.benefit = located(text, { start: restStart + benefitM.index + benefitM[0].length, end: restStart + rest.length });
  const since = words?.since ?? SINCE;
  const re = new RegExp(since.source, `g${since.flags}`);
  let contactEnd = beforeBenefit.length;
  for (let m = re.exec(beforeBenefit); m; m = re.exec(beforeBenefit)) {
    // Why: "since" takes whatever follows (a bad date is reported); the other words count only before a date.
    if (!/(?:since|seit|depuis|desde)(?: le| el)?$/i.test(m[1]!) && !/^\d/.test(m[2]!)) continue;
    const ds = restStart + m.index + m[0].length - m[2]!.length;
    e.since = dateLocated(text, { start: ds, end: ds + m[2]!.length });
    contactEnd = m.index;
    break;
  }
  const contactRaw = trimEndOf(beforeBenefit.slice(0, contactEnd), /[\s,.;(—–-]/);
  if (contactRaw.trim()) {
    const cs = restStart + (contactRaw.length - contactRaw.trimStart().length);
    e.contact = { value: contactRaw.trim(), span: { start: cs, end: restStart + contactRaw.length } };
  }
};

/** Segments of `rest` split on , and ; with their offsets. */
function segments(text: string, restStart: number, rest: string): Located<string>[] {
  const segs: Located<string>[] = [];
  const re = /[^,;\n]+/g;
  for (let sm = re.exec(rest); sm; sm = re.exec(rest)) {
    const l = located(text, { start: restStart + sm.index, end: restStart + sm.index + sm[0].length });
    if (l) segs.push(l);
  }
  return segs;
}

/** Labelled segments (`perspective: customer`) for the fields that have labels. */
function labelledSegments(segs: Located<string>[], e: Entry, spec: EntrySpec, skip: readonly string[]): void {
  for (const s of segs) {
    const lm = /^([\p{L} ]+?)\s*:\s*/u.exec(s.value);
    const f = lm && fieldByLabel(spec.fields, lm[1]!.toLowerCase());
    if (!f || skip.includes(f.name) || e[f.name] !== undefined) continue;
    const span = { start: s.span.start + lm[0].length, end: s.span.end };
    const v = s.value.slice(lm[0].length);
    e[f.name] = f.type === 'text' ? { value: v, span } : { value: enumWord(f, v), span };
  }
}

/**
 * A bullet with no label (`- Ward stock-outs per month (customer, worst)`, `- Ward stock-outs per month`): its first
 * line is the lead, so the metric is read with its name (and, from a closing bracket, its perspective and aggregate).
 */
export function plainLead(text: string, item: ListItem): Lead | undefined {
  const p = itemParagraph(item);
  if (!p) return undefined;
  const ps = off(p);
  const nl = text.indexOf('\n', ps.start);
  const end = nl === -1 || nl > ps.end ? ps.end : nl;
  const l = located(text, { start: ps.start, end });
  if (!l) return undefined;
  const name = trimEndOf(l.value, /[\s.;]/);
  return {
    name,
    span: { start: l.span.start, end: l.span.start + name.length },
    restStart: l.span.start + name.length,
    rest: '',
  };
}

/** `Name (customer, worst)`: the name, and the bracket's content with its offset (the bracket must close the lead). */
const BRACKET_TAIL = /^(.*?\S)\s*\(([^()]*)\)$/;

/**
 * `- **Ward stock-outs:** customer, worst; baseline 4`, `- **Ward stock-outs**: perspective: customer, aggregate: worst`,
 * `- Ward stock-outs per month (customer, worst)` or `- Ward stock-outs per month: customer, worst`.
 */
const metricBullet: BulletReader = (text, { name, span, restStart, rest }, e, spec) => {
  // `- **Ward stock-outs** (customer, worst)`: the bracket's content.
  const restBracket = /^(\s*\()([^()]*)\)[\s.;]*$/.exec(rest);
  let segs = restBracket
    ? segments(text, restStart + restBracket[1]!.length, restBracket[2]!)
    : segments(text, restStart, rest);
  const bracket = BRACKET_TAIL.exec(name);
  const inner = bracket ? segments(text, span.start + name.length - 1 - bracket[2]!.length, bracket[2]!) : [];
  // Why: only a bracket that holds a perspective, an aggregate or a label is tags; "(ordering)" stays part of the name.
  if (bracket && inner.some((s) => isMetricTag(s.value, spec))) {
    e.name = { value: bracket[1]!, span: { start: span.start, end: span.start + bracket[1]!.length } };
    segs = [...inner, ...segs];
  } else e.name = { value: name, span };
  labelledSegments(segs, e, spec, ['name']);
  const pf = spec.fields.find((f) => f.name === 'perspective')!;
  const af = spec.fields.find((f) => f.name === 'aggregate')!;
  const perspectives = pf.values!;
  if (!e.perspective && !e.aggregate) {
    const [a, b] = segs;
    if (a && perspectives.includes(enumWord(pf, a.value))) {
      e.perspective = { value: enumWord(pf, a.value), span: a.span };
      if (b && /^[\p{L}\p{N}_-]+$/u.test(enumWord(af, b.value)))
        e.aggregate = { value: enumWord(af, b.value), span: b.span };
    } else if (
      a &&
      b &&
      aggregates(spec).includes(enumWord(af, a.value)) &&
      perspectives.includes(enumWord(pf, b.value))
    ) {
      // `(p95, customer)`: a well-known aggregate first.
      e.aggregate = { value: enumWord(af, a.value), span: a.span };
      e.perspective = { value: enumWord(pf, b.value), span: b.span };
    }
  }
};

const aggregates = (spec: EntrySpec): readonly string[] =>
  spec.fields.find((f) => f.name === 'aggregate')?.values ?? [];

/** Whether a bracket's part is a metric's tag: a perspective, a well-known aggregate, or a labelled field. */
function isMetricTag(v: string, spec: EntrySpec): boolean {
  const known = spec.fields.some(
    (f) => (f.name === 'perspective' || f.name === 'aggregate') && (f.values ?? []).includes(enumWord(f, v)),
  );
  const lm = /^([\p{L} ]+?)\s*:/u.exec(v);
  return known || (lm !== null && fieldByLabel(spec.fields, lm[1]!.toLowerCase()) !== undefined);
}

/** `- **Use**: nurse opens the ward cabinet; today: ..., target: ...` (a lead that is no stage is the moment). */
const journeyBullet: BulletReader = (text, { name, span, restStart, rest }, e, spec) => {
  const segs = segments(text, restStart, rest);
  labelledSegments(segs, e, spec, ['stage']);
  const stage = enumWord(
    spec.fields.find((f) => f.name === 'stage')!,
    name,
  );
  if ((STAGES as readonly string[]).includes(stage)) {
    e.stage = { value: stage, span };
    const first = segs[0];
    if (e.moment === undefined && first && !/^[\p{L} ]+\s*:/u.test(first.value)) e.moment = first;
  } else e.moment ??= { value: name, span };
};

export const BULLETS: Partial<Record<SectionKind, BulletReader>> = {
  counterparts: counterpartBullet,
  metrics: metricBullet,
  journey: journeyBullet,
};
