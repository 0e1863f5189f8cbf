// Linting on worker threads, through the built dist/cli.js (workers run the bundle; the TS sources cannot
// start one): the report, messages and exit code are byte-identical to a serial run's.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FLAWED_PLAN, GOOD_PLAN, onlyRules, tempProject, THREE_RULES, TODAY, YAML_PLAN } from './helpers.js';

const root = join(__dirname, '../..');
const cli = join(root, 'dist/cli.js');

/** 40 plans of different sizes and mistakes, in nested folders with their own configs, and some non-plans. */
function files(): Record<string, string | Uint8Array> {
  const f: Record<string, string | Uint8Array> = {
    '.testbed-lint.yaml': THREE_RULES,
    'nested/.testbed-lint.yaml': onlyRules({ 'plan-schema': 'warning' }),
    'README.md': '# Plans\n',
    'notes.yaml': 'a: 1\n',
  };
  for (let i = 0; i < 40; i++) {
    const dir = i % 3 === 0 ? 'nested' : `plans/${i % 4}`;
    const base = i % 5 === 0 ? GOOD_PLAN : FLAWED_PLAN.replace('Sam Ortiz', `Owner ${i}`);
    const iterations = Array.from(
      { length: i % 6 },
      (_, k) =>
        `### 2026-03-${String((k % 27) + 1).padStart(2, '0')} — Step ${k}\n- Change: c${k}\n- Feedback: f${k}\n- Source: customer\n- Order: first\n`,
    ).join('');
    if (i % 7 === 0) f[`${dir}/p${i}.testbed.yaml`] = YAML_PLAN.replace('Ana Ruiz', `Owner ${i}`);
    else f[`${dir}/p${i}.testbed.md`] = base.replace('## Counterparts', `${iterations}\n## Counterparts`);
  }
  // Invalid UTF-8 in a plan: a plan-syntax finding in its place among the results.
  f['plans/2/broken.testbed.md'] = Buffer.from('kind: testbed-plan\n\xff\n', 'latin1');
  // A config mistake: an error message that must stay in its place among the results (its plan is not linted).
  f['plans/2/bad/.testbed-lint.yaml'] = 'rules:\n  no-such-rule: error\n';
  f['plans/2/bad/p.testbed.md'] = GOOD_PLAN;
  return f;
}

const p = tempProject(files());

beforeAll(() => {
  if (!existsSync(cli)) execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
}, 60_000);
afterAll(() => p.cleanup());

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, '--today', TODAY, ...args], {
    cwd: p.dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, TESTBED_LINT_STATS: '1' },
  });
  const lines = r.stderr.split('\n');
  const statsLine = lines.find((l) => l.startsWith('testbed-lint: stats: '));
  const stats = JSON.parse(statsLine!.slice('testbed-lint: stats: '.length)) as {
    linted: number;
    workers: number;
    onWorkers: number;
  };
  return { code: r.status, stdout: r.stdout, stderr: lines.filter((l) => l !== statsLine).join('\n'), stats };
}

describe('--concurrency', () => {
  for (const format of ['stylish', 'json', 'sarif', 'junit', 'github']) {
    test(`${format}: ${format === 'json' ? 'two and three threads give' : 'two threads give'} byte-identical output to one`, () => {
      const serial = run(['-f', format, '--concurrency', '1']);
      expect(serial.stats.workers).toBe(0);
      expect(serial.stats.linted).toBe(40);
      expect(serial.code).toBe(2);
      expect(serial.stderr).toContain('plans/2/bad/.testbed-lint.yaml:2:3: ');
      for (const threads of format === 'json' ? ['2', '3'] : ['2']) {
        const parallel = run(['-f', format, '--concurrency', threads]);
        expect(parallel.stats.workers).toBe(Number(threads) - 1);
        expect(parallel.stats.onWorkers).toBeGreaterThan(0);
        expect(parallel.stdout).toBe(serial.stdout);
        expect(parallel.stderr).toBe(serial.stderr);
        expect(parallel.code).toBe(serial.code);
      }
    });
  }

  test('--fix-dry-run on workers gives the same fixed texts', () => {
    const serial = run(['-f', 'json', '--fix-dry-run', '--concurrency', '1']);
    const parallel = run(['-f', 'json', '--fix-dry-run', '--concurrency', '2']);
    expect(parallel.stats.onWorkers).toBeGreaterThan(0);
    expect(parallel.stdout).toBe(serial.stdout);
  });

  test('auto uses no workers for a few small files', () => {
    const r = run(['-f', 'json', 'plans/1']);
    expect(r.stats.linted).toBeGreaterThan(3);
    expect(r.stats.workers).toBe(0);
  });

  test('auto on a multi-core machine uses the workers for many files, with the same output', () => {
    const auto = run(['-f', 'json', '--concurrency', 'auto']);
    const serial = run(['-f', 'json', '--concurrency', '1']);
    expect(auto.stdout).toBe(serial.stdout);
    expect(auto.stderr).toBe(serial.stderr);
  });
});
