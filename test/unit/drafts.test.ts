// Drafts are to-do lists: on a draft, what is missing is at most info ("To do before proposing:"); what is wrong is not softened.
import { describe, expect, it } from 'vitest';
import { lint, rules, TODO_PREFIX, type LintConfig, type Problem } from '../../src/api/index.js';

const TODAY = '2026-06-01';

/** A draft with things still missing (aims, rationale, metrics, conditions, finance, departments) and five wrong things. */
const DRAFT = `---
kind: testbed-plan
title: Same-day spare parts with Harbor Marine
owner: Ines Duarte
owner-department: sales
status: draft
start: 2026-01-12
review: 2026-02-30
customer:
  name: Harbor Marine Services
  tier: premier
---

# Same-day spare parts with Harbor Marine

## Iteration log

### 2026-07-15 — Van stock for outboard parts

- Change: we keep outboard parts in the service van
- Feedback: TBD

## Counterparts

| Department | Contact | Since | Benefit |
|---|---|---|---|
| Logistics | Depot lead | 2026-04-01 | A test of van stocking before the regional rollout |
`;

const brief = (ps: Problem[]) =>
  ps.map(
    (p) => `${p.line}:${p.column} ${p.severity} ${p.ruleId}${p.message.startsWith(TODO_PREFIX) ? ' (to do)' : ''}`,
  );
const run = (text: string, config?: LintConfig, filePath = 'harbor.testbed.md') =>
  lint(text, { filePath, today: TODAY, ...(config ? { config } : {}) });

/** The wrong things in DRAFT: a bad date, a premier tier, a future entry, a placeholder feedback, a late counterpart. */
const WRONG = [
  '8:9 error plan-schema',
  '11:9 warning customer-not-premier',
  '18:5 error iteration-dated',
  '21:13 warning iteration-feedback',
  '27:28 warning counterpart-early',
];

describe('drafts: lenient (the default)', () => {
  it('turns what is missing into to-dos (info) and keeps the severity of what is wrong', () => {
    expect(brief(run(DRAFT))).toEqual([
      '3:1 info aims-stated (to do)',
      '3:1 info customer-rationale (to do)',
      '3:1 info journey-moments (to do)',
      '3:1 info metric-outside-in (to do)',
      WRONG[0],
      '9:1 info customer-conditions (to do)',
      ...WRONG.slice(1, 4),
      '23:1 info counterpart-finance (to do)',
      '23:1 info counterparts-cross-functional (to do)',
      WRONG[4],
    ]);
  });

  it('prefixes the message and lower-cases its first word, but not data or an acronym at the start', () => {
    const ps = run(DRAFT);
    expect(ps.find((p) => p.ruleId === 'customer-rationale')!.message).toBe(
      'To do before proposing: the plan does not say why this customer was chosen; add a "Customer selection" section that explains it in at least 30 words.',
    );
    expect(ps.find((p) => p.ruleId === 'counterpart-finance')!.message).toMatch(
      /^To do before proposing: finance is not among the counterparts; /,
    );
  });

  it('treats a plan without any status as a draft, in both forms', () => {
    expect(brief(run(DRAFT.replace('status: draft', '# no status yet')))).toEqual(brief(run(DRAFT)));
    const yaml = 'kind: testbed-plan\ntitle: Same-day spare parts\ncustomer:\n  tier: premier\n';
    expect(brief(run(yaml, undefined, 'harbor.testbed.yaml'))).toEqual([
      '2:1 info aims-stated (to do)',
      '2:1 info counterparts-listed (to do)',
      '2:1 info customer-rationale (to do)',
      '2:1 info iteration-log (to do)',
      '2:1 info journey-moments (to do)',
      '2:1 info metric-outside-in (to do)',
      '3:1 info customer-conditions (to do)',
      '3:1 info customer-named (to do)',
      '4:9 warning customer-not-premier',
    ]);
  });

  it('does not soften a plan whose status is not one of the five: the writer meant something', () => {
    for (const status of ['Running', 'Draft', 'live']) {
      const ps = run(DRAFT.replace('status: draft', `status: ${status}`));
      expect(
        ps.filter((p) => p.message.startsWith(TODO_PREFIX)),
        status,
      ).toEqual([]);
      expect(ps.find((p) => p.ruleId === 'customer-rationale')!.severity, status).toBe('error');
    }
  });

  it('caps a to-do at info even when the config raises the rule, and leaves an info rule info', () => {
    const config: LintConfig = { extends: 'strict', rules: { 'customer-rationale': 'error' } };
    const ps = run(DRAFT, config);
    expect(ps.find((p) => p.ruleId === 'customer-rationale')!.severity).toBe('info');
    expect(ps.find((p) => p.ruleId === 'customer-not-premier')!.severity).toBe('error');
    expect(run(DRAFT, { rules: { 'aims-stated': 'off' } }).some((p) => p.ruleId === 'aims-stated')).toBe(false);
  });
});

describe('drafts: strict, and plans that are no longer drafts', () => {
  const full = [
    '3:1 warning aims-stated',
    '3:1 error customer-rationale',
    '3:1 info journey-moments',
    '3:1 warning metric-outside-in',
    WRONG[0],
    '9:1 warning customer-conditions',
    ...WRONG.slice(1, 4),
    '23:1 warning counterpart-finance',
    '23:1 warning counterparts-cross-functional',
    WRONG[4],
  ];

  it('judges a draft like a proposed plan with `drafts: strict`', () => {
    expect(brief(run(DRAFT, { drafts: 'strict' }))).toEqual(full);
  });

  it('gives a proposed plan the full severities', () => {
    expect(brief(run(DRAFT.replace('status: draft', 'status: proposed')))).toEqual(full);
  });
});

describe('iteration-log and its not-live-severity option', () => {
  const plan = (status: string) => `kind: testbed-plan\ntitle: Same-day spare parts\nstatus: ${status}\n`;
  const only = (notLive?: string, drafts?: 'strict'): LintConfig => ({
    ...(drafts ? { drafts } : {}),
    rules: {
      ...Object.fromEntries(rules.map((r) => [r.meta.id, 'off' as const])),
      'iteration-log': notLive ? ['error', { 'not-live-severity': notLive }] : 'error',
    },
  });
  const sev = (status: string, config: LintConfig) =>
    run(plan(status), config, 'p.testbed.yaml').map(
      (p) => `${p.severity}${p.message.startsWith(TODO_PREFIX) ? ' (to do)' : ''}`,
    );

  it('applies not-live-severity to proposed plans, at most info on a lenient draft, and the rule severity once live', () => {
    expect(sev('proposed', only())).toEqual(['info']);
    expect(sev('draft', only())).toEqual(['info (to do)']);
    expect(sev('proposed', only('warning'))).toEqual(['warning']);
    expect(sev('draft', only('warning'))).toEqual(['info (to do)']);
    expect(sev('draft', only('warning', 'strict'))).toEqual(['warning']);
    expect(sev('draft', only('off'))).toEqual([]);
    expect(sev('running', only('off'))).toEqual(['error']);
  });
});
