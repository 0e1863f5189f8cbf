// The examples and the spec's minimal plan: what a user sees first, and the same findings in both forms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type Problem } from '../../src/api/index.js';

const EX = join(__dirname, '../../examples');
const TODAY = '2026-11-23';
const read = (f: string) => readFileSync(join(EX, f), 'utf8');
const brief = (ps: Problem[]) => ps.map((p) => `${p.ruleId}/${p.messageId}`).sort();

/** The spec's minimal Markdown plan, with the rationale written out in full instead of "...". */
export const SPEC_MINIMAL = `---
kind: testbed-plan
title: Vendor-managed inventory with Northside Community Hospital
owner: Sam Ortiz
owner-department: sales
status: running
start: 2026-01-12
review: 2027-01-12
aims: [customer-profitability, business-processes]
customer:
  name: Northside Community Hospital
  tier: standard
  size: small
  new-processes: true
  champion: Dr. Lee, CEO
---

# Vendor-managed inventory with Northside Community Hospital

## Customer selection
Northside opened this year with new staff and no settled supply processes, so we can design
replenishment with them. It is small, its young CEO is eager to try a new way of stocking the wards,
and it is not a premier account.

## Iteration log
### 2026-02-02 — Weekly replenishment pilot
- Change: we restock ward cabinets weekly from our own counts
- Feedback: nurses still run out of IV sets on weekends
- Source: customer
- Order: first

## Counterparts
| Department | Contact | Since | Benefit |
|---|---|---|---|
| Supply chain | VP supply chain | 2026-01-05 | Live trial of the automated picking system |
| Finance | Controller | 2026-01-05 | Cost-to-serve data for the account |
| IT | Integration lead | 2026-01-12 | First EDI link to a hospital system |

## Metrics
| Metric | Perspective | Aggregate |
|---|---|---|
| Ward stock-outs per month | customer | worst |
`;

describe('examples', () => {
  it("the spec's minimal plan is clean a few weeks after its last entry (but for v2's journey reminder, an info)", () => {
    // Why: the minimal example predates v2's customer journey; journey-moments is only an info in `recommended`.
    const problems = lint(SPEC_MINIMAL, { filePath: 'northside.testbed.md', today: '2026-02-20' });
    expect(problems.map((p) => `${p.line} ${p.severity} ${p.ruleId}`)).toEqual(['3 info journey-moments']);
  });

  it('the clean examples are clean, today and in a year', () => {
    for (const f of ['clean.testbed.md', 'clean.testbed.yaml']) {
      expect(lint(read(f), { filePath: f, today: TODAY })).toEqual([]);
      expect(lint(read(f), { filePath: f, today: '2027-11-23' })).toEqual([]);
    }
  });

  it('the flawed examples show most rules firing', () => {
    const ids = new Set(
      lint(read('flawed.testbed.md'), { filePath: 'flawed.testbed.md', today: TODAY }).map((p) => p.ruleId),
    );
    expect(ids.size).toBeGreaterThanOrEqual(18);
  });

  it('the same plan gives the same findings in Markdown and YAML form', () => {
    for (const [md, yaml] of [
      ['clean.testbed.md', 'clean.testbed.yaml'],
      ['flawed.testbed.md', 'flawed.testbed.yaml'],
    ] as const) {
      const a = lint(read(md), { filePath: md, today: TODAY });
      const b = lint(read(yaml), { filePath: yaml, today: TODAY });
      expect(brief(b)).toEqual(brief(a));
    }
  });
});
