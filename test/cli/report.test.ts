// `testbed-lint report`: the plans overview from the command line.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const ROOT = join(__dirname, '../..');

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv, cwd: ROOT, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
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
    expect(html.match(/<tr><td>/g)).toHaveLength(4);
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('rejects the lint formats and lint-only options', async () => {
    expect(await run(['report', '--format', 'sarif'])).toMatchObject({ code: 2, stderr: 'testbed-lint: report takes --format markdown or html, got "sarif". Run "testbed-lint --help" for usage.\n' });
    expect((await run(['report', '--fix'])).code).toBe(2);
  });
});
