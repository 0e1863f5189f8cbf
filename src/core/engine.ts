// Runs the enabled rules over one parsed plan: severities, interpolation, inline disable comments, rule crashes.
import type { Directive, PlanDocument } from './document.js';
import { isDraft, isTodo, todoMessage } from './drafts.js';
import type { LintRun } from './run.js';
import type { Fix, Problem, RelatedLocation, Severity, Span } from './types.js';
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
    const docsUrl = opts.docsUrl(id);
    const found: Problem[] = [];
    try {
      const prepared = run.preparedFor(rule);
      rule.check({
        doc,
        plan: doc.plan,
        options: setting.options as never,
        today: opts.today,
        knownRuleIds,
        isPlaceholder: run.isPlaceholder,
        report(d) {
          let severity = d.severity ?? (setting.severity as Severity);
          if (severity === 'off') return;
          const span = clampSpan(d.at, doc.text.length);
          const start = doc.lines.positionAt(span.start);
          const end = doc.lines.positionAt(span.end);
          const template = rule.meta.messages[d.messageId] ?? d.messageId;
          let message = run.message(template, d.data as Record<string, string | number> | undefined);
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
            const swallowed = fix !== undefined && swallowedFrom !== undefined && fix.edits.some((e) => e.span.start > swallowedFrom);
            if (fix && (doc.syntaxIssues.length > 0 || rootNotMapping || swallowed)) suggestions.push(clampFix(fix, doc.text.length));
            else if (fix) p.fix = clampFix(fix, doc.text.length);
          }
          if (d.suggest) suggestions.push(...d.suggest().map((f) => clampFix(f, doc.text.length)));
          if (suggestions.length > 0) p.suggestions = suggestions;
          if (d.related && d.related.length > 0) p.related = d.related.map((r) => related(doc, r.at, r.message));
          found.push(p);
        },
      }, prepared);
    } catch (error) {
      crashes.push({ ruleId: id, error });
      continue;
    }
    append(problems, found);
  }
  const kept = applyDirectives(problems, doc.directives, known);
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
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
 */
export function applyDirectives(problems: Problem[], directives: readonly Directive[], known: ReadonlySet<string>): Problem[] {
  if (directives.length === 0) return problems;
  const sorted = [...directives].sort((a, b) => a.span.start - b.span.start);
  return problems.filter((p) => !suppressed(p, sorted, known));
}

function covers(d: Directive, ruleId: string, known: ReadonlySet<string>): boolean {
  const ids = d.ids.filter((i) => known.has(i.value));
  if (d.ids.length === 0) return true;
  return ids.some((i) => i.value === ruleId);
}

function suppressed(p: Problem, directives: readonly Directive[], known: ReadonlySet<string>): boolean {
  // Why: problems about the comments themselves (an unknown id) must stay visible.
  if (directives.some((d) => p.span.start >= d.span.start && p.span.end <= d.span.end)) return false;
  let off = false;
  for (const d of directives) {
    if (!covers(d, p.ruleId, known)) continue;
    switch (d.kind) {
      case 'disable-file':
        return true;
      case 'disable-line':
        if (d.line === p.line) return true;
        break;
      case 'disable-next-line':
        if (d.line + 1 === p.line) return true;
        break;
      case 'disable':
        if (d.span.start <= p.span.start) off = true;
        break;
      case 'enable':
        if (d.span.start <= p.span.start) off = false;
        break;
    }
  }
  return off;
}
