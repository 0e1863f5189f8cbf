// iteration-front-line-only edge cases: narrow on purpose (a false alarm on a sound plan is worse than a miss).
import { describe, expect, it } from 'vitest';
import { lint, rules, type LintConfig } from '../../src/api/index.js';

const ONLY: LintConfig = {
  rules: { ...Object.fromEntries(rules.map((r) => [r.meta.id, 'off' as const])), 'iteration-front-line-only': 'info' },
};

/** A running YAML plan whose entries have these changes. */
const plan = (changes: string[], status = 'running') =>
  [
    'kind: testbed-plan',
    'title: Same-day spare parts with Harbor Marine',
    `status: ${status}`,
    'iterations:',
    ...changes.flatMap((c, i) => [
      `  - date: 2026-0${i + 1}-02`,
      `    change: ${JSON.stringify(c)}`,
      '    feedback: The marina manager still chases parts by phone.',
    ]),
  ].join('\n');

const found = (text: string) =>
  lint(text, { filePath: 'p.testbed.yaml', config: ONLY, today: '2026-06-01' }).map(
    (p) => `${p.line}:${p.column} ${p.message}`,
  );

const NOTE =
  '4:1 Every one of the 3 changes in the iteration log trains, scripts or coaches front-line staff; ask whether the real problem lies with logistics, IT, or some other back-end function, and change that too.';

describe('iteration-front-line-only', () => {
  const frontLine = [
    'Retrained counter staff on quoting delivery times',
    'New call script for late orders',
    'Mystery shopper calls each week',
  ];

  it('notes a live log of front-line changes only, at the log, in every live status', () => {
    for (const status of ['running', 'scaling', 'closed'])
      expect(found(plan(frontLine, status)), status).toEqual([NOTE]);
  });

  it('is silent on drafts and proposed plans', () => {
    for (const status of ['draft', 'proposed']) expect(found(plan(frontLine, status)), status).toEqual([]);
  });

  it('is silent once one change reaches the back end, or is not about staff at all', () => {
    expect(found(plan([...frontLine.slice(0, 2), 'Counter staff training on the new ERP parts screen']))).toEqual([]);
    expect(found(plan([...frontLine.slice(0, 2), 'Parts travel by train instead of van']))).toEqual([]);
    expect(found(plan([...frontLine.slice(0, 2), 'A second depot on the east marina']))).toEqual([]);
  });

  it('reads "it" as a pronoun, not as IT: it does not exempt a front-line change', () => {
    expect(found(plan([...frontLine.slice(0, 2), 'Coached the counter team to say it plainly']))).toEqual([NOTE]);
  });

  it('skips entries whose change is missing or a placeholder when counting', () => {
    expect(found(plan([...frontLine.slice(0, 2), 'TBD']))).toEqual([]);
  });
});
