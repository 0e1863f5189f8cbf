// Runs every rule doc's examples as tests: Incorrect blocks give exactly one problem (or expect=N), Correct blocks none.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, lint, rules, type LintConfig, type Problem, type RuleEntry } from '../../src/api/index.js';
import { readRuleDoc, type DocExample } from '../helpers/rule-docs.js';

const RULES_DIR = join(__dirname, '../../src/rules');
const SNAP_DIR = join(__dirname, '__snapshots__');
/** The date doc examples are linted on, unless a block says `today=...`. */
export const DOC_TODAY = '2026-06-01';

function configFor(id: string, ex: DocExample): LintConfig {
  const rule = rules.find((r) => r.meta.id === id)!;
  const entries: Record<string, RuleEntry> = {};
  for (const r of rules) entries[r.meta.id] = 'off';
  const options = ex.attrs.options ? (JSON.parse(ex.attrs.options) as Record<string, unknown>) : undefined;
  entries[id] = options ? [rule.meta.defaultSeverity, options] : rule.meta.defaultSeverity;
  return { rules: entries };
}

function render(problems: Problem[]): string {
  return problems
    .map(
      (p) =>
        `${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.severity} ${p.ruleId} ${p.message}${p.related ? p.related.map((r) => `\n  related ${r.line}:${r.column} ${r.message}`).join('') : ''}`,
    )
    .join('\n');
}

for (const rule of rules) {
  const id = rule.meta.id;
  describe(`rule doc ${id}`, () => {
    const docPath = join(RULES_DIR, id, `${id}.md`);
    const text = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
    const doc = readRuleDoc(text);

    it('has a doc', () => {
      expect(existsSync(docPath), `${docPath} is missing`).toBe(true);
    });
    const rendered: string[] = [`# ${id}`, ''];
    let fixesSeen = 0;

    it('has examples in both sections', () => {
      expect(doc.examples.some((e) => e.section === 'Incorrect')).toBe(true);
      expect(doc.examples.some((e) => e.section === 'Correct')).toBe(true);
    });

    doc.examples.forEach((ex, i) => {
      it(`${ex.section} example at line ${ex.line} (${ex.lang})`, () => {
        expect(ex.expect, `a block under "${ex.section}" needs expect=N`).not.toBeUndefined();
        const filePath = ex.lang === 'plan-yaml' ? 'example.testbed.yaml' : 'example.testbed.md';
        const today = ex.attrs.today ?? DOC_TODAY;
        const problems = lint(ex.code, { filePath, config: configFor(id, ex), today });
        const own = problems.filter((p) => p.ruleId === id);
        expect(problems.length - own.length).toBe(0);
        expect(own.length, render(own)).toBe(ex.expect);
        for (const p of own) {
          expect(p.message).not.toMatch(/\{\{/);
          if (p.fix) {
            // A fix that leaves the text as it was would be offered for ever.
            expect(applyFixes(ex.code, [p]).text, `the fix "${p.fix.title}" changes the text`).not.toBe(ex.code);
            fixesSeen++;
          }
        }
        rendered.push(
          `## ${ex.section} ${i + 1} (${ex.lang}, doc line ${ex.line})`,
          '',
          '```text',
          render(own) || '(no problems)',
          '```',
          '',
        );
        if (own.some((p) => p.fix)) {
          const fixed = applyFixes(ex.code, own).text;
          rendered.push(
            'Fixed:',
            '',
            '```' + (ex.lang === 'plan-yaml' ? 'yaml' : 'markdown'),
            fixed.replace(/\n$/, ''),
            '```',
            '',
          );
          const after = lint(fixed, { filePath, config: configFor(id, ex), today }).filter((p) => p.ruleId === id);
          expect(after.filter((p) => p.fix).length, 'a fix must not leave a fixable problem of its own rule').toBe(0);
        }
        // Suggestions are offered to a person one at a time (never by fix-all): each shown with the text it leaves.
        for (const p of own) {
          for (const s of p.suggestions ?? []) {
            const suggested = applyFixes(ex.code, [{ ...p, fix: s }]).text;
            expect(suggested, `the suggestion "${s.title}" changes the text`).not.toBe(ex.code);
            rendered.push(
              `Suggestion "${s.title}":`,
              '',
              '```' + (ex.lang === 'plan-yaml' ? 'yaml' : 'markdown'),
              suggested.replace(/\n$/, ''),
              '```',
              '',
            );
          }
        }
      });
    });

    it('matches its snapshot, and fixes exactly when fixable', async () => {
      if (rule.meta.fixable === 'safe') expect(fixesSeen, 'a fixable rule shows a fix in its doc').toBeGreaterThan(0);
      await expect(rendered.join('\n')).toMatchFileSnapshot(join(SNAP_DIR, `${id}.snap.md`));
    });
  });
}

describe('rule doc snapshots', () => {
  it('has no orphaned snapshot files', () => {
    let files: string[] = [];
    try {
      files = readdirSync(SNAP_DIR);
    } catch {
      files = [];
    }
    const ids = new Set(rules.map((r) => `${r.meta.id}.snap.md`));
    expect(files.filter((f) => !ids.has(f))).toEqual([]);
  });
});
