import { describe, expect, it } from 'vitest';
import { entrySnippet, fixText, lint, planTemplate, SECTIONS, YAML_PLAN_KEYS } from '../../src/api/index.js';
import { findFrontMatter } from '../../src/core/parse/front-matter.js';
import { parsePlan } from '../../src/core/parse/index.js';
import { isPlan } from '../../src/core/detect.js';
import type { Span } from '../../src/core/types.js';

const TODAY = '2026-06-01';
const at = (text: string, s: Span | undefined) => (s ? text.slice(s.start, s.end) : undefined);

describe('the plan schema', () => {
  it('defines each section once: heading synonyms, YAML key and order are read from it', () => {
    expect(SECTIONS.map((s) => s.kind)).toEqual([
      'selection',
      'iterations',
      'counterparts',
      'journey',
      'metrics',
      'scaleUp',
    ]);
    expect(YAML_PLAN_KEYS).toContain('journey');
    for (const s of SECTIONS) {
      const doc = parsePlan(`# T\n\n## ${s.synonyms[s.synonyms.length - 1]!.toUpperCase()}\n\ntext\n`, 'p.md');
      expect(doc.outline[0]?.kind, s.heading).toBe(s.kind);
    }
  });
});

describe('one front-matter scanner', () => {
  it('closes on `---` only, as remark-frontmatter does, for both the parser and plan detection', () => {
    const dots = '---\nkind: testbed-plan\n...\n# T\n';
    expect(findFrontMatter(dots)).toBeUndefined();
    expect(isPlan('a.md', dots)).toBe(false);
    const dashes = '---\nkind: testbed-plan\n---\n# T\n';
    expect(findFrontMatter(dashes)?.content).toEqual({ start: 4, end: 23 });
    expect(isPlan('a.md', dashes)).toBe(true);
  });
});

describe("v2 fields: the customer journey and a metric's moment", () => {
  it('reads a Markdown journey table, labelled journey bullets and a Moment column', () => {
    const text = [
      '# T',
      '',
      '## Moments of truth',
      '',
      '| Stage | Moment | Today | Target |',
      '|---|---|---|---|',
      '| Use | nurse opens the ward cabinet | items missing | all there |',
      '',
      '## Journey',
      '',
      '## Metrics',
      '',
      '| Metric | Perspective | Aggregate | Moment of truth |',
      '|---|---|---|---|',
      '| Ward stock-outs | customer | worst | nurse opens the cabinet |',
      '',
    ].join('\n');
    const doc = parsePlan(text, 'p.md');
    const j = doc.plan.journey!;
    expect(j.style).toBe('table');
    expect(j.entries.map((e) => [e.stage?.value, e.moment?.value, e.today?.value, e.target?.value, e.style])).toEqual([
      ['use', 'nurse opens the ward cabinet', 'items missing', 'all there', 'row'],
    ]);
    expect(at(text, doc.plan.metrics!.entries[0]!.moment?.span)).toBe('nurse opens the cabinet');
    const bullets = parsePlan(
      '# T\n\n## Customer journey\n\n- **Use**: nurse opens the ward cabinet; today: items missing\n- Ordering: by phone\n',
      'p.md',
    ).plan.journey!;
    expect(bullets.entries.map((e) => [e.stage?.value, e.moment?.value, e.today?.value, e.style])).toEqual([
      ['use', 'nurse opens the ward cabinet', 'items missing', 'bullet'],
      [undefined, 'Ordering', undefined, 'bullet'],
    ]);
  });

  it('reads and checks a YAML journey list and a metric moment like any other field', () => {
    const text =
      'kind: testbed-plan\njourney:\n  - stage: Use\n    moment: nurse opens the cabinet\n    target: all there\n    when: now\nmetrics:\n  - name: stock-outs\n    moment: nurse opens the cabinet\n';
    const doc = parsePlan(text, 'p.yaml');
    expect(doc.plan.journey!.entries[0]).toMatchObject({
      style: 'yaml',
      moment: { value: 'nurse opens the cabinet' },
      target: { value: 'all there' },
    });
    expect(doc.plan.metrics!.entries[0]!.moment?.value).toBe('nurse opens the cabinet');
    expect(doc.schemaIssues).toEqual([
      expect.objectContaining({
        key: 'journey[0].stage',
        expected: 'one of find, access, use, support',
        replacement: 'use',
      }),
    ]);
    expect(doc.unknownKeys).toEqual([expect.objectContaining({ key: 'when', where: 'journey stage' })]);
  });

  it('reads the v2 counterpart date words: an `In since` column and "joined"/"from" before a date in bullets', () => {
    const table = parsePlan(
      '# T\n\n## Counterparts\n\n| Department | In since |\n|---|---|\n| Finance | 2026-01-10 |\n',
      'p.md',
    );
    expect(table.plan.counterparts!.entries[0]!.since?.value).toBe('2026-01-10');
    const b = parsePlan(
      '# T\n\n## Counterparts\n\n- **Finance**: Dana from accounts, joined 2026-01-10\n- **IT**: Lee, from 2026-02-01\n',
      'p.md',
    );
    expect(b.plan.counterparts!.entries.map((c) => [c.contact?.value, c.since?.value])).toEqual([
      ['Dana from accounts', '2026-01-10'],
      ['Lee', '2026-02-01'],
    ]);
  });

  it('aggregate is a word in both forms', () => {
    const y = parsePlan('metrics:\n  - name: x\n    aggregate: P95\n', 'p.yaml');
    const m = parsePlan('# T\n\n## Metrics\n\n| Metric | Aggregate |\n|---|---|\n| x | **P95** |\n', 'p.md');
    expect(y.plan.metrics!.entries[0]!.aggregate?.value).toBe('p95');
    expect(m.plan.metrics!.entries[0]!.aggregate?.value).toBe('p95');
  });
});

describe('one writer', () => {
  it("fills the template's empty counterparts table with a row, never a second header", () => {
    const r = fixText(planTemplate('markdown', { title: 'T', today: TODAY }), { filePath: 'p.md', today: TODAY });
    expect(r.text.match(/\| Department \| Contact \| Since \| Benefit \|/g)).toHaveLength(1);
    expect(r.text).toContain(
      '| Department | Contact | Since | Benefit |\n|---|---|---|---|\n| Finance | TODO: name a contact in finance | 2026-06-01 | TODO: what finance gains from the testbed |\n',
    );
  });

  it('writes prompts that stay to-dos: after the fixes, the rules still ask for every prompt to be filled in', () => {
    for (const [form, file] of [
      ['markdown', 'p.md'],
      ['yaml', 'p.yaml'],
    ] as const) {
      const r = fixText(planTemplate(form, { title: 'T', today: TODAY }), { filePath: file, today: TODAY });
      const ids = r.problems.map((p) => p.ruleId);
      expect(ids, form).toEqual(
        expect.arrayContaining(['iteration-change', 'iteration-feedback', 'counterpart-benefit']),
      );
    }
  });

  it('snippets hold the same prompts: a snippet inserted as is is reported', () => {
    const body = entrySnippet('markdown', 'iterations', TODAY)
      .filter((l) => l !== '$0')
      .map((l) => l.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1'));
    const text = `---\nkind: testbed-plan\nstatus: running\nstart: 2026-01-01\n---\n# T\n\n## Iteration log\n\n${body.join('\n')}\n`;
    const ids = lint(text, { filePath: 'p.md', today: TODAY }).map((p) => p.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['iteration-change', 'iteration-feedback']));
  });
});
