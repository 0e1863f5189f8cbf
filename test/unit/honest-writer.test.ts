// The tool never answers for the writer (spec v2.1): what the template and the snippets write, and how an editor
// reads the template's indentation.
import { describe, expect, it } from 'vitest';
import { entrySnippet, frontMatterSnippet, lint, planTemplate, SECTIONS } from '../../src/api/index.js';

const TODAY = '2026-06-01';
const FORMS = [
  ['markdown', 'p.testbed.md'],
  ['yaml', 'p.testbed.yaml'],
] as const;

/**
 * The indentation an editor guesses, as VS Code does it (`guessIndentation`): the width that most often separates
 * the leading spaces of one non-blank line from the next. Undefined when no line is indented.
 */
function guessedIndent(text: string): number | undefined {
  const counts = new Map<number, number>();
  let previous = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const indent = /^ */.exec(line)![0].length;
    const delta = Math.abs(indent - previous);
    if (delta > 0) counts.set(delta, (counts.get(delta) ?? 0) + 1);
    previous = indent;
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

describe('the new-plan template', () => {
  it.each(FORMS)('is indented by two spaces everywhere (%s): an editor detects "Spaces: 2"', (form) => {
    const text = planTemplate(form, { title: 'Pilot', today: TODAY });
    expect(guessedIndent(text)).toBe(2);
    const odd = text.split('\n').filter((l) => /^ */.exec(l)![0].length % 2 === 1);
    expect(odd).toEqual([]);
    expect(text).not.toMatch(/\t/);
  });

  it.each(FORMS)(
    'answers nothing for the writer (%s): every point-1 value, the aims and the dates are prompts',
    (form) => {
      const text = planTemplate(form, { title: 'Pilot', today: TODAY });
      const live = text
        .split('\n')
        .map((l) => l.replace(/\s+#.*$/, ''))
        .filter((l) => !/^\s*#/.test(l));
      for (const key of [
        'owner',
        'owner-department',
        'start',
        'review',
        'name',
        'tier',
        'size',
        'new-processes',
        'champion',
      ])
        expect(
          live.filter((l) => new RegExp(`^\\s*${key}:`).test(l)),
          key,
        ).toEqual([
          `${key === 'owner' || key === 'owner-department' || key === 'start' || key === 'review' ? '' : '  '}${key}: TODO`,
        ]);
      expect(live).toContain('aims: []');
      // The only value given is what holds for every new plan: its kind, its title and that it is a draft.
      expect(live.filter((l) => /^(kind|title|status):/.test(l))).toEqual([
        'kind: testbed-plan',
        'title: Pilot',
        'status: draft',
      ]);
      // No date outside the commented example entries (dated today: an entry written now is dated now).
      const dates = live.filter((l) => /\d{4}-\d{2}-\d{2}/.test(l) && !l.trimStart().startsWith('<!--'));
      expect(dates.filter((l) => !l.includes(TODAY))).toEqual([]);
    },
  );

  it.each(FORMS)('keeps its guidance in comments (%s)', (form) => {
    const text = planTemplate(form, { title: 'Pilot', today: TODAY });
    expect(text).toContain('avoid premier accounts, which raise a red flag for the sales group.');
    expect(text).toContain('size: TODO # small, medium or large');
    expect(text).toContain('new-processes: TODO # true or false: are their processes still to be designed?');
    expect(text).toContain('champion: TODO # the person on their side eager to innovate, e.g. "Dr. Lee, CEO"');
  });
});

describe('untouched, the template is a to-do list as a draft and fails once proposed', () => {
  /** The findings as `line ruleId severity`, with the line's text, so a reader sees which prompt each one is at. */
  const findings = (text: string, file: string) =>
    lint(text, { filePath: file, today: TODAY }).map((p) => ({
      at: `${p.line} ${p.ruleId} ${p.severity}`,
      text: text.split('\n')[p.line - 1]!.replace(/\s+#.*$/, ''),
      todo: p.message.startsWith('To do before proposing: '),
    }));

  it.each(FORMS)(
    'a draft (%s) has to-dos only: every finding is info, prefixed "To do before proposing:"',
    (form, file) => {
      const found = findings(planTemplate(form, { title: 'Pilot', today: TODAY }), file);
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((f) => !f.todo || !f.at.endsWith(' info'))).toEqual([]);
    },
  );

  it.each(FORMS)('proposed (%s), each unanswered point-1 prompt is a finding at its line', (form, file) => {
    const text = planTemplate(form, { title: 'Pilot', today: TODAY }).replace(/^status: draft/m, 'status: proposed');
    const found = findings(text, file);
    const at = (value: string) =>
      found.filter((f) => f.text.trim() === value && !f.at.endsWith(' info')).map((f) => f.at.replace(/^\d+ /, ''));
    expect(at('name: TODO')).toEqual(['customer-named error']);
    expect(at('tier: TODO')).toEqual(['plan-schema error']);
    expect(at('size: TODO')).toEqual(['plan-schema error']);
    expect(at('new-processes: TODO')).toEqual(['plan-schema error']);
    expect(at('champion: TODO')).toEqual(['customer-conditions warning']);
    expect(at('start: TODO')).toEqual(['plan-schema error']);
    expect(found.some((f) => f.at.includes('customer-rationale error'))).toBe(true);
    expect(found.some((f) => f.at.includes('aims-stated warning'))).toBe(true);
    expect(found.some((f) => f.todo)).toBe(false);
  });
});

describe('snippets', () => {
  it('offer no choice list, whose first entry would be a default answer, and no department for the writer', () => {
    const all = [
      frontMatterSnippet(),
      ...SECTIONS.filter((s) => s.entry).flatMap((s) => [
        entrySnippet('markdown', s.kind),
        entrySnippet('yaml', s.kind),
      ]),
    ].flat();
    expect(all.filter((l) => /\$\{\d+\|/.test(l))).toEqual([]);
    expect(all.filter((l) => /Finance/.test(l))).toEqual([]);
    expect(frontMatterSnippet()).toContain('  size: ${8:TODO} # small, medium or large');
    expect(entrySnippet('yaml', 'iterations')).toContain('  source: ${5} # customer or internal');
  });
});
