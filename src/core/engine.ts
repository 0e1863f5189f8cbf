// Runs the enabled rules over one parsed plan: severities, interpolation, inline disable comments, rule crashes.
import type { Directive, PlanDocument } from './document.js';
import { isDraft, isTodo, todoMessage } from './drafts.js';
import type { LintRun } from './run.js';
import type { Fix, Problem, RelatedLocation, Span } from './types.js';
import { append } from './arrays.js';

export interface RuleCrash {
  ruleId: string;
  error: unknown;
}

export interface EngineResult {
  problems: Problem[];
  crashes: RuleCrash[];
}

export interface EngineOptions {
  /** The run's rules, their resolved config and prepared state (src/core/run.ts). */
  run: LintRun;
  today: number;
  docsUrl(ruleId: string): string;
}

export function runRules(doc: PlanDocument, opts: EngineOptions): EngineResult {
  const { run } = opts;
  const { settings, knownRuleIds, known } = run;
  const problems: Problem[] = [];
  const crashes: RuleCrash[] = [];
  const swallowedFrom = doc.unclosedTail;
  // Why: a YAML plan (or front matter) whose top level is not a mapping (`|`, a list, a lone scalar) cannot take an
  // appended key: it would land inside the scalar or list, so fixes that add keys could never take effect.
  const rootNotMapping = doc.schemaIssues.some((i) => i.key === 'plan' || i.key === 'front matter');
  const lenientDraft = run.config?.drafts !== 'strict' && isDraft(doc.plan);
  for (const rule of run.rules) {
    const setting = settings.get(rule.meta.id)!;
    if (setting.severity === 'off') continue;
    const id = rule.meta.id;
    const docsUrl = rule.meta.link ?? opts.docsUrl(id);
    const found: Problem[] = [];
    try {
      const prepared = run.preparedFor(rule, doc.lang);
      rule.check(
        {
          doc,
          plan: doc.plan,
          options: run.optionsFor(rule, doc.lang),
          today: opts.today,
          knownRuleIds,
          isPlaceholder: run.placeholderTest(doc.lang),
          report(d) {
            let severity = d.severity ?? setting.severity;
            if (severity === 'off') return;
            const span = clampSpan(d.at, doc.text.length);
            const start = doc.lines.positionAt(span.start);
            const end = doc.lines.positionAt(span.end);
            const template = rule.meta.messages[d.messageId] ?? d.messageId;
            let message = run.message(template, d.data);
            // Drafts are to-do lists: what is still missing is a reminder, what is wrong keeps its severity.
            if (lenientDraft && isTodo(rule.meta, d.messageId)) {
              severity = 'info';
              message = todoMessage(message, template);
            }
            const p: Problem = {
              ruleId: id,
              severity,
              messageId: d.messageId,
              message,
              span,
              line: start.line,
              column: start.column,
              endLine: end.line,
              endColumn: end.column,
              docsUrl,
            };
            const suggestions: Fix[] = [];
            if (d.fix && rule.meta.fixable === 'safe') {
              const raw = d.fix();
              const fix = raw && !noOp(raw, doc.text) ? raw : undefined;
              // Why: with a syntax error the model misses what the parser could not read, so a fix that adds a
              // "missing" section would add it again on every pass; such fixes are offered, never applied by fix-all.
              // Likewise for an edit that would land inside an HTML comment or code fence left open to the end of the file.
              const swallowed =
                fix !== undefined && swallowedFrom !== undefined && fix.edits.some((e) => e.span.start > swallowedFrom);
              if (fix && (doc.syntaxIssues.length > 0 || rootNotMapping || swallowed))
                suggestions.push(clampFix(fix, doc.text.length));
              else if (fix) p.fix = clampFix(fix, doc.text.length);
            }
            if (d.suggest) suggestions.push(...d.suggest().map((f) => clampFix(f, doc.text.length)));
            if (suggestions.length > 0) p.suggestions = suggestions;
            if (d.related && d.related.length > 0) p.related = d.related.map((r) => related(doc, r.at, r.message));
            found.push(p);
          },
        },
        prepared,
      );
    } catch (error) {
      crashes.push({ ruleId: id, error });
      continue;
    }
    append(problems, found);
  }
  const kept = applyDirectives(problems, doc.directives, known);
  kept.sort(
    (a, b) =>
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  return { problems: kept, crashes };
}

/** A fix that would leave the text as it is (it would be offered, and "applied", forever). */
function noOp(fix: Fix | undefined, text: string): boolean {
  return fix !== undefined && fix.edits.every((e) => text.slice(e.span.start, e.span.end) === e.text);
}

function clampSpan(s: Span, len: number): Span {
  const start = Math.max(0, Math.min(s.start, len));
  return { start, end: Math.max(start, Math.min(s.end, len)) };
}

function clampFix(f: Fix, len: number): Fix {
  return { title: f.title, edits: f.edits.map((e) => ({ span: clampSpan(e.span, len), text: e.text })) };
}

function related(doc: PlanDocument, at: Span, message: string): RelatedLocation {
  const span = clampSpan(at, doc.text.length);
  const s = doc.lines.positionAt(span.start);
  const e = doc.lines.positionAt(span.end);
  return { message, span, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/**
 * Drops problems that inline comments switch off. `disable`/`enable` act from the comment onwards,
 * `disable-next-line` on the line after the comment, `disable-line` on its own line, `disable-file` everywhere.
 * A comment without ids applies to every rule. Unknown ids are reported by plan-unknown-key, not here.
 * Why the tables: a plan with a comment per entry has tens of thousands of comments and of problems; asking every
 * comment about every problem took minutes at 4.7 MB. The comments are read once per rule id instead.
 */
export function applyDirectives(
  problems: Problem[],
  directives: readonly Directive[],
  known: ReadonlySet<string>,
): Problem[] {
  if (directives.length === 0) return problems;
  const sorted = [...directives].sort((a, b) => a.span.start - b.span.start);
  // The furthest end of the comments starting at or before each one: whether a problem lies inside some comment.
  const reach: number[] = [];
  for (let i = 0; i < sorted.length; i++) reach.push(Math.max(sorted[i]!.span.end, i > 0 ? reach[i - 1]! : -1));
  const byRule = new Map<string, RuleDirectives>();
  return problems.filter((p) => {
    // Why: problems about the comments themselves (an unknown id) must stay visible.
    const k = lastAtOrBefore(sorted, p.span.start);
    if (k >= 0 && reach[k]! >= p.span.end) return true;
    let r = byRule.get(p.ruleId);
    if (!r) byRule.set(p.ruleId, (r = forRule(sorted, p.ruleId, known)));
    if (r.file || r.lines.has(p.line)) return false;
    const t = lastAtOrBefore(r.toggles, p.span.start);
    return !(t >= 0 && r.toggles[t]!.off);
  });
}

/** What the comments do to one rule's problems: the whole file, some lines, or from a point on (in order). */
interface RuleDirectives {
  file: boolean;
  lines: Set<number>;
  toggles: { span: Span; off: boolean }[];
}

function forRule(sorted: readonly Directive[], ruleId: string, known: ReadonlySet<string>): RuleDirectives {
  const out: RuleDirectives = { file: false, lines: new Set(), toggles: [] };
  for (const d of sorted) {
    if (!covers(d, ruleId, known)) continue;
    if (d.kind === 'disable-file') out.file = true;
    else if (d.kind === 'disable-line') out.lines.add(d.line);
    else if (d.kind === 'disable-next-line') out.lines.add(d.line + 1);
    else out.toggles.push({ span: d.span, off: d.kind === 'disable' });
  }
  return out;
}

/** The index of the last item (sorted by span start) starting at or before `offset`; -1 when none does. */
function lastAtOrBefore(items: readonly { span: Span }[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.span.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function covers(d: Directive, ruleId: string, known: ReadonlySet<string>): boolean {
  if (d.ids.length === 0) return true;
  return known.has(ruleId) && d.ids.some((i) => i.value === ruleId);
}
