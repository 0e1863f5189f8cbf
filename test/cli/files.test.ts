// CLI scenarios: which files are linted (folders, globs, ignores, plan detection) and every kind of bad input.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { JsonResult } from '../../src/formatters/json.js';
import { realFs, type Fs } from '../../src/node/fs.js';
import { FLAWED_PLAN, GOOD_PLAN, lintedFiles, onlyRules, runCli, THREE_RULES, TODAY, useProjects } from './helpers.js';

const project = useProjects();
/** The files a run reported on, relative, from the json format. */
const linted = lintedFiles;

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function eacces(path: string): Error {
  return Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
}

describe('which files are plans', () => {
  test('*.testbed.* always; other .md/.yaml only with kind: testbed-plan; everything else skipped silently', async () => {
    const cwd = project({
      'a.testbed.md': GOOD_PLAN,
      'b.testbed.yml': 'kind: testbed-plan\ntitle: B\n',
      'notes/c.md': GOOD_PLAN,
      'notes/d.yaml': 'kind: testbed-plan\ntitle: D\n',
      'notes/readme.md': '# Not a plan\n\nkind: testbed-plan in prose does not count.\n',
      'notes/e.yaml': 'kind: something-else\n',
      'notes/f.txt': GOOD_PLAN,
      'notes/g.markdown': GOOD_PLAN,
    });
    const r = await linted(cwd);
    expect(r.files).toEqual(['a.testbed.md', 'b.testbed.yml', 'notes/c.md', 'notes/d.yaml', 'notes/g.markdown']);
    expect(r.stderr).toBe('');
  });

  test('an explicit file that is not a plan is skipped; when nothing was linted a notice says why', async () => {
    const cwd = project({ 'README.md': '# Read me\n', 'notes.txt': 'text\n' });
    const r = await linted(cwd, ['README.md', 'notes.txt']);
    expect(r.files).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.errors).toEqual(['testbed-lint: no plans found (2 files skipped: not plans)']);
  });

  test('an empty *.testbed.md is a plan and is linted: a draft (no status), so what it lacks is a to-do', async () => {
    const cwd = project({ 'empty.testbed.md': '', 'empty.md': '' });
    const r = await runCli(['--today', TODAY], { cwd });
    expect(r.stdout).toBe(`
empty.testbed.md
  1:1  info  To do before proposing: no testbed customer is named; add \`customer: name:\` with the one customer the testbed runs with  customer-named

ℹ 1 problem (0 errors, 0 warnings, 1 info)
`);
    expect(r.code).toBe(0);
  });

  test('a byte-order mark changes no position', async () => {
    const cwd = project({ 'bom.testbed.md': `\ufeff${FLAWED_PLAN}`, 'plain.testbed.md': FLAWED_PLAN });
    const r = await runCli(['--today', TODAY, '-f', 'json'], { cwd });
    const [bom, plain] = JSON.parse(r.stdout) as [JsonResult, JsonResult];
    const pos = (f: { messages: { line: number; column: number }[] }) => f.messages.map((m) => `${m.line}:${m.column}`);
    expect(pos(bom)).toEqual(pos(plain));
    expect(pos(bom)).toEqual(['4:1', '6:9', '11:9']);
  });
});

describe('folders, globs and ignores', () => {
  test('node_modules and .git are never entered', async () => {
    const cwd = project({
      'a.testbed.md': GOOD_PLAN,
      'node_modules/pkg/x.testbed.md': FLAWED_PLAN,
      'sub/node_modules/y.testbed.md': FLAWED_PLAN,
      '.git/z.testbed.md': FLAWED_PLAN,
    });
    expect((await linted(cwd)).files).toEqual(['a.testbed.md']);
  });

  test('.gitignore is respected: nested files, negation, ignored folders', async () => {
    const cwd = project({
      '.gitignore': 'drafts/\n*.old.testbed.md\n',
      'a.testbed.md': GOOD_PLAN,
      'b.old.testbed.md': GOOD_PLAN,
      'drafts/c.testbed.md': GOOD_PLAN,
      'team/.gitignore': 'private-*.testbed.md\n!keep.old.testbed.md\n',
      'team/private-d.testbed.md': GOOD_PLAN,
      'team/e.testbed.md': GOOD_PLAN,
      'team/keep.old.testbed.md': GOOD_PLAN,
    });
    expect((await linted(cwd)).files).toEqual(['a.testbed.md', 'team/e.testbed.md', 'team/keep.old.testbed.md']);
  });

  test('the .gitignore files above the cwd apply up to the git root', async () => {
    const cwd = project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'archive/\n',
      'plans/a.testbed.md': GOOD_PLAN,
      'plans/archive/b.testbed.md': GOOD_PLAN,
    });
    const r = await linted(join(cwd, 'plans'));
    expect(r.files).toEqual(['a.testbed.md']);
  });

  test('a file named explicitly is linted even when .gitignore ignores it', async () => {
    const cwd = project({ '.gitignore': 'drafts/\n', 'drafts/c.testbed.md': GOOD_PLAN });
    expect((await linted(cwd)).files).toEqual([]);
    expect((await linted(cwd, ['drafts/c.testbed.md'])).files).toEqual(['drafts/c.testbed.md']);
  });

  test('globs: matched files are linted, sorted; .gitignore and node_modules still apply', async () => {
    const cwd = project({
      '.gitignore': 'plans/old/\n',
      'plans/b.testbed.md': GOOD_PLAN,
      'plans/a.testbed.md': GOOD_PLAN,
      'plans/x/c.testbed.yaml': 'kind: testbed-plan\ntitle: C\ncustomer:\n  name: Harbor Tools\n',
      'plans/old/d.testbed.md': GOOD_PLAN,
      'plans/node_modules/e.testbed.md': GOOD_PLAN,
      'other/f.testbed.md': GOOD_PLAN,
    });
    expect((await linted(cwd, ['plans/**/*.testbed.*'])).files).toEqual([
      'plans/a.testbed.md',
      'plans/b.testbed.md',
      'plans/x/c.testbed.yaml',
    ]);
    expect((await linted(cwd, ['plans/*.md', 'other/*.md'])).files).toEqual([
      'other/f.testbed.md',
      'plans/a.testbed.md',
      'plans/b.testbed.md',
    ]);
  });

  test('a glob that matches nothing is a notice, not an error', async () => {
    const cwd = project({ 'a.testbed.md': GOOD_PLAN });
    const r = await linted(cwd, ['a.testbed.md', 'nowhere/*.testbed.md']);
    expect(r.files).toEqual(['a.testbed.md']);
    expect(r.code).toBe(0);
    expect(r.errors).toEqual(['testbed-lint: no files match the pattern "nowhere/*.testbed.md"']);
  });

  test('config ignores: globs relative to the config file; a file named explicitly gets a notice', async () => {
    const cwd = project({
      '.testbed-lint.yaml': `ignores:\n  - /archive/\n  - "*.draft.testbed.md"\n${THREE_RULES}`,
      'a.testbed.md': GOOD_PLAN,
      'b.draft.testbed.md': GOOD_PLAN,
      'archive/c.testbed.md': GOOD_PLAN,
      'sub/archive/d.testbed.md': GOOD_PLAN,
    });
    // `/archive/` is anchored at the config's folder, so sub/archive is not ignored.
    expect((await linted(cwd)).files).toEqual(['a.testbed.md', 'sub/archive/d.testbed.md']);
    const r = await linted(cwd, ['archive/c.testbed.md']);
    expect(r.files).toEqual([]);
    expect(r.errors[0]).toBe('testbed-lint: archive/c.testbed.md is ignored by the "ignores" of .testbed-lint.yaml');
  });
});

describe('bad input', () => {
  test('a path that does not exist: one error line, exit 2, the other files still linted', async () => {
    const cwd = project({ 'a.testbed.md': FLAWED_PLAN });
    const r = await runCli(['--today', TODAY, 'missing.testbed.md', 'a.testbed.md'], { cwd });
    expect(r.errors).toEqual(['testbed-lint: missing.testbed.md: no such file or directory']);
    expect(r.stdout).toContain('a.testbed.md\n');
    expect(r.code).toBe(2);
  });

  test('an unreadable file (EACCES): one error line, exit 2, the others still linted', async () => {
    const cwd = project({ 'locked.testbed.md': GOOD_PLAN, 'open.testbed.md': FLAWED_PLAN });
    const locked = join(cwd, 'locked.testbed.md');
    const fs: Fs = {
      ...realFs,
      openSync: ((path: unknown, ...rest: unknown[]) => {
        if (path === locked) throw eacces(locked);
        return (realFs.openSync as (...a: unknown[]) => unknown)(path, ...rest);
      }) as Fs['openSync'],
    };
    const r = await runCli(['--today', TODAY], { cwd, fs });
    expect(r.errors).toEqual(['testbed-lint: locked.testbed.md: permission denied']);
    expect(r.stdout).toContain('open.testbed.md\n');
    expect(r.code).toBe(2);
  });

  test.skipIf(asRoot)(
    'an unreadable file on disk (chmod 000) — skipped as root, where chmod does not block reads',
    async () => {
      const cwd = project({ 'locked.testbed.md': GOOD_PLAN });
      chmodSync(join(cwd, 'locked.testbed.md'), 0o000);
      const r = await runCli(['--today', TODAY], { cwd });
      chmodSync(join(cwd, 'locked.testbed.md'), 0o644);
      expect(r.errors).toEqual(['testbed-lint: locked.testbed.md: permission denied']);
      expect(r.code).toBe(2);
    },
  );

  test('an unreadable folder while walking: one error line, exit 2, the rest still linted', async () => {
    const cwd = project({ 'secret/x.testbed.md': GOOD_PLAN, 'open.testbed.md': FLAWED_PLAN });
    const secret = join(cwd, 'secret');
    const fs: Fs = {
      ...realFs,
      readdirSync: ((path: unknown, ...rest: unknown[]) => {
        if (path === secret) throw eacces(secret);
        return (realFs.readdirSync as (...a: unknown[]) => unknown)(path, ...rest);
      }) as Fs['readdirSync'],
    };
    const r = await runCli(['--today', TODAY], { cwd, fs });
    expect(r.errors).toEqual(['testbed-lint: secret: permission denied']);
    expect(r.stdout).toContain('open.testbed.md\n');
    expect(r.code).toBe(2);
  });

  test('a binary file that is no plan: a notice when named explicitly, silence when found by walking', async () => {
    const cwd = project({ 'bin.md': Buffer.from([0x23, 0, 1, 2, 0]), 'a.testbed.md': GOOD_PLAN });
    const walked = await linted(cwd);
    expect(walked.files).toEqual(['a.testbed.md']);
    expect(walked.stderr).toBe('');
    const named = await linted(cwd, ['bin.md', 'a.testbed.md']);
    expect(named.files).toEqual(['a.testbed.md']);
    expect(named.errors).toEqual(['testbed-lint: skipped bin.md: binary file']);
    expect(named.code).toBe(0);
  });

  test('a plan that is not text (invalid UTF-8, a NUL): a plan-syntax error at the first bad byte; other files skipped', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('---\nkind: testbed-plan\ntitle: Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n---\n'),
    ]);
    const nul = Buffer.concat([Buffer.from('---\nkind: testbed-plan\n'), Buffer.from([0, 1, 2, 0])]);
    const cwd = project({
      '.testbed-lint.yaml': onlyRules({ 'plan-syntax': 'error' }),
      'latin1.testbed.md': latin1,
      'sniffed.md': latin1,
      'bin.testbed.md': nul,
      'notes.md': Buffer.from([0x23, 0x20, 0xe9, 0x0a]),
      'a.testbed.md': GOOD_PLAN,
    });
    const r = await linted(cwd);
    expect(r.errors).toEqual([]);
    expect(r.files).toEqual(['a.testbed.md', 'bin.testbed.md', 'latin1.testbed.md', 'sniffed.md']);
    const found = (
      JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; column: number; message: string }[] }[]
    )
      .slice(1)
      .map((f) => f.messages.map((m) => [m.ruleId, m.line, m.column, m.message]));
    const hint = '; save it as UTF-8 (or UTF-16 with a byte-order mark).';
    expect(found).toEqual([
      [['plan-syntax', 3, 1, `The plan is not readable text: a NUL byte (0x00) at byte 24${hint}`]],
      [['plan-syntax', 3, 11, `The plan is not readable text: invalid UTF-8 (byte 0xE9) at byte 34${hint}`]],
      [['plan-syntax', 3, 11, `The plan is not readable text: invalid UTF-8 (byte 0xE9) at byte 34${hint}`]],
    ]);
    expect(r.code).toBe(1);
  });

  test('a plan over --max-file-size is a plan-syntax problem at 1:1, counted in the exit code, without being read', async () => {
    const cwd = project({
      '.testbed-lint.yaml': onlyRules({ 'plan-syntax': 'error', 'customer-named': 'error' }),
      'big.testbed.md': GOOD_PLAN,
      'a.testbed.yaml': 'kind: testbed-plan\ntitle: A\ncustomer:\n  name: Harbor Tools\n',
    });
    const read: string[] = [];
    const fs: Fs = {
      ...realFs,
      readSync: ((fd: number, ...rest: unknown[]) => {
        read.push(
          realFs.readFileSync(`/proc/self/fd/${fd}`, 'utf8') === GOOD_PLAN ? join(cwd, 'big.testbed.md') : 'other',
        );
        return (realFs.readSync as (...a: unknown[]) => unknown)(fd, ...rest);
      }) as Fs['readSync'],
    };
    const r = await linted(cwd, ['--max-file-size', '1000'], { fs });
    expect(r.files).toEqual(['a.testbed.yaml', 'big.testbed.md']);
    const big = (
      JSON.parse(r.stdout) as {
        filePath: string;
        messages: { ruleId: string; severity: number; message: string; line: number; column: number }[];
      }[]
    ).find((f) => f.filePath.endsWith('big.testbed.md'))!;
    const kb = (GOOD_PLAN.length / 1024).toFixed(1).replace(/\.0$/, '');
    expect(big.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.message])).toEqual([
      [
        'plan-syntax',
        2,
        1,
        1,
        `The plan is too large to read: it is ${kb} KB, over the limit of 1000 bytes (--max-file-size); split it into smaller plans, or raise the limit.`,
      ],
    ]);
    expect(r.errors).toEqual([]);
    expect(read).not.toContain(join(cwd, 'big.testbed.md'));
    expect(r.code).toBe(1);
    // The finding follows the config like any plan-syntax problem.
    writeFileSync(join(cwd, '.testbed-lint.yaml'), onlyRules({ 'plan-syntax': 'warning' }));
    const warned = await linted(cwd, ['--max-file-size', '1000', 'big.testbed.md']);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain('"severity":1');
  });

  test('a large file is a problem only when it is a plan: its name or the front matter at its head say so', async () => {
    const filler = `${'text '.repeat(300)}\n`;
    const cwd = project({
      '.testbed-lint.yaml': onlyRules({ 'plan-syntax': 'error' }),
      'notes.md': `# Notes\n\n${filler}`,
      'plan.md': `---\nkind: testbed-plan\ntitle: P\n---\n\n${filler}`,
      'data.yaml': `a: 1\n# ${filler}`,
    });
    const r = await linted(cwd, ['--max-file-size', '1000']);
    expect(r.files).toEqual(['plan.md']);
    expect(r.code).toBe(1);
    const none = await linted(cwd, ['--max-file-size', '1000', 'notes.md', 'data.yaml']);
    expect(none.errors).toEqual(['testbed-lint: no plans found (2 files skipped: not plans)']);
    expect(none.code).toBe(0);
  });

  test('the default limit is 5 MB', async () => {
    const cwd = project({ '.testbed-lint.yaml': onlyRules({ 'plan-syntax': 'error' }), 'a.testbed.md': GOOD_PLAN });
    writeFileSync(join(cwd, 'huge.testbed.md'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
    const r = await linted(cwd);
    expect(r.files).toEqual(['a.testbed.md', 'huge.testbed.md']);
    expect(r.stdout).toContain('it is 5 MB, over the limit of 5 MB (--max-file-size)');
    expect(r.errors).toEqual([]);
  });

  test('folders named explicitly are walked; an empty folder is fine', async () => {
    const cwd = project({ 'dir/a.testbed.md': GOOD_PLAN });
    mkdirSync(join(cwd, 'empty'));
    const r = await linted(cwd, ['dir', 'empty']);
    expect(r.files).toEqual(['dir/a.testbed.md']);
    expect(r.code).toBe(0);
  });
});
