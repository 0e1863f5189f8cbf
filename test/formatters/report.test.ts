import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDetailed, summarizePlan } from '../../src/api/index.js';
import {
  countsText,
  monthlyCounts,
  reportHtml,
  reportMarkdown,
  sparkline,
  timeAxis,
  type ReportEntry,
} from '../../src/formatters/report.js';

const ROOT = join(__dirname, '../..');
const TODAY = '2026-11-23';
const CTX = { cwd: ROOT, today: TODAY, version: '0.0.0-test' };

function entries(): ReportEntry[] {
  return ['examples/flawed.testbed.md', 'examples/clean.testbed.yaml'].map((f) => {
    const filePath = join(ROOT, f);
    const r = lintDetailed(readFileSync(filePath, 'utf8'), { filePath, today: TODAY });
    return { filePath, summary: summarizePlan(r.document, r.problems, TODAY), problems: r.problems };
  });
}

describe('plans report', () => {
  it('counts iterations per month over the last year', () => {
    expect(monthlyCounts(['2025-11-30', '2025-12-01', '2026-11-02', '2026-11-20', '2027-01-01'], TODAY)).toEqual([
      1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
    ]);
    expect(sparkline([0, 1, 2, 4])).toBe('·▂▄█');
  });

  it("renders a Markdown table for a pull-request comment, then each plan's findings linked to its lines and rule pages", async () => {
    const md = reportMarkdown(entries(), CTX);
    const lines = md.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '### Testbed plans (2) — 2026-11-23',
      '',
      '| Plan | Status | Customer | Iterations | Counterparts | Last iteration | Iterations per month, Dec 2025 – Nov 2026 | Entries · counterparts · metrics | Problems |',
      '|---|---|:-:|:-:|:-:|---|---|---|---|',
      '| **Vendor-managed inventory with Northside Community Hospital**<br>[`examples/clean.testbed.yaml`](examples/clean.testbed.yaml) | scaling | ✓ | ✓ | ✓ | 2025-09-22 (427 d) | `············` | 3 · 4 · 3 | 0 errors, 0 warnings |',
      '| **Self-service portal for Globex Retail**<br>[`examples/flawed.testbed.md`](examples/flawed.testbed.md) | running | ✗ | ✗ | ⚠ | 2026-03-02 (266 d) | `··█▄········` | 4 · 2 · 2 | 5 errors, 13 warnings, 2 infos |',
    ]);
    // Findings: only the flawed plan has a section; one row per finding, by line, with both links.
    expect(md.match(/<details open>/g)).toHaveLength(1);
    expect(md).toContain(
      '<summary><b>Self-service portal for Globex Retail</b> — <code>examples/flawed.testbed.md</code>: 5 errors, 13 warnings, 2 infos</summary>',
    );
    const rows = lines.filter((l) => /^\| \[\d+\]/.test(l));
    expect(rows).toHaveLength(20);
    expect(rows[2]).toBe(
      '| [8](examples/flawed.testbed.md#L8) | ✗ error | [`plan-schema`](https://github.com/testbed-lint/testbed-lint/blob/v0.3.0/src/rules/plan-schema/plan-schema.md) | Unexpected value "2026-02-30" for `review`; use a real calendar date (YYYY-MM-DD). |',
    );
    expect(rows.map((r) => Number(/^\| \[(\d+)\]/.exec(r)![1]))).toEqual(
      [...rows.map((r) => Number(/^\| \[(\d+)\]/.exec(r)![1]))].sort((a, b) => a - b),
    );
    await expect(md).toMatchFileSnapshot(join(__dirname, '__snapshots__/report.md'));
  });

  it('links plans through linkBase (a repository URL for a job summary)', () => {
    const md = reportMarkdown(entries(), { ...CTX, linkBase: 'https://github.com/o/r/blob/0123abc/' });
    expect(md).toContain(
      '[`examples/flawed.testbed.md`](https://github.com/o/r/blob/0123abc/examples/flawed.testbed.md)',
    );
    expect(md).toContain('| [8](https://github.com/o/r/blob/0123abc/examples/flawed.testbed.md#L8) | ✗ error |');
    expect(reportHtml(entries(), { ...CTX, linkBase: '../' })).toContain(
      '<a href="../examples/flawed.testbed.md#L8">line 8</a>',
    );
  });

  it('says counts with correct plurals', () => {
    expect(countsText({ error: 1, warning: 1, info: 0 })).toBe('1 error, 1 warning');
    expect(countsText({ error: 0, warning: 2, info: 1 })).toBe('0 errors, 2 warnings, 1 info');
    expect(countsText({ error: 2, warning: 0, info: 3 })).toBe('2 errors, 0 warnings, 3 infos');
    const [flawed] = entries().filter((e) => e.filePath.endsWith('.md'));
    const one = { ...flawed!, summary: { ...flawed!.summary, problems: { error: 1, warning: 1, info: 0 } } };
    expect(reportMarkdown([one], CTX)).toContain('| 1 error, 1 warning |');
    expect(reportHtml([one], CTX)).toContain(
      '<span class="error">1 error</span><br><span class="warning">1 warning</span>',
    );
  });

  it('renders a self-contained HTML page: inline CSS and SVG, no scripts, nothing loaded from the network', async () => {
    const html = reportHtml(entries(), CTX);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|@import/i);
    expect(html.match(/<tr class="plan">/g)).toHaveLength(2);
    expect(html).toContain('aria-label="Choose the customer carefully: errors"');
    expect(html).toContain('<p class="meta">2 plans on 2026-11-23 · testbed-lint 0.0.0-test</p>');
    await expect(html).toMatchFileSnapshot(join(__dirname, '__snapshots__/report.html'));
  });

  it("HTML: each finding with a link to the plan's line and one to the rule page; zero counts in a neutral colour", () => {
    const html = reportHtml(entries(), CTX);
    expect(html.match(/<tr class="findings">/g)).toHaveLength(1);
    expect(html).toContain('<summary>20 findings</summary>');
    expect(html).toContain(
      '<tr><td class="line"><a href="examples/flawed.testbed.md#L8">line 8</a></td><td class="error" title="error">✗</td><td class="rule"><a href="https://github.com/testbed-lint/testbed-lint/blob/v0.3.0/src/rules/plan-schema/plan-schema.md">plan-schema</a></td><td>Unexpected value &quot;2026-02-30&quot; for <code>review</code>; use a real calendar date (YYYY-MM-DD).</td></tr>',
    );
    expect(html).toContain(
      '<td class="num"><span class="zero">0 errors</span><br><span class="zero">0 warnings</span></td>',
    );
    expect(html).toContain(
      '<td class="num"><span class="error">5 errors</span><br><span class="warning">13 warnings</span><br><span class="info">2 infos</span></td>',
    );
    expect(html).toContain('<a class="path" href="examples/clean.testbed.yaml">examples/clean.testbed.yaml</a>');
  });

  it('HTML: one time axis for every row, with month ticks, so rows compare', () => {
    const es = entries();
    const axis = timeAxis(
      es.map((e) => e.summary),
      TODAY,
    )!;
    // From the first month any plan starts in to today, a tick on the first of every month.
    expect(axis.months[0]!.day).toBe(axis.start);
    expect(axis.months.length).toBeGreaterThan(12);
    expect(axis.months.filter((m) => m.label !== '').map((m) => m.label)).toContain('2026');
    const html = reportHtml(es, CTX);
    const header = /<svg class="axis"[^]*?<\/svg>/.exec(html)![0];
    const headerTicks = [...header.matchAll(/<line x1="([\d.]+)"/g)].map((m) => m[1]);
    expect(headerTicks).toHaveLength(axis.months.length);
    expect(header).toContain('>2026</text>');
    const rows = [...html.matchAll(/<svg class="timeline"[^]*?<\/svg>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect([...row.matchAll(/<line class="month" x1="([\d.]+)"/g)].map((m) => m[1])).toEqual(headerTicks);
    // An iteration sits where its month's tick says: 2026-03-02 just after the March 2026 line.
    const march = Number(headerTicks[axis.months.findIndex((m) => m.day === Date.UTC(2026, 2, 1) / 86_400_000)]);
    const tick = Number(/<line class="it" x1="([\d.]+)"[^>]*><title>2026-03-02<\/title>/.exec(rows[1]!)![1]);
    expect(tick).toBeGreaterThan(march);
    expect(tick - march).toBeLessThan(2);
  });

  it('escapes titles and paths', () => {
    const [e] = entries();
    const html = reportHtml([{ ...e!, summary: { ...e!.summary, title: '<b>A & B</b>' } }], CTX);
    expect(html).toContain('&lt;b&gt;A &amp; B&lt;/b&gt;');
    const md = reportMarkdown([{ ...e!, summary: { ...e!.summary, title: 'a | b' } }], CTX);
    expect(md).toContain('**a \\| b**');
  });
});
