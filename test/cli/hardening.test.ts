// CLI hardening: symlink loops, unreadable folders, hostile configs, alias bombs, and how --output is written.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { realFs, type Fs } from '../../src/node/fs.js';
import { FLAWED_PLAN, GOOD_PLAN, lintedFiles, runCli, TODAY, useProjects } from './helpers.js';

const project = useProjects();

async function linted(cwd: string, args: string[] = [], extra: Partial<Parameters<typeof runCli>[1]> = {}) {
  const r = await lintedFiles(cwd, args, extra);
  return { ...r, files: r.files.sort() };
}

function billionLaughs(indent: string): string {
  const levels = 'abcdefghi'.split('');
  const lines = [`${indent}a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let i = 1; i < levels.length; i++)
    lines.push(
      `${indent}${levels[i]}: &${levels[i]} [${Array(9)
        .fill(`*${levels[i - 1]}`)
        .join(', ')}]`,
    );
  return lines.join('\n');
}

describe('symbolic links', () => {
  test('link cycles in the walked tree are not followed: the run ends and lints each real plan once', async () => {
    const cwd = project({ 'plans/a.testbed.md': GOOD_PLAN, 'plans/deep/b.testbed.md': FLAWED_PLAN });
    symlinkSync('.', join(cwd, 'plans/self'));
    symlinkSync('..', join(cwd, 'plans/deep/up'));
    symlinkSync(cwd, join(cwd, 'plans/deep/root'));
    symlinkSync('loop-b', join(cwd, 'loop-a'));
    symlinkSync('loop-a', join(cwd, 'loop-b'));
    symlinkSync('missing-target.testbed.md', join(cwd, 'dangling.testbed.md'));
    const started = Date.now();
    const r = await linted(cwd);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.files).toEqual(['plans/a.testbed.md', 'plans/deep/b.testbed.md']);
    expect(r.code).toBe(1);
  });

  test('a linked plan file is linted; a glob through a link cycle ends', async () => {
    const cwd = project({ 'real/a.testbed.md': GOOD_PLAN });
    symlinkSync(join(cwd, 'real/a.testbed.md'), join(cwd, 'linked.testbed.md'));
    symlinkSync('..', join(cwd, 'real/up'));
    const walked = await linted(cwd);
    expect(walked.files).toEqual(['linked.testbed.md', 'real/a.testbed.md']);
    const globbed = await linted(cwd, ['**/*.testbed.md']);
    // Globs do not follow links at all (tinyglobby followSymbolicLinks: false), so the linked file is not matched there,
    // unlike the walk; reported to the lead as an inconsistency, not asserted either way.
    expect(globbed.files).toContain('real/a.testbed.md');
    expect(globbed.code).toBe(0);
  });

  test('a path through a link cycle named on the command line is one error line, the others are linted', async () => {
    const cwd = project({ 'a.testbed.md': GOOD_PLAN });
    symlinkSync('loop-b.testbed.md', join(cwd, 'loop-a.testbed.md'));
    symlinkSync('loop-a.testbed.md', join(cwd, 'loop-b.testbed.md'));
    const r = await linted(cwd, ['loop-a.testbed.md', 'a.testbed.md']);
    expect(r.files).toEqual(['a.testbed.md']);
    expect(r.errors).toEqual(['testbed-lint: loop-a.testbed.md: too many symbolic links']);
    expect(r.code).toBe(2);
  });
});

describe('unreadable folders', () => {
  test('an unreadable nested folder and an unreadable named folder are reported; everything else is linted', async () => {
    const cwd = project({
      'a/ok.testbed.md': GOOD_PLAN,
      'a/locked/x.testbed.md': GOOD_PLAN,
      'named/y.testbed.md': GOOD_PLAN,
      'b/z.testbed.md': FLAWED_PLAN,
    });
    const locked = new Set([join(cwd, 'a/locked'), join(cwd, 'named')]);
    const fs: Fs = {
      ...realFs,
      readdirSync: ((path: unknown, ...rest: unknown[]) => {
        if (locked.has(String(path)))
          throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES' });
        return (realFs.readdirSync as (...a: unknown[]) => unknown)(path, ...rest);
      }) as Fs['readdirSync'],
    };
    const r = await linted(cwd, ['a', 'named', 'b'], { fs });
    expect(r.files).toEqual(['a/ok.testbed.md', 'b/z.testbed.md']);
    expect([...r.errors].sort()).toEqual([
      'testbed-lint: a/locked: permission denied',
      'testbed-lint: named: permission denied',
    ]);
    expect(r.code).toBe(2);
  });
});

describe('hostile and oversized configs', () => {
  test('a three-file extends cycle is reported once and does not loop', async () => {
    const cwd = project({
      '.testbed-lint.yaml': 'extends: ./c1.yaml\n',
      'c1.yaml': 'extends: ./c2.yaml\n',
      'c2.yaml': 'extends: ./c3.yaml\n',
      'c3.yaml': 'extends: ./c1.yaml\n',
      'a.testbed.md': GOOD_PLAN,
    });
    const started = Date.now();
    const r = await runCli(['--today', TODAY], { cwd });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.errors.filter((e) => e.includes('extends cycle'))).toHaveLength(1);
    expect(r.code).toBe(2);
  });

  test('a billion-laughs config file is reported at the option, quickly', async () => {
    const cwd = project({
      '.testbed-lint.yaml': `x-bomb:\n${billionLaughs('  ')}\nrules:\n  customer-not-premier: [warning, { premier-tiers: *i }]\n`,
      'a.testbed.md': GOOD_PLAN,
    });
    const started = Date.now();
    const r = await runCli(['--today', TODAY], { cwd });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.errors).toContain(
      '.testbed-lint.yaml:12:52: rule "customer-not-premier": option "premier-tiers" expands too many aliases (more than 100)',
    );
    expect(r.code).toBe(2);
  });

  test('__proto__, constructor and prototype in a config file do not pollute objects', async () => {
    const cwd = project({
      '.testbed-lint.yaml':
        '__proto__: { polluted: 1 }\nconstructor: 1\nrules:\n  __proto__: { polluted: 1 }\n  prototype: error\n  customer-rationale: [error, { __proto__: { polluted: 1 }, constructor: 2 }]\n',
      'a.testbed.md': GOOD_PLAN,
    });
    const r = await runCli(['--today', TODAY], { cwd });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.errors.length).toBeGreaterThanOrEqual(5);
    expect(r.code).toBe(2);
  });
});

describe('--output is written to a temporary file, then renamed', () => {
  test('the report never appears half-written under its own name', async () => {
    const cwd = project({ 'a.testbed.md': FLAWED_PLAN });
    const calls: string[] = [];
    const target = join(cwd, 'report.json');
    const fs: Fs = {
      ...realFs,
      openSync: ((path: unknown, flags: unknown, ...rest: unknown[]) => {
        if (flags === 'wx') calls.push(`write ${String(path) === target ? 'target' : 'other'}`);
        return (realFs.openSync as (...a: unknown[]) => unknown)(path, flags, ...rest);
      }) as Fs['openSync'],
      renameSync: (from: unknown, to: unknown) => {
        calls.push(
          `rename ${String(from) === target ? 'target' : 'other'} -> ${String(to) === target ? 'target' : 'other'}`,
        );
        return realFs.renameSync(from as string, to as string);
      },
    };
    mkdirSync(join(cwd, 'sub'));
    writeFileSync(target, 'old');
    const r = await runCli(['--today', TODAY, '-f', 'json', '-o', 'report.json'], { cwd, fs });
    expect(r.code).toBe(1);
    expect(calls).toEqual(['write other', 'rename other -> target']);
  });
});
