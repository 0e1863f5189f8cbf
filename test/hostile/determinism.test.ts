// Issue 23 row 13: CI is deterministic. Property tests in `npm test` run with fixed seeds; random seeds run only in
// `npm run fuzz`, which prints each seed and runs for a set time.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as arbitraries from '../property/arbitraries.js';
import { ROOT } from './helpers.js';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'vscode' || e.name === 'vscode-web' ? [] : testFiles(path);
    return /\.ts$/.test(e.name) ? [path] : [];
  });
}

/**
 * The text of each `fc.assert(...)`/`fc.check(...)` call in `source`: its line, through the line that closes it at the
 * same indentation (a call on one line is that line).
 */
function propertyCalls(source: string): string[] {
  const lines = source.split('\n');
  const calls: string[] = [];
  lines.forEach((line, i) => {
    const m = /^(\s*).*\bfc\.(assert|check)\(/.exec(line);
    if (!m) return;
    if (/\);\s*$/.test(line)) return void calls.push(line);
    let j = i + 1;
    while (j < lines.length && !lines[j]!.startsWith(`${m[1]!})`)) j++;
    calls.push(lines.slice(i, j + 1).join('\n'));
  });
  return calls;
}

describe('row 13: property tests are deterministic in npm test', () => {
  test('every fc.assert in the tests is given a seed', () => {
    const unseeded: string[] = [];
    let calls = 0;
    for (const file of testFiles(join(ROOT, 'test')).filter((f) => !f.endsWith('determinism.test.ts'))) {
      for (const call of propertyCalls(readFileSync(file, 'utf8'))) {
        calls++;
        if (!/\bseed\b/.test(call)) unseeded.push(`${relative(ROOT, file)}: ${call.slice(0, 60)}`);
      }
    }
    expect(calls).toBeGreaterThan(5);
    expect(unseeded).toEqual([]);
  });

  test('the property tests use the fixed seed unless PROPERTY_SEED is set (as npm run fuzz does)', () => {
    expect(process.env.PROPERTY_SEED).toBeUndefined();
    const { SEED, FIXED_SEED } = arbitraries as Record<string, unknown>;
    expect(SEED).toBe(FIXED_SEED);
    expect(Object.keys(arbitraries)).not.toContain('RANDOM_SEED');
  });

  test('npm test and CI do not fuzz; npm run fuzz prints its seed and stops after --time', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.fuzz).toBe('node scripts/fuzz.mjs');
    expect(pkg.scripts.test).not.toContain('fuzz');
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).not.toContain('fuzz');
    const started = Date.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/fuzz.mjs'), '--time', '2s'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stdout).toMatch(/^fuzz: round 1, seed \d+\n/);
    expect(r.stdout).toMatch(/fuzz: \d+ rounds? in 2s, no failure/);
    expect(r.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
