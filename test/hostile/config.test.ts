// Issue 23, hostile config files. Row 9: only regular files are opened, and each (a config file or an `extends`
// target) is capped at 1 MiB before it is read; a FIFO or a device is named, never read. Row 11: `extends` follows
// links by their real path, and in the editor a workspace's config cannot reach a file outside the workspace (the
// CLI reads whatever the user points at). A config mistake never switches checking off: the CLI exits 2 and lints
// the plans under other configs; the editor checks the plan with what it could read, and says so.
import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  FLAWED_PLAN,
  GOOD_PLAN,
  lintedFiles,
  onlyRules,
  runCli,
  tempProject,
  THREE_RULES,
  TODAY,
} from '../cli/helpers.js';
import { realFs, type Fs } from '../../src/node/fs.js';
import { fake, FileType, Uri, workspace } from '../helpers/fake-vscode.js';

vi.mock('vscode', () => import('../helpers/fake-vscode.js'));
const { WorkspaceConfig } = await import('../../src/extension/config/workspace-config.js');

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  vi.restoreAllMocks();
});
function project(files: Record<string, string>): string {
  const p = tempProject(files);
  cleanups.push(p.cleanup);
  return p.dir;
}

/** Just over 1 MiB of valid YAML that is quick to parse (a comment), so only the size is wrong. */
const OVERSIZED = `# ${'x'.repeat(1024 * 1024)}\nrules: {}\n`;
const OVER = 'cannot read config: it is 1 MB, over the limit of 1 MB for a config file';
const posix = process.platform !== 'win32';
const hasMkfifo = posix && ['/usr/bin/mkfifo', '/bin/mkfifo'].some((p) => existsSync(p));

describe('row 9, the CLI: a config is read only when it is a regular file of at most 1 MiB', () => {
  test('a config over 1 MiB is an error naming it (exit 2); plans under another config are still linted', async () => {
    const cwd = project({
      'big/.testbed-lint.yaml': OVERSIZED,
      'big/p.testbed.md': FLAWED_PLAN,
      'fine/.testbed-lint.yaml': THREE_RULES,
      'fine/p.testbed.md': FLAWED_PLAN,
    });
    const r = await lintedFiles(cwd);
    expect(r.errors).toEqual([`big/.testbed-lint.yaml:1:1: ${OVER}`]);
    expect(r.files).toEqual(['fine/p.testbed.md']);
    expect(r.code).toBe(2);
  });

  test("the issue's config, 19 MB of 600,000 `ignores`, is refused before it is read", async () => {
    const lines = ['ignores:'];
    for (let i = 0; i < 600_000; i++) lines.push(`  - "plans/archive/${i}/**/*.md"`);
    const cwd = project({ '.testbed-lint.yaml': `${lines.join('\n')}\n`, 'p.testbed.md': GOOD_PLAN });
    const r = await runCli(['--today', TODAY], { cwd });
    expect(r.errors).toEqual([
      '.testbed-lint.yaml:1:1: cannot read config: it is 19.9 MB, over the limit of 1 MB for a config file',
    ]);
    expect(r.code).toBe(2);
  });

  test('a config that grew after its size was looked at is read no further than 1 MiB + 1 byte, and refused', async () => {
    const cwd = project({ '.testbed-lint.yaml': `# ${'x'.repeat(3 * 1024 * 1024)}\n`, 'p.testbed.md': GOOD_PLAN });
    const config = join(cwd, '.testbed-lint.yaml');
    // The stat says 10 bytes (taken before the file grew to 3 MB); the read finds out, and stops.
    const fs: Fs = {
      ...realFs,
      statSync: ((path: unknown, ...rest: unknown[]) => {
        const st = (realFs.statSync as (...a: unknown[]) => Stats)(path, ...rest);
        return path === config ? Object.assign(Object.create(st) as Stats, { size: 10 }) : st;
      }) as Fs['statSync'],
    };
    const r = await runCli(['--today', TODAY], { cwd, fs });
    expect(r.errors).toEqual([`.testbed-lint.yaml:1:1: ${OVER}`]);
    expect(r.code).toBe(2);
  });

  test('an `extends` target over 1 MiB is an error in that file, and the config extending it says so', async () => {
    const cwd = project({
      '.testbed-lint.yaml': 'extends: ./big.yaml\n',
      'big.yaml': OVERSIZED,
      'p.testbed.md': GOOD_PLAN,
    });
    const r = await runCli(['--today', TODAY], { cwd });
    expect(r.errors).toEqual([
      `big.yaml:1:1: ${OVER}`,
      '.testbed-lint.yaml:1:10: cannot extend "./big.yaml": it has errors',
    ]);
    expect(r.code).toBe(2);
  });

  test.runIf(posix)(
    '`ln -s /dev/zero .testbed-lint.yaml`: the config is named as not a regular file, never read',
    async () => {
      const cwd = project({
        'p.testbed.md': GOOD_PLAN,
        'fine/.testbed-lint.yaml': THREE_RULES,
        'fine/p.testbed.md': FLAWED_PLAN,
      });
      symlinkSync('/dev/zero', join(cwd, '.testbed-lint.yaml'));
      const r = await lintedFiles(cwd);
      expect(r.errors).toEqual(['.testbed-lint.yaml:1:1: cannot read config: not a regular file']);
      expect(r.files).toEqual(['fine/p.testbed.md']);
      expect(r.code).toBe(2);
    },
  );

  test.runIf(hasMkfifo)(
    'a FIFO as .testbed-lint.yaml is named, never opened (opening it would wait for a writer)',
    async () => {
      const cwd = project({ 'p.testbed.md': GOOD_PLAN });
      execFileSync('mkfifo', [join(cwd, '.testbed-lint.yaml')]);
      const r = await runCli(['--today', TODAY], { cwd });
      expect(r.errors).toEqual(['.testbed-lint.yaml:1:1: cannot read config: not a regular file']);
      expect(r.code).toBe(2);
    },
  );

  test.runIf(posix)('`extends` of a link to /dev/zero: the target is named, never read', async () => {
    const cwd = project({ '.testbed-lint.yaml': 'extends: ./zero.yaml\n', 'p.testbed.md': GOOD_PLAN });
    symlinkSync('/dev/zero', join(cwd, 'zero.yaml'));
    const r = await runCli(['--today', TODAY], { cwd });
    // The walk also meets zero.yaml as a YAML file that is not a regular file, and says it skipped it.
    expect(r.errors).toEqual([
      'testbed-lint: skipped zero.yaml: not a regular file (a character device)',
      'zero.yaml:1:1: cannot read config: not a regular file',
      '.testbed-lint.yaml:1:10: cannot extend "./zero.yaml": it has errors',
    ]);
    expect(r.code).toBe(2);
  });

  test.runIf(posix)('--config /dev/zero is a usage error naming it', async () => {
    const cwd = project({ 'p.testbed.md': GOOD_PLAN });
    const r = await runCli(['--config', '/dev/zero'], { cwd });
    expect(r.errors).toEqual(['testbed-lint: --config /dev/zero: not a regular file']);
    expect(r.code).toBe(2);
  });
});

describe('row 11, the CLI: `extends` is followed through links, wherever the user points', () => {
  test.runIf(posix)(
    'a link to a config outside the project is read (on their own machine, the user decides)',
    async () => {
      const shared = project({ 'team.yaml': onlyRules({ 'customer-named': 'warning' }) });
      const cwd = project({ '.testbed-lint.yaml': 'extends: ./link.yaml\n', 'p.testbed.md': FLAWED_PLAN });
      symlinkSync(join(shared, 'team.yaml'), join(cwd, 'link.yaml'));
      const r = await runCli(['--today', TODAY, '-f', 'json'], { cwd });
      expect(r.errors).toEqual([]);
      expect((JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.map((m) => m.ruleId)).toEqual([
        'customer-named',
      ]);
    },
  );

  test.runIf(posix)("a cycle through a linked folder is reported as a cycle, by the files' real paths", async () => {
    const cwd = project({ '.testbed-lint.yaml': 'extends: ./loop/.testbed-lint.yaml\n', 'p.testbed.md': GOOD_PLAN });
    symlinkSync('.', join(cwd, 'loop'));
    const r = await runCli(['--today', TODAY], { cwd });
    expect(r.errors).toEqual(['.testbed-lint.yaml:1:10: extends cycle: .testbed-lint.yaml → loop/.testbed-lint.yaml']);
    expect(r.code).toBe(2);
  });
});

/** A WorkspaceConfig on the fake file system, the workspace folder /ws; `links` as the desktop's realpath sees them. */
function editor(links?: Record<string, string>) {
  fake.workspaceFolders = [{ uri: Uri.parse('file:///ws') }];
  const follow = (path: string) => {
    const link = Object.keys(links ?? {}).find((l) => path === l || path.startsWith(`${l}/`));
    return link === undefined ? path : links![link]! + path.slice(link.length);
  };
  const config = new WorkspaceConfig(
    links ? (uri) => (uri.scheme === 'file' ? Promise.resolve(follow(uri.path)) : undefined) : undefined,
  );
  const messages = () =>
    config.errors().flatMap((e) => e.errors.map((x) => `${x.file}:${x.line}:${x.column}: ${x.message}`));
  return { config, messages, plan: (path: string) => config.forFile(Uri.parse(`file://${path}`)) };
}
const SECRET = 'rules:\n  token-hunter2: error\n';
const file = (path: string, text: string) => fake.files.set(`file://${path}`, text);

describe('row 9, the editor: the same caps, and the plan is checked with the defaults', () => {
  beforeEach(() => fake.reset());

  test('a config whose size is over 1 MiB is never read; its plans are checked with the defaults and say why', async () => {
    const read = vi.spyOn(workspace.fs, 'readFile');
    file('/ws/.testbed-lint.yaml', 'rules: {}\n');
    fake.stats.set('file:///ws/.testbed-lint.yaml', { type: FileType.File, size: 19 * 1024 * 1024 });
    const { plan, messages } = editor();
    const v = await plan('/ws/p.testbed.md');
    expect(v?.kind === 'lint' && [v.config, v.notice?.defaults, v.notice?.first.message]).toEqual([
      { rules: {} },
      true,
      'cannot read config: it is 19 MB, over the limit of 1 MB for a config file',
    ]);
    expect(messages()).toEqual([
      '/ws/.testbed-lint.yaml:1:1: cannot read config: it is 19 MB, over the limit of 1 MB for a config file',
    ]);
    expect(read).not.toHaveBeenCalled();
  });

  test('a config that is larger than its size said when read is refused all the same', async () => {
    file('/ws/.testbed-lint.yaml', OVERSIZED);
    fake.stats.set('file:///ws/.testbed-lint.yaml', { type: FileType.File, size: 10 });
    const { plan, messages } = editor();
    expect((await plan('/ws/p.testbed.md'))?.kind).toBe('lint');
    expect(messages()).toEqual([`/ws/.testbed-lint.yaml:1:1: ${OVER}`]);
  });

  test("a FIFO or a device under a config's name is named, never read", async () => {
    const read = vi.spyOn(workspace.fs, 'readFile');
    // What VS Code's stat says of a link to /dev/zero or to a FIFO.
    fake.stats.set('file:///ws/.testbed-lint.yaml', { type: FileType.Unknown | FileType.SymbolicLink, size: 0 });
    const { plan, messages } = editor();
    const v = await plan('/ws/p.testbed.md');
    expect(v?.kind === 'lint' && [v.config, v.notice?.defaults]).toEqual([{ rules: {} }, true]);
    expect(messages()).toEqual(['/ws/.testbed-lint.yaml:1:1: cannot read config: not a regular file']);
    expect(read).not.toHaveBeenCalled();
  });
});

describe("row 11, the editor: a workspace's config cannot reach a file outside the workspace", () => {
  beforeEach(() => fake.reset());

  test('`extends: ./link.yaml`, a link to a file outside: refused at the extends, and nothing of that file shows', async () => {
    file('/ws/.testbed-lint.yaml', 'extends: ./link.yaml\nrules:\n  customer-named: off\n');
    // What reading the link would give: the outside file's text.
    file('/ws/link.yaml', SECRET);
    const { plan, messages } = editor({ '/ws/link.yaml': '/home/me/secret.yaml' });
    const v = await plan('/ws/p.testbed.md');
    expect(v?.kind === 'lint' && v.config).toEqual({ rules: { 'customer-named': 'off' } });
    expect(messages()).toEqual([
      '/ws/.testbed-lint.yaml:1:10: cannot extend "./link.yaml": it links to a file outside the workspace, and config files outside it are not read',
    ]);
    expect(messages().join('\n')).not.toContain('hunter2');
  });

  test('`extends` through a linked folder that leads outside is refused the same way', async () => {
    file('/ws/.testbed-lint.yaml', 'extends: ./shared/base.yaml\n');
    file('/ws/shared/base.yaml', SECRET);
    const { plan, messages } = editor({ '/ws/shared': '/etc/team' });
    expect((await plan('/ws/p.testbed.md'))?.kind).toBe('lint');
    expect(messages()).toEqual([
      '/ws/.testbed-lint.yaml:1:10: cannot extend "./shared/base.yaml": it links to a file outside the workspace, and config files outside it are not read',
    ]);
  });

  test('a config file in the workspace that is itself a link to a file outside is not read; its plans get the defaults', async () => {
    file('/ws/team/.testbed-lint.yaml', SECRET);
    const { plan, messages } = editor({ '/ws/team/.testbed-lint.yaml': '/home/me/secret.yaml' });
    const v = await plan('/ws/team/p.testbed.md');
    expect(v?.kind === 'lint' && [v.config, v.notice?.defaults]).toEqual([{ rules: {} }, true]);
    expect(messages()).toEqual([
      '/ws/team/.testbed-lint.yaml:1:1: cannot read config: it links to a file outside the workspace, and config files outside it are not read',
    ]);
  });

  test('links that stay inside the workspace are followed, also when the folder itself was opened through a link', async () => {
    // The fake's files do not follow links: each is where stat looks (its path) and where it is read (its real path).
    for (const path of ['/ws/.testbed-lint.yaml', '/data/ws/.testbed-lint.yaml'])
      file(path, 'extends: ./current.yaml\n');
    for (const path of ['/ws/current.yaml', '/data/ws/configs/v2.yaml']) file(path, 'rules:\n  customer-named: info\n');
    const { plan, messages } = editor({ '/ws/current.yaml': '/data/ws/configs/v2.yaml', '/ws': '/data/ws' });
    const v = await plan('/ws/p.testbed.md');
    expect(v?.kind === 'lint' && [v.config, v.notice]).toEqual([{ rules: { 'customer-named': 'info' } }, undefined]);
    expect(messages()).toEqual([]);
  });

  test('on the web (no realpath), a config reached through a link is refused: where it leads cannot be known', async () => {
    file('/ws/.testbed-lint.yaml', 'extends: ./link.yaml\n');
    file('/ws/link.yaml', SECRET);
    fake.stats.set('file:///ws/link.yaml', { type: FileType.File | FileType.SymbolicLink, size: SECRET.length });
    const { plan, messages } = editor();
    expect((await plan('/ws/p.testbed.md'))?.kind).toBe('lint');
    expect(messages()).toEqual([
      '/ws/.testbed-lint.yaml:1:10: cannot extend "./link.yaml": it is reached through a symbolic link, which the editor cannot follow here',
    ]);
  });
});

describe('the cap is inclusive', () => {
  test('a config of exactly 1 MiB is read', async () => {
    const text = 'rules: {}\n';
    const cwd = project({
      '.testbed-lint.yaml': `${text}#${'x'.repeat(1024 * 1024 - text.length - 2)}\n`,
      'p.testbed.md': GOOD_PLAN,
    });
    const r = await runCli(['--today', TODAY], { cwd });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
  });
});
