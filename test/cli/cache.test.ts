// --cache: unchanged plans are not linted again; edits, config changes, another version or another
// --today invalidate; a corrupt or unwritable cache never breaks a run.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { lintStats } from '../../src/cli/lint-run.js';
import { VERSION } from '../../src/api/index.js';
import { CACHE_FILE_NAME, DEFAULT_CACHE_LOCATION, LintCache, stableJson } from '../../src/node/cache.js';
import { realFs } from '../../src/node/fs.js';
import { FLAWED_PLAN, GOOD_PLAN, onlyRules, runCli, tempProject, THREE_RULES, TODAY, YAML_PLAN } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  vi.restoreAllMocks();
});

function project() {
  const p = tempProject({
    '.testbed-lint.yaml': THREE_RULES,
    'plans/vmi.testbed.md': FLAWED_PLAN,
    'plans/good.testbed.md': GOOD_PLAN,
    'plans/harbor.testbed.yaml': YAML_PLAN,
    'plans/other.testbed.md': FLAWED_PLAN.replace('Sam Ortiz', 'Kim Ito'),
  });
  cleanups.push(p.cleanup);
  return p.dir;
}

/** Runs the CLI and returns its output with the number of plans linted and taken from the cache. */
async function counted(cwd: string, args: string[] = []) {
  const before = { ...lintStats };
  const r = await runCli(['--today', TODAY, ...args], { cwd });
  return { ...r, linted: lintStats.linted - before.linted, cached: lintStats.cached - before.cached };
}

const cacheFile = (cwd: string, location = DEFAULT_CACHE_LOCATION) => join(cwd, location, CACHE_FILE_NAME);

describe('--cache', () => {
  test('the second run lints nothing and prints the same report, in every format', async () => {
    const cwd = project();
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'github']) {
      const cold = await counted(cwd, ['--cache', '-f', format]);
      const warm = await counted(cwd, ['--cache', '-f', format]);
      const plain = await counted(cwd, ['-f', format]);
      expect(warm.stdout).toBe(plain.stdout);
      expect(cold.stdout).toBe(plain.stdout);
      expect([warm.code, warm.stderr]).toEqual([plain.code, plain.stderr]);
      expect(warm).toMatchObject({ linted: 0, cached: 4 });
    }
    expect(existsSync(cacheFile(cwd))).toBe(true);
  });

  test('after editing one plan only that plan is linted again', async () => {
    const cwd = project();
    expect(await counted(cwd, ['--cache'])).toMatchObject({ linted: 4, cached: 0 });
    writeFileSync(join(cwd, 'plans/good.testbed.md'), GOOD_PLAN.replace('status: running', 'status: Running'));
    const r = await counted(cwd, ['--cache']);
    expect(r).toMatchObject({ linted: 1, cached: 3 });
    expect(r.stdout).toContain('plans/good.testbed.md');
    expect(r.stdout).toBe((await counted(cwd)).stdout);
    expect(await counted(cwd, ['--cache'])).toMatchObject({ linted: 0, cached: 4 });
  });

  test('a config change invalidates the plans it governs', async () => {
    const cwd = project();
    await counted(cwd, ['--cache']);
    writeFileSync(join(cwd, '.testbed-lint.yaml'), onlyRules({ 'customer-named': 'warning', 'plan-schema': 'error' }));
    const r = await counted(cwd, ['--cache']);
    expect(r).toMatchObject({ linted: 4, cached: 0 });
    expect(r.stdout).toBe((await counted(cwd)).stdout);
    expect(r.stdout).not.toContain('plan-unknown-key');
  });

  test('a config change in a nested folder invalidates only the plans under it', async () => {
    const cwd = project();
    writeFileSync(join(cwd, 'plans/.testbed-lint.yaml'), THREE_RULES);
    mkdirSync(join(cwd, 'more'));
    writeFileSync(join(cwd, 'more/x.testbed.md'), FLAWED_PLAN);
    expect(await counted(cwd, ['--cache'])).toMatchObject({ linted: 5, cached: 0 });
    writeFileSync(join(cwd, 'plans/.testbed-lint.yaml'), onlyRules({ 'plan-schema': 'error' }));
    expect(await counted(cwd, ['--cache'])).toMatchObject({ linted: 4, cached: 1 });
  });

  test('another --today, another version, another cache format, or another set of rules invalidates', async () => {
    const cwd = project();
    await counted(cwd, ['--cache']);
    expect(await counted(cwd, ['--cache', '--today', '2027-06-01'])).toMatchObject({ linted: 4, cached: 0 });
    expect(await counted(cwd, ['--cache', '--today', '2027-06-01'])).toMatchObject({ linted: 0, cached: 4 });

    const cache = LintCache.load(realFs, join(cwd, DEFAULT_CACHE_LOCATION));
    const text = readFileSync(join(cwd, 'plans/vmi.testbed.md'), 'utf8');
    const key = cache.keyFor(text, { rules: {} }, TODAY);
    expect(cache.keyFor(text, { rules: {} }, TODAY)).toBe(key);
    expect(cache.keyFor(`${text} `, { rules: {} }, TODAY)).not.toBe(key);
    expect(cache.keyFor(text, { rules: {} }, '2026-06-02')).not.toBe(key);
    expect(cache.keyFor(text, { rules: { 'plan-schema': 'off' } }, TODAY)).not.toBe(key);
    expect(cache.keyFor(text, undefined, TODAY)).not.toBe(key);

    // A new version: the same text, config and date give another key, so the old entries never match.
    vi.doMock('../../src/core/version.js', () => ({ VERSION: `${VERSION}-next` }));
    vi.resetModules();
    try {
      const { LintCache: NextCache } = await import('../../src/node/cache.js');
      const next = NextCache.load(realFs, join(cwd, DEFAULT_CACHE_LOCATION));
      expect(next.keyFor(text, { rules: {} }, TODAY)).not.toBe(key);
    } finally {
      vi.doUnmock('../../src/core/version.js');
      vi.resetModules();
    }
  });

  test('a corrupt, truncated or wrongly shaped cache file is ignored and rewritten', async () => {
    const cwd = project();
    const plain = await counted(cwd);
    await counted(cwd, ['--cache']);
    const file = cacheFile(cwd);
    const good = readFileSync(file, 'utf8');
    for (const bad of [
      '',
      '{',
      good.slice(0, good.length / 2),
      'null',
      '[]',
      '{"format":1,"entries":{"x":{"k":1}}}',
      '{"format":99,"entries":{}}',
      '\u0000\u0001binary',
    ]) {
      writeFileSync(file, bad);
      const r = await counted(cwd, ['--cache']);
      expect([r.code, r.stdout, r.stderr]).toEqual([plain.code, plain.stdout, plain.stderr]);
      expect(r).toMatchObject({ linted: 4, cached: 0 });
      expect((JSON.parse(readFileSync(file, 'utf8')) as { format: number }).format).toBe(1);
    }
  });

  test('cached problems of a plan with a tampered key are not used', async () => {
    const cwd = project();
    await counted(cwd, ['--cache']);
    const file = cacheFile(cwd);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { k: string; p: unknown[] }> };
    for (const e of Object.values(data.entries)) e.k = e.k.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    writeFileSync(file, JSON.stringify(data));
    expect(await counted(cwd, ['--cache'])).toMatchObject({ linted: 4, cached: 0 });
  });

  test('--cache-location picks the folder, relative to the current folder', async () => {
    const cwd = project();
    const r = await counted(cwd, ['--cache', '--cache-location', '.cache/tl']);
    expect(r.stderr).toBe('');
    expect(existsSync(cacheFile(cwd, '.cache/tl'))).toBe(true);
    expect(existsSync(join(cwd, 'node_modules'))).toBe(false);
    expect(await counted(cwd, ['--cache', '--cache-location', '.cache/tl'])).toMatchObject({ linted: 0, cached: 4 });
    expect(await counted(cwd, ['--cache'])).toMatchObject({ linted: 4, cached: 0 });
  });

  test('the cache is written atomically: no temporary files are left behind', async () => {
    const cwd = project();
    await counted(cwd, ['--cache']);
    writeFileSync(join(cwd, 'plans/good.testbed.md'), `${GOOD_PLAN}\n`);
    await counted(cwd, ['--cache']);
    expect(readdirSync(join(cwd, DEFAULT_CACHE_LOCATION))).toEqual([CACHE_FILE_NAME]);
  });

  test('a cache that cannot be written gives a notice, not a failure', async () => {
    const cwd = project();
    const plain = await counted(cwd);
    // A file where the cache folder should be: the folder cannot be made, whatever the user's rights.
    writeFileSync(join(cwd, 'blocker'), '');
    const r = await counted(cwd, ['--cache', '--cache-location', 'blocker/cache']);
    expect(r.code).toBe(plain.code);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^testbed-lint: cannot write the cache to blocker\/cache\/lint-cache\.json: /);
  });

  test('an unreadable cache file is ignored', async () => {
    const cwd = project();
    await counted(cwd, ['--cache']);
    const file = cacheFile(cwd);
    const fs = {
      ...realFs,
      openSync: ((path: Parameters<typeof realFs.openSync>[0], ...rest: unknown[]) => {
        if (path === file) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        return (realFs.openSync as (...a: unknown[]) => unknown)(path, ...rest);
      }) as typeof realFs.openSync,
    };
    const before = { ...lintStats };
    const r = await runCli(['--today', TODAY, '--cache'], { cwd, fs });
    expect(r.stderr).toBe('');
    expect(lintStats.linted - before.linted).toBe(4);
  });

  test('--fix and --fix-dry-run do not use the cache', async () => {
    const cwd = project();
    await counted(cwd, ['--cache']);
    expect(await counted(cwd, ['--cache', '--fix-dry-run', '-f', 'json'])).toMatchObject({ linted: 4, cached: 0 });
  });

  test('--stdin is cached like a file', async () => {
    const cwd = project();
    const run = async () => {
      const before = { ...lintStats };
      const r = await runCli(['--today', TODAY, '--cache', '--stdin', '--stdin-filename', 'plans/in.testbed.md'], {
        cwd,
        stdin: FLAWED_PLAN,
      });
      return { ...r, linted: lintStats.linted - before.linted, cached: lintStats.cached - before.cached };
    };
    const a = await run();
    const b = await run();
    expect(b.stdout).toBe(a.stdout);
    expect([a.linted, b.linted, b.cached]).toEqual([1, 0, 1]);
  });
});

describe('options', () => {
  test('--cache-location needs --cache; --concurrency takes a number or auto', async () => {
    const cwd = project();
    expect((await runCli(['--cache-location', 'x'], { cwd })).errors).toEqual([
      'testbed-lint: --cache-location only goes with --cache. Run "testbed-lint --help" for usage.',
    ]);
    expect((await runCli(['--concurrency', '0'], { cwd })).code).toBe(2);
    expect((await runCli(['--concurrency', 'two'], { cwd })).errors[0]).toMatch(
      /--concurrency takes a number of threads from 1 to 256, or "auto", got "two"/,
    );
    const a = await runCli(['--today', TODAY, '--concurrency', 'auto'], { cwd });
    const b = await runCli(['--today', TODAY, '--concurrency', '1'], { cwd });
    expect(a).toEqual(b);
  });

  test('stableJson sorts keys, so key order in a config does not matter', () => {
    expect(stableJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });
});
