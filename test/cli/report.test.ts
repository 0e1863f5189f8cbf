// `testbed-lint report`: the plans overview from the command line.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempProject } from './helpers.js';

const ROOT = join(__dirname, '../..');

async function run(argv: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

describe('testbed-lint report', () => {
  it('prints a Markdown table of the plans, sorted by path, and exits 0 even when plans have errors', async () => {
    const r = await run(['report', 'examples', '--today', '2026-11-23', '--concurrency', '1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('| **'));
    expect(rows.map((l) => /`(examples\/[^`]+)`/.exec(l)?.[1])).toEqual([
      'examples/clean.testbed.md',
      'examples/clean.testbed.yaml',
      'examples/flawed.testbed.md',
      'examples/flawed.testbed.yaml',
    ]);
    expect(rows[2]).toContain('| running | ✗ | ✗ | ⚠ | 2026-03-02 (266 d) |');
    expect(r.stdout.split('\n')[0]).toBe('### Testbed plans (4) — 2026-11-23');
  });

  it('writes a self-contained HTML page with --format html --output', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tbl-report-')), 'plans.html');
    const r = await run(['report', 'examples', '--format', 'html', '--output', out, '--today', '2026-11-23']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<tr class="plan">/g)).toHaveLength(4);
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(/);
  });

  it("lists each plan's findings with links to its lines and the rule pages", async () => {
    const r = await run([
      'report',
      'examples/flawed.testbed.yaml',
      'examples/clean.testbed.md',
      '--today',
      '2026-11-23',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| 0 errors, 0 warnings |');
    expect(r.stdout).toContain('| 5 errors, 13 warnings, 2 infos |');
    expect(r.stdout).toContain(
      '<summary><b>Self-service portal for Globex Retail</b> — <code>examples/flawed.testbed.yaml</code>: 5 errors, 13 warnings, 2 infos</summary>',
    );
    expect(r.stdout).toContain(
      '| [13](examples/flawed.testbed.yaml#L13) | ⚠ warning | [`plan-unknown-key`](https://github.com/testbed-lint/testbed-lint/blob/v0.3.0/src/rules/plan-unknown-key/plan-unknown-key.md) | Unknown key `champoin` in `customer`; did you mean `champion`? |',
    );
  });

  it("links from the --output file's folder back to the plans, or through --link-base", async () => {
    const p = tempProject({
      'plans/a plan.testbed.md': readFileSync(join(ROOT, 'examples/flawed.testbed.md'), 'utf8'),
      'reports/.keep': '',
    });
    try {
      const html = await run(
        ['report', 'plans', '--format', 'html', '--output', 'reports/plans.html', '--today', '2026-11-23'],
        p.dir,
      );
      expect(html).toMatchObject({ code: 0, stderr: '' });
      const page = readFileSync(join(p.dir, 'reports/plans.html'), 'utf8');
      expect(page).toContain('<a class="path" href="../plans/a%20plan.testbed.md">plans/a plan.testbed.md</a>');
      expect(page).toContain('<a href="../plans/a%20plan.testbed.md#L8">line 8</a>');
    } finally {
      p.cleanup();
    }
    const md = await run([
      'report',
      'examples/flawed.testbed.md',
      '--link-base',
      'https://github.com/o/r/blob/0123abc',
      '--today',
      '2026-11-23',
    ]);
    expect(md.stdout).toContain('| [8](https://github.com/o/r/blob/0123abc/examples/flawed.testbed.md#L8) | ✗ error |');
    expect(await run(['examples', '--link-base', 'x/'])).toMatchObject({
      code: 2,
      stderr: 'testbed-lint: --link-base only goes with report. Run "testbed-lint --help" for usage.\n',
    });
  });

  it('rejects the lint formats and lint-only options', async () => {
    expect(await run(['report', '--format', 'sarif'])).toMatchObject({
      code: 2,
      stderr:
        'testbed-lint: report takes --format markdown or html, got "sarif". Run "testbed-lint --help" for usage.\n',
    });
    expect((await run(['report', '--fix'])).code).toBe(2);
  });
});
