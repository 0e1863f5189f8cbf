// A fixed set of results for formatter tests: hand-made problems, so output does not move as rules change.
import type { Problem, Rule } from '../../src/api/index.js';
import type { FileResult, FormatterContext } from '../../src/formatters/index.js';

export const CWD = '/project';
const DOCS = 'https://example.test/docs';

function problem(p: Partial<Problem> & Pick<Problem, 'ruleId' | 'severity' | 'message' | 'line' | 'column'>): Problem {
  return {
    messageId: 'm',
    span: { start: 0, end: 1 },
    endLine: p.line,
    endColumn: p.column + 3,
    docsUrl: `${DOCS}/${p.ruleId}.md`,
    ...p,
  };
}

export const RESULTS: FileResult[] = [
  { filePath: `${CWD}/plans/clean.testbed.md`, problems: [] },
  {
    filePath: `${CWD}/plans/vmi.testbed.md`,
    problems: [
      problem({
        ruleId: 'plan-unknown-key',
        severity: 'warning',
        message: 'Unknown key `onwer` in the front matter; did you mean `owner`?',
        line: 4,
        column: 1,
        endColumn: 6,
        span: { start: 60, end: 65 },
        fix: { title: 'Rename to `owner`', edits: [{ span: { start: 60, end: 65 }, text: 'owner' }] },
      }),
      problem({
        ruleId: 'customer-named',
        severity: 'error',
        message: 'The customer name "TBD" is a placeholder; name the real customer.',
        line: 11,
        column: 9,
      }),
      problem({
        ruleId: 'counterpart-early',
        severity: 'warning',
        message: 'Finance joined on 2026-03-01, 48 days after the start; involve counterparts from the start.',
        line: 37,
        column: 35,
        endColumn: 45,
        related: [
          {
            message: 'The plan starts here',
            span: { start: 100, end: 110 },
            line: 7,
            column: 8,
            endLine: 7,
            endColumn: 18,
          },
        ],
      }),
      problem({
        ruleId: 'metric-worst-case',
        severity: 'info',
        message: 'Track the worst case, not only the average.',
        line: 42,
        column: 1,
      }),
    ],
  },
  {
    filePath: `${CWD}/plans/odd, name: 100%.testbed.yaml`,
    problems: [
      problem({
        ruleId: 'plan-syntax',
        severity: 'error',
        message: 'Unexpected text <"&\'> in the YAML:\nline two, 50% sure\r\nend',
        line: 3,
        column: 12,
        endLine: 4,
        endColumn: 2,
      }),
    ],
  },
];

function rule(
  id: string,
  category: Rule['meta']['category'],
  defaultSeverity: Rule['meta']['defaultSeverity'],
  description: string,
  extra: Partial<Rule['meta']> = {},
): Rule {
  return {
    meta: { id, category, defaultSeverity, description, fixable: 'none', messages: { m: 'x' }, ...extra },
    check() {},
  };
}

/** A small fixed rule set for SARIF's driver.rules. */
export const RULES: Rule[] = [
  rule(
    'counterpart-early',
    'counterparts',
    'warning',
    'warns when a counterpart joined later than the start plus `grace-days`.',
  ),
  rule('customer-named', 'customer', 'error', 'requires `customer.name`, and rejects placeholders.'),
  rule('iteration-log', 'iterations', 'error', 'requires an iteration log with at least one entry.', {
    severityNote: 'error when live, info otherwise',
  }),
  rule('metric-worst-case', 'beyond', 'info', 'asks customer metrics to track the worst experience.'),
  rule('plan-syntax', 'structure', 'error', 'reports front matter or YAML that does not parse.'),
  rule('plan-unknown-key', 'structure', 'warning', 'reports keys the plan model does not know.', { fixable: 'safe' }),
];

export const CTX: FormatterContext = { cwd: CWD, color: false, rules: RULES, version: '9.9.9' };
