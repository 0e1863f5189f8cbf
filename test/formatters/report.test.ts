import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDetailed, summarizePlan } from '../../src/core/index.js';
import { monthlyCounts, reportHtml, reportMarkdown, sparkline, type ReportEntry } from '../../src/formatters/report.js';

const ROOT = join(__dirname, '../..');
const TODAY = '2026-11-23';
const CTX = { cwd: ROOT, today: TODAY, version: '0.0.0-test' };

function entries(): ReportEntry[] {
  return ['examples/flawed.testbed.md', 'examples/clean.testbed.yaml'].map((f) => {
    const filePath = join(ROOT, f);
    const r = lintDetailed(readFileSync(filePath, 'utf8'), { filePath, today: TODAY });
    return { filePath, summary: summarizePlan(r.document, r.problems, TODAY) };
  });
}

describe('plans report', () => {
  it('counts iterations per month over the last year', () => {
    expect(monthlyCounts(['2025-11-30', '2025-12-01', '2026-11-02', '2026-11-20', '2027-01-01'], TODAY)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(sparkline([0, 1, 2, 4])).toBe('·▂▄█');
  });

  it('renders a Markdown table for a pull-request comment', async () => {
    const md = reportMarkdown(entries(), CTX);
    expect(md.split('\n').slice(0, 6)).toEqual([
      '### Testbed plans (2) — 2026-11-23',
      '',
      '| Plan | Status | Customer | Iterations | Counterparts | Last iteration | Last 12 months | Entries · counterparts · metrics | Problems |',
      '|---|---|:-:|:-:|:-:|---|---|---|---|',
      '| **Vendor-managed inventory with Northside Community Hospital**<br>`examples/clean.testbed.yaml` | scaling | ✓ | ✓ | ✓ | 2025-09-22 (427 d) | `············` | 3 · 4 · 3 | 0 errors, 0 warnings |',
      '| **Self-service portal for Globex Retail**<br>`examples/flawed.testbed.md` | running | ✗ | ✗ | ⚠ | 2026-03-02 (266 d) | `··█▄········` | 4 · 2 · 2 | 5 errors, 13 warnings |',
    ]);
    await expect(md).toMatchFileSnapshot(join(__dirname, '__snapshots__/report.md'));
  });

  it('renders a self-contained HTML page: inline CSS and SVG, no scripts, no remote resources', async () => {
    const html = reportHtml(entries(), CTX);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//i);
    expect(html.match(/<tr><td>/g)).toHaveLength(2);
    expect(html).toContain('aria-label="Choose the customer carefully: errors"');
    expect(html).toContain('<svg class="timeline"');
    await expect(html).toMatchFileSnapshot(join(__dirname, '__snapshots__/report.html'));
  });

  it('escapes titles and paths', () => {
    const [e] = entries();
    const html = reportHtml([{ ...e!, summary: { ...e!.summary, title: '<b>A & B</b>' } }], CTX);
    expect(html).toContain('&lt;b&gt;A &amp; B&lt;/b&gt;');
    const md = reportMarkdown([{ ...e!, summary: { ...e!.summary, title: 'a | b' } }], CTX);
    expect(md).toContain('**a \\| b**');
  });
});
