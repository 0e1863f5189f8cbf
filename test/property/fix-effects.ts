// What one fix does to a plan's findings, and whether what it writes is a value the writer did not give (spec v2.1,
// "The tool never answers for the writer"). Used by fixes.test.ts and by scripts/fix-effects.mjs (the report table).
import {
  AIMS,
  lint,
  ORDERS,
  PERSPECTIVES,
  RISKS,
  SIZES,
  SOURCES,
  STAGES,
  type Fix,
  type Problem,
} from '../../src/api/index.js';

/** A finding, told apart from the others of its rule by its message (lines move when a fix inserts lines). */
const key = (p: Problem) => `${p.ruleId}: ${p.message}`;

function counts(problems: readonly Problem[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of problems) m.set(key(p), (m.get(key(p)) ?? 0) + 1);
  return m;
}

/** Those of `a` not in `b` (as a multiset). */
function minus(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [k, n] of a) for (let i = b.get(k) ?? 0; i < n; i++) out.push(k);
  return out.sort();
}

export function applyEdits(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.span.start - a.span.start))
    out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return out;
}

export interface FixEffect {
  ruleId: string;
  title: string;
  /** Findings (rule: message) gone after the fix. */
  removed: string[];
  /** Findings there only after the fix. */
  added: string[];
  /** Rules other than the fixed one that had findings before and have none after: the fix made them pass. */
  othersPassing: string[];
  /** Values the fix wrote that the writer did not give (empty when it wrote prompts only). */
  invented: string[];
}

/** The effect of each safe fix of `text`'s findings, applied alone. */
export function fixEffects(text: string, filePath: string, today: string): FixEffect[] {
  const before = lint(text, { filePath, today });
  const had = counts(before);
  const rulesBefore = new Set(before.map((p) => p.ruleId));
  return before
    .filter((p) => p.fix)
    .map((p) => {
      const after = lint(applyEdits(text, p.fix!), { filePath, today });
      const has = counts(after);
      const rulesAfter = new Set(after.map((q) => q.ruleId));
      return {
        ruleId: p.ruleId,
        title: p.fix!.title,
        removed: minus(had, has),
        added: minus(has, had),
        othersPassing: [...rulesBefore].filter((r) => r !== p.ruleId && !rulesAfter.has(r)).sort(),
        invented: invented(text, p.fix!, today),
      };
    });
}

/** Words of the plan's enums: written by the tool as a value, each would be an answer the writer did not give. */
const ENUM_WORDS: readonly string[] = [...SIZES, ...RISKS, ...SOURCES, ...ORDERS, ...PERSPECTIVES, ...STAGES, ...AIMS];

/**
 * What a fix wrote that the writer did not give: a date other than today (unless the edit only rewrites a date the
 * writer wrote, as `2026-2-3` to `2026-02-03`), an enum word as a value (a YAML value, a table cell, a labelled
 * bullet's value) that the replaced text does not hold, and a department other than the one the fix's title names.
 * Comments are guidance, not values, and are left out.
 */
export function invented(text: string, fix: Fix, today: string): string[] {
  const out: string[] = [];
  for (const e of fix.edits) {
    const replaced = text.slice(e.span.start, e.span.end);
    const written = e.text.replace(/<!--[\s\S]*?-->/g, '').replace(/(^|\s)#\s.*$/gm, '');
    // A date rewritten in ISO form holds the same numbers as the one it replaces.
    const numbers = (s: string) => (s.match(/\d+/g) ?? []).map(Number).join('-');
    for (const d of written.match(/\d{4}-\d{2}-\d{2}/g) ?? [])
      if (d !== today && !text.includes(d) && numbers(replaced) !== numbers(d)) out.push(`date ${d}`);
    for (const w of ENUM_WORDS) {
      const asValue = new RegExp(`(?::[ \\t]*|\\|[ \\t]*)${w.replace(/[-]/g, '\\-')}[ \\t]*(?:$|\\||,|\\])`, 'mi');
      if (asValue.test(written) && !new RegExp(`\\b${w}\\b`, 'i').test(replaced)) out.push(`enum ${w}`);
    }
    for (const dept of ['Finance', 'IT', 'Logistics', 'Supply chain', 'Sales', 'Operations'])
      if (new RegExp(`(^|\\| |\\*\\*|department: )${dept}\\b`, 'm').test(written) && !fix.title.includes(dept))
        out.push(`department ${dept}`);
  }
  return out;
}
