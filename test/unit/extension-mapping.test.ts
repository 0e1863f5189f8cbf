// The extension's pure parts: Problem → diagnostic data, hovers, the status-bar summary, disable-comment edits, guidance.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyFixes, entrySnippet, lint, lintDetailed, parsePlan, type Problem } from '../../src/api/index.js';
import { disableFileFix, disableNextLineFix } from '../../src/core/disable.js';
import { SECTION_GUIDANCE, sectionSummary } from '../../src/core/guidance.js';
import { bodyCompletionsAt, completionsAt, usedValues } from '../../src/extension/features/completion-items.js';
import { toDiagnosticData } from '../../src/extension/lint/diagnostic-data.js';
import { hoverAt } from '../../src/extension/features/hover-text.js';
import { iterationSnippet } from '../../src/extension/features/iteration-snippet.js';
import { threePoints, threePointsTooltip } from '../../src/extension/features/three-points.js';

const TODAY = '2026-06-01';
const MD = 'test/vscode/workspace/plan.testbed.md';
const YAML = 'test/vscode/workspace/plan.testbed.yaml';
const read = (f: string) => readFileSync(f, 'utf8');
const detailed = (f: string, text = read(f)) => lintDetailed(text, { filePath: f, today: TODAY });

describe('toDiagnosticData', () => {
  it('makes ranges 0-based, maps info to information and links the rule doc', () => {
    const p: Problem = {
      ruleId: 'metric-worst-case',
      severity: 'info',
      messageId: 'm',
      message: 'Msg; do this.',
      span: { start: 5, end: 9 },
      line: 3,
      column: 2,
      endLine: 3,
      endColumn: 6,
      docsUrl: 'https://example.test/metric-worst-case.md',
      related: [{ message: 'here', span: { start: 0, end: 1 }, line: 1, column: 1, endLine: 1, endColumn: 2 }],
    };
    expect(toDiagnosticData(p)).toEqual({
      range: [2, 1, 2, 5],
      severity: 'information',
      message: 'Msg; do this.',
      source: 'testbed-lint',
      code: { value: 'metric-worst-case', target: 'https://example.test/metric-worst-case.md' },
      related: [{ message: 'here', range: [0, 0, 0, 1] }],
    });
    expect(toDiagnosticData({ ...p, severity: 'error' }).severity).toBe('error');
    expect(toDiagnosticData({ ...p, severity: 'warning' }).severity).toBe('warning');
  });
});

describe('disable comments', () => {
  for (const file of [MD, YAML]) {
    it(`silence exactly the rule they name, on the line or in the file (${file.endsWith('md') ? 'Markdown' : 'YAML'})`, () => {
      const text = read(file);
      const { problems, document } = detailed(file, text);
      for (const p of problems) {
        const count = (t: string) =>
          lint(t, { filePath: file, today: TODAY }).filter((q) => q.ruleId === p.ruleId).length;
        const before = count(text);
        const line = disableNextLineFix(document, p.line, p.ruleId);
        if (line)
          expect(count(applyFixes(text, [{ ...p, fix: line }]).text), `${p.ruleId} at line ${p.line}`).toBeLessThan(
            before,
          );
        const whole = disableFileFix(document, p.ruleId)!;
        expect(count(applyFixes(text, [{ ...p, fix: whole }]).text), p.ruleId).toBe(0);
      }
    });
  }

  it('use a YAML comment in front matter and an HTML comment in the Markdown body', () => {
    const { document } = detailed(MD);
    expect(disableNextLineFix(document, 12, 'customer-not-premier')!.edits[0]!.text).toBe(
      '  # testbed-lint-disable-next-line customer-not-premier\n',
    );
    expect(disableNextLineFix(document, 35, 'iteration-stale')!.edits[0]!.text).toBe(
      '<!-- testbed-lint-disable-next-line iteration-stale -->\n',
    );
    expect(disableNextLineFix(document, 48, 'counterpart-early')).toBeUndefined(); // a table row
    const file = disableFileFix(document, 'counterpart-finance')!.edits[0]!;
    expect(file.text).toBe('<!-- testbed-lint-disable-file counterpart-finance -->\n');
    expect(read(MD).slice(0, file.span.start).endsWith('---\n')).toBe(true);
  });

  it('extend a comment that is already there', () => {
    const text = read(MD).replace(
      '  tier: Key Account',
      '  # testbed-lint-disable-next-line aims-stated\n  tier: Key Account',
    );
    const { document } = detailed(MD, text);
    const fix = disableNextLineFix(document, 13, 'customer-not-premier')!;
    expect(applyFixes(text, [{ ...lint(text, { filePath: MD, today: TODAY })[0]!, fix }]).text).toContain(
      '# testbed-lint-disable-next-line aims-stated customer-not-premier\n  tier: Key Account',
    );
  });
});

describe('hovers and summaries', () => {
  it('explain a section heading with a live summary of the plan', () => {
    const { document } = detailed(MD);
    const at = read(MD).indexOf('## Counterparts') + 4;
    const h = hoverAt(document, at)!;
    expect(h.markdown).toContain(SECTION_GUIDANCE.counterparts.asks);
    expect(h.markdown).toContain(
      '3 counterparts, 3 departments besides sales; finance not involved; 1 joined after the start',
    );
    expect(hoverAt(document, read(MD).indexOf('Key Account') + 2)!.markdown).toContain('**tier**: allowed values');
    expect(hoverAt(document, read(MD).indexOf('Northside opened'))).toBeUndefined();
    expect(hoverAt(document, read(MD).indexOf('customer:') + 2)!.markdown).toMatch(
      /^\*\*Customer selection\*\*: .*\n\n.*Baxter.*\n\n_This plan:_ 51 words of rationale; customer Northside Community Hospital; tier Key Account; size small$/s,
    );
  });

  it('explain YAML keys and enum values', () => {
    const text = read(YAML);
    const { document } = detailed(YAML, text);
    expect(hoverAt(document, text.indexOf('\ncounterparts:') + 2)!.markdown).toMatch(/^\*\*Counterparts\*\*/);
    expect(hoverAt(document, text.indexOf('status: running') + 9)!.markdown).toContain('`scaling`');
    expect(sectionSummary(document.plan, 'iterations')).toBe(
      '4 entries; 0 second- or third-order; newest 2026-03-02; plan is live',
    );
  });

  it('explain every schema key where it is written: YAML keys, front matter keys, labels and table headers', () => {
    const y = read(YAML).replace('  size: large\n', '  size: large\n  risk: low\n');
    const yd = detailed(YAML, y).document;
    const hover = (d: typeof yd, t: string, needle: string, plus = 1) => hoverAt(d, t.indexOf(needle) + plus);
    expect(hover(yd, y, '\nstatus:', 2)!.markdown).toBe(
      [
        '**status**: where the testbed stands; it decides which rules apply and how strictly',
        '',
        'Allowed values:',
        '',
        '- `draft`: being written; fewer rules apply',
        '- `proposed`: waiting for approval',
        '- `running`: live with the customer; the iteration log must be kept up to date',
        '- `scaling`: findings are being rolled out; a scale-up plan is required',
        '- `closed`: finished; a scale-up plan is required',
      ].join('\n'),
    );
    const risk = hover(yd, y, '  risk:', 3)!;
    expect(risk.markdown).toMatch(
      /^\*\*risk\*\*: how much is at stake with this customer.*\n\nAllowed values:\n\n- `low`\n- `medium`\n- `high`$/s,
    );
    expect(y.slice(risk.span.start, risk.span.end)).toBe('risk');
    expect(hover(yd, y, '    order:', 5)!.markdown).toMatch(/^\*\*order\*\*: how deep the change goes/);
    expect(hover(yd, y, '  name: Globex', 3)!.markdown).toMatch(/^\*\*name\*\*: the customer's name/);
    const m = read(MD);
    const md = detailed(MD, m).document;
    expect(hover(md, m, '\nstatus:', 2)!.markdown).toMatch(/^\*\*status\*\*: where the testbed stands/);
    const order = hover(md, m, '- Order: first', 3)!;
    expect(order.markdown).toMatch(/^\*\*Order\*\*: how deep the change goes.*- `second`: a change to a process/s);
    expect(m.slice(order.span.start, order.span.end)).toBe('Order');
    expect(hover(md, m, '| Perspective |', 3)!.markdown).toMatch(
      /^\*\*Perspective\*\*: whose view the metric takes\n\nAllowed values:\n\n- `customer`: measured as the customer experiences it/,
    );
    expect(hover(md, m, '| Department |', 3)!.markdown).toMatch(/^\*\*Department\*\*: the department outside sales/);
    expect(hover(md, m, '| Ward stock-outs', 3)).toBeUndefined();
  });

  it('summarise the three points for the status bar', () => {
    const p = (ruleId: string, severity: Problem['severity']) => ({ ruleId, severity }) as Problem;
    expect(threePoints([])).toBe('Testbed: customer ✓ iterations ✓ counterparts ✓');
    expect(
      threePoints([p('customer-named', 'error'), p('iteration-stale', 'warning'), p('aims-stated', 'warning')]),
    ).toBe('Testbed: customer ✗ iterations ⚠ counterparts ✓');
    expect(threePoints([p('counterparts-listed', 'error')])).toBe('Testbed: customer ✓ iterations ✓ counterparts ✗');
    // Notes only: ℹ, as the report shows them, not ⚠.
    expect(
      threePoints([p('counterpart-back-end', 'info'), p('iteration-stale', 'info'), p('iteration-depth', 'warning')]),
    ).toBe('Testbed: customer ✓ iterations ⚠ counterparts ℹ');
  });

  it("explain the marks and count each point's findings in the status bar tooltip", () => {
    const p = (ruleId: string, severity: Problem['severity']) => ({ ruleId, severity }) as Problem;
    const labels = { customer: 'Customer', iterations: 'Iterations', counterparts: 'Counterparts' };
    expect(
      threePointsTooltip(
        [
          p('customer-named', 'error'),
          p('customer-rationale', 'warning'),
          p('customer-conditions', 'warning'),
          p('counterpart-back-end', 'info'),
          p('metric-worst-case', 'info'),
        ],
        labels,
      ),
    ).toBe(
      [
        '**Testbed Lint: the three points of this plan**',
        '',
        '✗ Customer: 1 error, 2 warnings  ',
        '✓ Iterations: no findings  ',
        'ℹ Counterparts: 1 note  ',
        'Other findings: 1 note  ',
        '',
        "✓ no findings · ℹ notes only · ⚠ warnings · ✗ errors. Click for this plan's findings, to go to one.",
      ].join('\n'),
    );
  });
});

describe('completion', () => {
  const y = read(YAML);
  const after = (t: string, needle: string) => t.indexOf(needle) + needle.length;
  const labels = (t: string, offset: number, top: 'yaml' | 'front-matter' = 'yaml', from = 0, to = t.length) =>
    completionsAt(t, offset, from, to, top).map((c) => c.label);

  it('offers the allowed values of enum keys, with their meaning', () => {
    expect(labels(y, after(y, 'status: '))).toEqual(['draft', 'proposed', 'running', 'scaling', 'closed']);
    expect(completionsAt(y, after(y, 'order: '), 0, y.length, 'yaml')[1]).toEqual({
      label: 'second',
      kind: 'value',
      insertText: 'second',
      detail: expect.stringContaining('process') as string,
    });
    expect(labels(y, after(y, 'title: '))).toEqual([]);
  });

  it('offers the keys of the enclosing mapping not yet written, and the missing top-level keys', () => {
    const t = y.replace('  tier: Key Account\n', '  tier: Key Account\n  \n');
    expect(labels(t, t.indexOf('  \n') + 2)).toEqual(['new-processes', 'champion', 'risk']);
    const bare =
      'kind: testbed-plan\ncustomer:\n  name: Acme\n  \n  size: small\niterations:\n  - date: 2026-02-02\n    \n  - date: 2026-02-10\n    order: first\n';
    expect(labels(bare, bare.indexOf('  \n') + 2)).toEqual(['tier', 'new-processes', 'champion', 'risk']);
    expect(labels(bare, bare.indexOf('    \n') + 4)).toEqual(['title', 'change', 'feedback', 'source', 'order']);
    expect(labels(`${y}s`, y.length + 1)).toEqual(['lang', 'aims', 'journey', 'scale-up']);
  });

  it('offers nothing outside the front matter of a Markdown plan', () => {
    const m = read(MD);
    const { document } = detailed(MD, m);
    const fm = document.plan.frontMatter!.contentSpan;
    expect(labels(m, after(m, 'status: '), 'front-matter', fm.start, fm.end)).toContain('running');
    expect(labels(m, m.indexOf('## Metrics'), 'front-matter', fm.start, fm.end)).toEqual([]);
  });
});

describe('completion in a Markdown body', () => {
  const m = read(MD);
  const plan = detailed(MD, m).document.plan;
  const at = (t: string, needle: string, section: Parameters<typeof bodyCompletionsAt>[2]) =>
    bodyCompletionsAt(t, t.indexOf(needle) + needle.length, section, usedValues(plan)).map((c) => c.label);

  it('offers the values of a labelled line, from the schema', () => {
    const t = m.replace('- Order: first', '- Order: ');
    expect(at(t, '- Order: ', 'iterations')).toEqual(['first', 'second', 'third']);
    expect(bodyCompletionsAt(t, t.indexOf('- Order: ') + 9, 'iterations')[1]!.detail).toMatch(/process/);
    expect(at('- **Source:** cu', '- **Source:** cu', 'iterations')).toEqual(['customer', 'internal']);
    expect(at('- Change: we', '- Change: we', 'iterations')).toEqual([]);
    expect(at('- Order: ', '- Order: ', 'metrics')).toEqual([]);
  });

  it('offers the values of a table cell under an enum column, and nothing in the header or separator', () => {
    const row = '| Ward stock-outs per month | customer | worst |';
    expect(at(m, row.slice(0, row.indexOf('customer')), 'metrics')).toEqual(['customer', 'internal']);
    expect(at(m, row.slice(0, row.indexOf('worst')), 'metrics')).toContain('p95');
    const log = '## Iteration log\n\n| Date | Change | Order | Stage |\n|---|---|---|---|\n| 2026-02-02 | weekly | s';
    expect(at(log, '| weekly | ', 'iterations')).toEqual(['first', 'second', 'third']);
    expect(at(log, '|---|', 'iterations')).toEqual([]);
    expect(at(log, '| Date | ', 'iterations')).toEqual([]);
    expect(at('## Customer journey\n\n| Stage | Moment |\n|---|---|\n| ', '|---|---|\n| ', 'journey')).toEqual([
      'find',
      'access',
      'use',
      'support',
    ]);
  });

  it('offers the departments the framework asks for that the plan lacks, then those it already names, in a Department cell and at the start of a Counterparts bullet', () => {
    expect(usedValues(plan).departments).toEqual(['Supply chain', 'IT', 'Logistics', 'sales']);
    const t = m.replace('| Logistics |', '| ');
    const needle = '| Integration lead | 2025-01-13 | First EDI link to a hospital system |\n| ';
    const cell = bodyCompletionsAt(t, t.indexOf(needle) + needle.length, 'counterparts', usedValues(plan));
    expect(cell.map((c) => [c.label, c.detail])).toEqual([
      ['Finance', 'asked for by counterpart-finance'],
      ['Operations', 'asked for by counterpart-back-end'],
      ['Procurement', 'asked for by counterpart-back-end'],
      ['Supply chain', 'in this plan'],
      ['IT', 'in this plan'],
      ['Logistics', 'in this plan'],
      ['sales', 'in this plan'],
    ]);
    // A plan that names none of them: all six, in the framework's order.
    expect(
      bodyCompletionsAt('- ', 2, 'counterparts', { departments: ['Inside sales'] }).map((c) => c.insertText),
    ).toEqual([
      'Finance: ',
      'IT: ',
      'Logistics: ',
      'Supply chain: ',
      'Operations: ',
      'Procurement: ',
      'Inside sales: ',
    ]);
    // YAML: `department:` offers the same list.
    const yaml = 'counterparts:\n  - department: \n';
    expect(
      completionsAt(yaml, yaml.indexOf(': \n') + 2, 0, yaml.length, 'yaml', { departments: ['Finance'] }).map(
        (c) => c.label,
      ),
    ).toEqual(['IT', 'Logistics', 'Supply chain', 'Operations', 'Procurement', 'Finance']);
  });

  it("offers the journey's moments in a metric's Moment cell, label and `moment:`, not in the journey itself", () => {
    const text =
      '## Customer journey\n\n| Stage | Moment |\n|---|---|\n| use | Nurse opens the ward cabinet |\n| support | Ward calls the hotline |\n| access | TODO: where the customer meets us, e.g. the nurse opens the ward cabinet |\n\n## Metrics\n\n| Metric | Perspective | Aggregate | Moment |\n|---|---|---|---|\n| Ward stock-outs | customer | worst | ';
    const doc = parsePlan(text, 'markdown');
    const used = usedValues(doc.plan);
    expect(used.moments).toEqual(['Nurse opens the ward cabinet', 'Ward calls the hotline']);
    expect(bodyCompletionsAt(text, text.length, 'metrics', used).map((c) => [c.label, c.detail])).toEqual([
      ['Nurse opens the ward cabinet', "a moment of this plan's journey"],
      ['Ward calls the hotline', "a moment of this plan's journey"],
    ]);
    expect(bodyCompletionsAt('- Moment: ', 10, 'metrics', used).map((c) => c.label)).toEqual(used.moments);
    expect(bodyCompletionsAt('| Stage | Moment |\n|---|---|\n| use | ', 37, 'journey', used)).toEqual([]);
    const yaml =
      'journey:\n  - stage: use\n    moment: Nurse opens the ward cabinet\nmetrics:\n  - name: Ward stock-outs\n    moment: ';
    expect(completionsAt(yaml, yaml.length, 0, yaml.length, 'yaml', used).map((c) => c.label)).toEqual(used.moments);
    expect(completionsAt('journey:\n  - moment: ', 22, 0, 22, 'yaml', used)).toEqual([]);
  });

  it('`### ` in the iteration log offers one dated entry: today, then its labels, each value a tab stop', () => {
    const text = '## Iteration log\n\n### ';
    const items = bodyCompletionsAt(text, text.length, 'iterations', {}, '2026-12-07');
    expect(items).toEqual([
      {
        label: '2026-12-07 — iteration entry',
        kind: 'entry',
        insertText: entrySnippet('markdown', 'iterations', '2026-12-07').join('\n'),
        detail: "a dated entry: today's date, the change and the feedback that prompted it",
      },
    ]);
    expect(items[0]!.insertText.split('\n')[0]).toMatch(/^### \$\{1:2026-12-07\} — \$\{2:TODO: name the change\}$/);
    expect(items[0]!.insertText).toMatch(/\n- Change: \$\{3:TODO: [^}]+\}\n- Feedback: \$\{4:TODO: [^}]+\}/);
    // Only in the log, only on a bare `### `.
    expect(bodyCompletionsAt('## Metrics\n\n### ', 15, 'metrics', {}, '2026-12-07')).toEqual([]);
    expect(bodyCompletionsAt('## Iteration log\n\n### 2026', 26, 'iterations', {}, '2026-12-07')).toEqual([]);
  });
});

describe('iterationSnippet', () => {
  const plain = (snippet: string) =>
    // Tab stops as inserted when the writer tabs through them: a prompt stays, an empty stop (an enum) stays empty.
    snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\}/g, '');
  for (const file of [MD, YAML, 'examples/clean.testbed.md', 'examples/clean.testbed.yaml']) {
    it(`adds an entry that keeps the log valid and in order (${file})`, () => {
      const text = read(file);
      const today = '2026-06-01';
      const at = iterationSnippet(detailed(file, text).document, today)!;
      const next = text.slice(0, at.offset) + plain(at.snippet) + text.slice(at.offset);
      const { problems, document } = lintDetailed(next, { filePath: file, today });
      expect(document.plan.iterations!.entries.length).toBe(
        detailed(file, text).document.plan.iterations!.entries.length + 1,
      );
      const before = lint(text, { filePath: file, today }).filter((p) => p.ruleId === 'iteration-order').length;
      expect(problems.filter((p) => p.ruleId === 'iteration-order').length).toBe(before);
      expect(problems.some((p) => p.ruleId === 'iteration-stale')).toBe(false);
      // The writer's prompts, as the iteration-log fix writes them: the unfilled entry shows as a to-do.
      const entry = document.plan.iterations!.entries.find((e) => e.date?.value === today)!;
      const line = (o: number) => next.slice(0, o).split('\n').length;
      const at2 = [line(entry.span.start), line(entry.span.end)];
      const here = problems
        .filter((p) => p.line >= at2[0]! && p.line <= at2[1]!)
        .map((p) => `${p.ruleId} ${p.severity}`);
      expect(here).toEqual(['iteration-change error', 'iteration-feedback warning']);
    });
  }
});

describe('the customer journey in hover and completion', () => {
  const plan = [
    'kind: testbed-plan',
    'title: Meter reading by photo for Oakfield Community Hall',
    'status: running',
    'journey:',
    '  - stage: support',
    '    moment: A bill looks too high',
    '  - ',
    'metrics:',
    '  - name: Bills the customer queried',
    '    perspective: customer',
    '    moment: A bill looks too high',
    '',
  ].join('\n');
  const file = 'oakfield.testbed.yaml';

  it('explains the journey key with moments of truth and a live summary, and the stage values', () => {
    const { document } = detailed(file, plan);
    const h = hoverAt(document, plan.indexOf('journey:') + 2)!;
    expect(h.markdown).toMatch(/^\*\*Customer journey\*\*: Name the moments of truth/);
    expect(h.markdown).toContain('moments of truth');
    expect(h.markdown).toContain('_This plan:_ 1 moment of truth; 1 metric tied to a moment');
    const s = hoverAt(document, plan.indexOf('support') + 2)!;
    expect(s.markdown).toContain('**stage**: allowed values');
    expect(s.markdown).toContain('- `support`: the customer gets help when something goes wrong');
  });

  it('completes the stage values and the keys of a journey entry', () => {
    const at = plan.indexOf('stage: ') + 'stage: '.length;
    expect(completionsAt(plan, at, 0, plan.length, 'yaml').map((c) => c.label)).toEqual([
      'find',
      'access',
      'use',
      'support',
    ]);
    const key = plan.indexOf('  - \n') + 4;
    expect(completionsAt(plan, key, 0, plan.length, 'yaml').map((c) => c.label)).toEqual([
      'stage',
      'moment',
      'today',
      'target',
    ]);
  });
});
