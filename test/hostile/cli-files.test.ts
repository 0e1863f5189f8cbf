// Hostile input, issue 23 rows 2-4: --fix replaces a plan whole (never cut by a full disk, never over text written
// meanwhile), never writes through a link met while walking, and only regular files are opened, each capped.
import { execFileSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { realFs, type Fs } from '../../src/node/fs.js';
import { FLAWED_PLAN, runCli, tempProject, THREE_RULES, TODAY } from '../cli/helpers.js';
import { spawnCli } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function project(files: Record<string, string | Uint8Array> = {}): string {
  const p = tempProject(files);
  cleanups.push(p.cleanup);
  return p.dir;
}
const FIXED = FLAWED_PLAN.replace('onwer:', 'owner:').replace('status: Running', 'status: running');
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
const posix = process.platform !== 'win32';

describe('row 2: --fix replaces a plan whole', () => {
  test('a full disk (ENOSPC mid-write) leaves the plan byte for byte as it was, removes the temp file, exit 2', async () => {
    const cwd = project({ '.testbed-lint.yaml': THREE_RULES, 'vmi.testbed.md': FLAWED_PLAN });
    // Both ways a plan can be written fail as a full disk does: part of the bytes land, then ENOSPC.
    const fs: Fs = {
      ...realFs,
      writeFileSync: ((path: nodeFs.PathOrFileDescriptor, data: string) => {
        realFs.writeFileSync(path, String(data).slice(0, 40));
        throw enospc();
      }) as Fs['writeFileSync'],
      writeSync: ((fd: number, buffer: Uint8Array, offset?: number, length?: number) => {
        realFs.writeSync(fd, buffer, offset, Math.min(length ?? buffer.length, 40));
        throw enospc();
      }) as unknown as Fs['writeSync'],
    };
    const r = await runCli(['--today', TODAY, '--fix', 'vmi.testbed.md'], { cwd, fs });
    expect(readFileSync(join(cwd, 'vmi.testbed.md'), 'utf8')).toBe(FLAWED_PLAN);
    expect(readdirSync(cwd).sort()).toEqual(['.testbed-lint.yaml', 'vmi.testbed.md']);
    expect(r.errors).toEqual(['testbed-lint: cannot write the fixes to vmi.testbed.md: no space left on device']);
    expect(r.code).toBe(2);
  });

  test('the plan is never opened for writing: the fixed text goes to a flushed temp file renamed over it, checked just before', async () => {
    const cwd = project({ '.testbed-lint.yaml': THREE_RULES, 'vmi.testbed.md': FLAWED_PLAN });
    const plan = join(cwd, 'vmi.testbed.md');
    if (posix) chmodSync(plan, 0o640);
    const calls: string[] = [];
    const fds = new Map<number, string>();
    const name = (p: unknown) =>
      String(p) === plan ? 'plan' : String(p).startsWith(join(cwd, '.vmi.testbed.md.')) ? 'temp' : 'other';
    const fs: Fs = {
      ...realFs,
      writeFileSync: (path: nodeFs.PathOrFileDescriptor, ...rest: unknown[]) => {
        calls.push(`writeFile ${name(path)}`);
        return (realFs.writeFileSync as (...a: unknown[]) => unknown)(path, ...rest);
      },
      openSync: (path: nodeFs.PathLike, flags: unknown, ...rest: unknown[]) => {
        const fd = (realFs.openSync as (...a: unknown[]) => number)(path, flags, ...rest);
        fds.set(fd, name(path));
        if (typeof flags !== 'number' || (flags & 3) !== 0) calls.push(`open ${name(path)} ${String(flags)}`);
        else if (name(path) === 'plan') calls.push('read plan');
        return fd;
      },
      fsyncSync: (fd: number) => {
        calls.push(`fsync ${fds.get(fd)}`);
        realFs.fsyncSync(fd);
      },
      renameSync: (from: nodeFs.PathLike, to: nodeFs.PathLike) => {
        calls.push(`rename ${name(from)} -> ${name(to)}`);
        realFs.renameSync(from, to);
      },
    };
    const r = await runCli(['--today', TODAY, '--fix', 'vmi.testbed.md'], { cwd, fs });
    expect(r.code).toBe(1);
    // Read to lint; then the temp file written and flushed; then the check that the plan is still what was linted, as
    // late as it can be: nothing but the rename after it (what is written to the plan between the two is lost).
    expect(calls).toEqual(['read plan', 'open temp wx', 'fsync temp', 'read plan', 'rename temp -> plan']);
    expect(readFileSync(plan, 'utf8')).toBe(FIXED);
    if (posix) expect(statSync(plan).mode & 0o777).toBe(0o640);
  });

  test('text appended to the plan while it is linted is kept: the fixes are not written, "changed during the run", exit 2', async () => {
    const cwd = project({ '.testbed-lint.yaml': THREE_RULES, 'vmi.testbed.md': FLAWED_PLAN });
    const plan = join(cwd, 'vmi.testbed.md');
    const appended = '\n## Notes\nWritten while the linter ran.\n';
    let done = false;
    // Someone saves more text into the plan right after the linter has read it (a slow lint, a busy editor).
    const appendOnce = () => {
      if (done) return;
      done = true;
      nodeFs.appendFileSync(plan, appended);
    };
    const planFds = new Set<number>();
    const fs: Fs = {
      ...realFs,
      readFileSync: ((path: nodeFs.PathOrFileDescriptor, ...rest: unknown[]) => {
        const out = (realFs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
        if (path === plan) appendOnce();
        return out;
      }) as Fs['readFileSync'],
      openSync: (path: nodeFs.PathLike, ...rest: unknown[]) => {
        const fd = (realFs.openSync as (...a: unknown[]) => number)(path, ...rest);
        if (path === plan) planFds.add(fd);
        return fd;
      },
      closeSync: (fd: number) => {
        realFs.closeSync(fd);
        if (planFds.delete(fd)) appendOnce();
      },
    };
    const r = await runCli(['--today', TODAY, '--fix', 'vmi.testbed.md'], { cwd, fs });
    expect(readFileSync(plan, 'utf8')).toBe(FLAWED_PLAN + appended);
    expect(readdirSync(cwd).sort()).toEqual(['.testbed-lint.yaml', 'vmi.testbed.md']);
    expect(r.errors).toEqual([
      'testbed-lint: vmi.testbed.md: changed during the run; its fixes were not written (run --fix again)',
    ]);
    expect(r.code).toBe(2);
  });
});

describe.skipIf(!posix)('row 3: --fix over a folder never writes through a symbolic link', () => {
  test('a link to a file outside the tree is linted, not written; the file outside keeps its bytes', async () => {
    const cwd = project({
      'outside/victim.rc': 'export PATH=/usr/bin\n',
      'repo/vmi.testbed.md': FLAWED_PLAN,
      'repo/.testbed-lint.yaml': THREE_RULES,
    });
    symlinkSync('../outside/victim.rc', join(cwd, 'repo/evil.testbed.md'));
    const r = await runCli(['--today', TODAY, '--fix', 'repo'], { cwd });
    expect(readFileSync(join(cwd, 'outside/victim.rc'), 'utf8')).toBe('export PATH=/usr/bin\n');
    expect(lstatSync(join(cwd, 'repo/evil.testbed.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(cwd, 'repo/vmi.testbed.md'), 'utf8')).toBe(FIXED);
    expect(r.stdout).toContain('repo/evil.testbed.md\n');
    expect(r.errors).toEqual([
      'testbed-lint: repo/evil.testbed.md is a symbolic link met while walking a folder; linted, not fixed (name it to fix it)',
    ]);
  });

  test('with the recommended rules (the issue repro), the template sections are not appended outside the tree', () => {
    const cwd = project({ 'outside/victim.rc': 'alias ls=ls\n', 'repo/README.md': '# r\n' });
    symlinkSync('../outside/victim.rc', join(cwd, 'repo/evil.testbed.md'));
    const r = spawnCli(['--fix', 'repo'], cwd);
    expect(readFileSync(join(cwd, 'outside/victim.rc'), 'utf8')).toBe('alias ls=ls\n');
    expect(r.stderr).toBe(
      'testbed-lint: repo/evil.testbed.md is a symbolic link met while walking a folder; linted, not fixed (name it to fix it)\n',
    );
    // Its findings are to-do infos of the text as it is (unfixed), which do not fail the run.
    expect(r.stdout).toContain('ℹ 8 problems (0 errors, 0 warnings, 8 infos)');
    expect(r.code).toBe(0);
  });

  test('a link named on the command line has its fixes written to the file it points to; it stays a link', async () => {
    const cwd = project({ '.testbed-lint.yaml': THREE_RULES, 'real/vmi.testbed.md': FLAWED_PLAN });
    symlinkSync('real/vmi.testbed.md', join(cwd, 'link.testbed.md'));
    const r = await runCli(['--today', TODAY, '--fix', 'link.testbed.md'], { cwd });
    expect(r.code).toBe(1);
    expect(lstatSync(join(cwd, 'link.testbed.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(cwd, 'real/vmi.testbed.md'), 'utf8')).toBe(FIXED);
  });
});

describe.skipIf(!posix)('row 4: only regular files are opened, each capped', () => {
  test('a .gitignore that links to /dev/zero: a notice, the run goes on and ends', () => {
    const cwd = project({ 'd/a.testbed.md': FLAWED_PLAN, 'd/.testbed-lint.yaml': THREE_RULES });
    symlinkSync('/dev/zero', join(cwd, 'd/.gitignore'));
    const r = spawnCli(['--today', TODAY, 'd'], cwd);
    expect(r.stderr).toBe('testbed-lint: d/.gitignore is not a regular file (a character device); not read\n');
    expect(r.stdout).toContain('d/a.testbed.md\n');
    expect(r.code).toBe(1);
  });

  test('a .gitignore that is a FIFO: a notice, no hang', () => {
    const cwd = project({ 'd/a.testbed.md': FLAWED_PLAN, 'd/.testbed-lint.yaml': THREE_RULES });
    execFileSync('mkfifo', [join(cwd, 'd/.gitignore')]);
    const r = spawnCli(['--today', TODAY, 'd'], cwd);
    expect(r.stderr).toBe('testbed-lint: d/.gitignore is not a regular file (a FIFO); not read\n');
    expect(r.code).toBe(1);
  });

  test('a cache file that is a FIFO or a device: a notice, the plans are linted', () => {
    const cwd = project({ 'a.testbed.md': FLAWED_PLAN, '.testbed-lint.yaml': THREE_RULES });
    mkdirSync(join(cwd, 'c'));
    execFileSync('mkfifo', [join(cwd, 'c/lint-cache.json')]);
    const r = spawnCli(['--today', TODAY, '--cache', '--cache-location', 'c', 'a.testbed.md'], cwd);
    expect(r.stderr).toContain(
      `testbed-lint: the cache ${join(cwd, 'c/lint-cache.json')} is not a regular file (a FIFO); not used\n`,
    );
    expect(r.code).toBe(1);
    mkdirSync(join(cwd, 'z'));
    symlinkSync('/dev/zero', join(cwd, 'z/lint-cache.json'));
    const z = spawnCli(['--today', TODAY, '--cache', '--cache-location', 'z', 'a.testbed.md'], cwd);
    expect(z.stderr).toContain(
      `testbed-lint: the cache ${join(cwd, 'z/lint-cache.json')} is not a regular file (a character device); not used\n`,
    );
    expect(z.code).toBe(1);
  });

  test('a FIFO plan: named, an error (exit 2); met while walking, a notice (the run goes on)', () => {
    const cwd = project({ 'd/a.testbed.md': FLAWED_PLAN, 'd/.testbed-lint.yaml': THREE_RULES });
    execFileSync('mkfifo', [join(cwd, 'd/pipe.testbed.md')]);
    const named = spawnCli(['--today', TODAY, 'd/pipe.testbed.md', 'd/a.testbed.md'], cwd);
    expect(named.stderr).toBe('testbed-lint: d/pipe.testbed.md: not a regular file (a FIFO)\n');
    expect(named.code).toBe(2);
    const walked = spawnCli(['--today', TODAY, 'd'], cwd);
    expect(walked.stderr).toBe('testbed-lint: skipped d/pipe.testbed.md: not a regular file (a FIFO)\n');
    expect(walked.code).toBe(1);
  });

  test('a plan swapped for a FIFO after the walk saw a file is never read (open, then fstat on the handle)', async () => {
    const cwd = project({ '.testbed-lint.yaml': THREE_RULES, 'a.testbed.md': FLAWED_PLAN });
    const plan = join(cwd, 'a.testbed.md');
    let swapped = false;
    const fs: Fs = {
      ...realFs,
      // The check a reader might make first still sees a regular file; the file is then swapped for a FIFO.
      statSync: ((path: nodeFs.PathLike, ...rest: unknown[]) => {
        const st = (realFs.statSync as (...a: unknown[]) => nodeFs.Stats)(path, ...rest);
        if (path === plan && !swapped) {
          swapped = true;
          nodeFs.rmSync(plan);
          execFileSync('mkfifo', [plan]);
        }
        return st;
      }) as Fs['statSync'],
    };
    const r = await runCli(['--today', TODAY, 'a.testbed.md'], { cwd, fs });
    expect(swapped).toBe(true);
    expect(r.errors).toEqual(['testbed-lint: a.testbed.md: not a regular file (a FIFO)']);
    expect(r.code).toBe(2);
  });

  test('a .gitignore over the cap is not read, with a notice', async () => {
    const cwd = project({
      'd/.gitignore': `${'#'.repeat(4 * 1024 * 1024)}\nx.testbed.md\n`,
      'd/x.testbed.md': FLAWED_PLAN,
      '.testbed-lint.yaml': THREE_RULES,
    });
    const r = await runCli(['--today', TODAY, '-f', 'json', 'd'], { cwd });
    expect(r.errors).toEqual(['testbed-lint: d/.gitignore is over 4 MB; not read']);
    expect((JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath)).toEqual([
      join(cwd, 'd/x.testbed.md'),
    ]);
    expect(r.code).toBe(1);
  });
});
