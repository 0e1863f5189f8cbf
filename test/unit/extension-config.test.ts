// The editor's config discovery (src/extension/config-resolver.ts, over vscode.workspace.fs on desktop and web) gives
// the CLI's verdicts and the CLI's words for the same folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AsyncConfigResolver, type ConfigError, relative, isInside, normalize } from '../../src/extension/config/resolver.js';
import { ConfigResolver, isIgnoredBy, toLintConfig } from '../../src/node/config.js';
import { realFs } from '../../src/node/fs.js';
import { fake, Uri } from '../helpers/fake-vscode.js';

vi.mock('vscode', () => import('../helpers/fake-vscode.js'));
const { WorkspaceConfig } = await import('../../src/extension/config/workspace-config.js');

/** A folder tree, as path → text, under /ws. */
const TREE: Record<string, string> = {
  '/ws/.testbed-lint.yaml': 'extends: [recommended, ./shared/base.yaml]\nrules:\n  counterpart-back-end: off\nignores: [archive/**]\n',
  '/ws/shared/base.yaml': 'drafts: strict\nrules:\n  iteration-stale: [error, { max-days: 30 }]\n',
  '/ws/plans/a.testbed.md': '',
  '/ws/archive/old.testbed.md': '',
  '/ws/team/.testbed-lint.json': '{"extends": ["strict"], "drafts": "lenient", "rules": {"customer-rationale": "off"}}',
  '/ws/team/b.testbed.md': '',
  '/ws/broken/.testbed-lint.yaml': 'rules:\n  no-such-rule: error\n',
  '/ws/broken/c.testbed.md': '',
  '/ws/cycle/.testbed-lint.yml': 'extends: ./other.yaml\n',
  '/ws/cycle/other.yaml': 'extends: ./.testbed-lint.yml\n',
  '/ws/cycle/d.testbed.md': '',
  '/ws/outside/.testbed-lint.yaml': 'extends: ../../elsewhere/shared.yaml\n',
  '/ws/outside/e.testbed.md': '',
  '/ws/script/.testbed-lint.yaml': 'extends: ./evil.js\n',
  '/ws/script/evil.js': 'require("child_process").execSync("touch EXECUTED")\n',
  '/ws/script/f.testbed.md': '',
  '/ws/named/.testbed-lint.yaml': 'extends: base.yaml\n',
  '/ws/named/g.testbed.md': '',
  '/ws/missing/.testbed-lint.yaml': 'extends: ./nowhere.yaml\n',
  '/ws/missing/h.testbed.md': '',
  '/elsewhere/shared.yaml': 'rules: {}\n',
};
const PLANS = Object.keys(TREE).filter((p) => p.endsWith('.testbed.md'));

function memoryResolver(errors: ConfigError[]) {
  const reader = {
    isFile: async (p: string) => p in TREE,
    read: async (p: string) => {
      if (!(p in TREE)) throw new Error('no such file or directory');
      return new TextEncoder().encode(TREE[p]);
    },
  };
  return new AsyncConfigResolver(reader, (e) => errors.push(e), (p) => p !== '/ws' && isInside(p, '/ws'));
}

describe('POSIX path helpers', () => {
  it('normalize, relative and isInside agree with node:path on POSIX paths', () => {
    expect(normalize('/a/./b/../c//d')).toBe('/a/c/d');
    expect(relative('/ws/cycle', '/ws/cycle/other.yaml')).toBe('other.yaml');
    expect(relative('/ws/a', '/ws/b/c')).toBe('../b/c');
    expect(relative('/ws', '/ws')).toBe('');
    expect(isInside('/ws/x', '/ws')).toBe(true);
    expect(isInside('/wsx/y', '/ws')).toBe(false);
    expect(isInside('/elsewhere/shared.yaml', '/ws')).toBe(false);
  });
});

describe('the editor finds configs as the CLI does', () => {
  const dir = mkdtempSync(join(tmpdir(), 'testbed-lint-ext-config-'));
  for (const [p, text] of Object.entries(TREE)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the CLI verdict, config and errors for every plan of a folder (a plan the CLI skips for its config\'s errors gets a notice)', async () => {
    const cliErrors: ConfigError[] = [];
    const ws = join(dir, 'ws');
    const cli = new ConfigResolver(realFs, (e) => cliErrors.push(e), undefined, (p) => p !== ws && p.startsWith(`${ws}/`));
    const editorErrors: ConfigError[] = [];
    const editor = memoryResolver(editorErrors);
    for (const plan of PLANS) {
      const fromCli = cli.forFile(join(dir, plan));
      const cliVerdict =
        fromCli.kind === 'file' && !fromCli.config.ok
          ? 'skip: errors'
          : isIgnoredBy(fromCli, join(dir, plan), false)
            ? 'skip: ignores'
            : JSON.stringify(toLintConfig(fromCli) ?? null);
      const v = await editor.forFile(plan);
      // Why: the CLI fails (exit 2) on a config with errors; the editor checks the plan with the valid part and says so.
      const editorVerdict = v.kind === 'skip' ? 'skip: ignores' : v.notice ? 'skip: errors' : JSON.stringify(v.config ?? null);
      expect(editorVerdict, plan).toBe(cliVerdict);
    }
    const strip = (es: ConfigError[]) => es.map((e) => `${e.file.slice(e.file.indexOf('/ws/'))}:${e.line}:${e.column} ${e.message}`).sort();
    expect(strip(editorErrors)).toEqual(strip(cliErrors));
    expect(strip(editorErrors)).toEqual([
      '/ws/broken/.testbed-lint.yaml:2:3 unknown rule "no-such-rule"',
      '/ws/cycle/.testbed-lint.yml:1:10 cannot extend "./other.yaml": it has errors',
      '/ws/cycle/other.yaml:1:10 extends cycle: .testbed-lint.yml → other.yaml → .testbed-lint.yml',
      '/ws/missing/.testbed-lint.yaml:1:10 cannot extend "./nowhere.yaml": no such file',
      '/ws/named/.testbed-lint.yaml:1:10 cannot extend "base.yaml": use "recommended", "strict" or a relative path such as "./base.yaml"',
      '/ws/outside/.testbed-lint.yaml:1:10 cannot extend "../../elsewhere/shared.yaml": it is outside the workspace, and config files outside it are not read',
      '/ws/script/.testbed-lint.yaml:1:10 cannot extend "./evil.js": it has errors',
      '/ws/script/evil.js:1:1 a config file must be a mapping with "extends", "rules", "ignores" or "drafts"',
    ]);
  });

  it('applies extends, presets, rules and ignores', async () => {
    const editor = memoryResolver([]);
    const a = await editor.forFile('/ws/plans/a.testbed.md');
    expect(a.kind === 'lint' && a.file).toBe('/ws/.testbed-lint.yaml');
    expect(a.kind === 'lint' && a.config?.rules?.['iteration-stale']).toEqual(['error', { 'max-days': 30 }]);
    expect(a.kind === 'lint' && a.config?.rules?.['counterpart-back-end']).toBe('off');
    expect(await editor.forFile('/ws/archive/old.testbed.md')).toEqual({ kind: 'skip', reason: 'it is in the "ignores" of its config' });
    const first = { file: '/ws/broken/.testbed-lint.yaml', line: 2, column: 3, endLine: 2, endColumn: 15, message: 'unknown rule "no-such-rule"' };
    expect(await editor.forFile('/ws/broken/c.testbed.md')).toEqual({
      kind: 'lint',
      config: { rules: {} },
      file: '/ws/broken/.testbed-lint.yaml',
      notice: { file: '/ws/broken/.testbed-lint.yaml', first, count: 1, defaults: false },
    });
    // A refused `extends` is left out; the rest of the file applies.
    const outside = await editor.forFile('/ws/outside/e.testbed.md');
    expect(outside.kind === 'lint' && [outside.config, outside.notice?.first.message]).toEqual([
      { rules: {} },
      'cannot extend "../../elsewhere/shared.yaml": it is outside the workspace, and config files outside it are not read',
    ]);
    expect(await editor.forFile('/elsewhere/x.testbed.md')).toEqual({ kind: 'lint', config: undefined });
  });

  it('reports each config error once, however many plans ask', async () => {
    const errors: ConfigError[] = [];
    const editor = memoryResolver(errors);
    await Promise.all([editor.forFile('/ws/broken/c.testbed.md'), editor.forFile('/ws/broken/c.testbed.md'), editor.forFile('/ws/broken/other.testbed.md')]);
    expect(errors.map((e) => e.message)).toEqual(['unknown rule "no-such-rule"']);
  });

  it('two configs extending each other, loaded at once, end in a cycle error instead of waiting for each other', async () => {
    const errors: ConfigError[] = [];
    const editor = memoryResolver(errors);
    const both = Promise.all([editor.load('/ws/cycle/.testbed-lint.yml'), editor.load('/ws/cycle/other.yaml')]);
    await expect(Promise.race([both.then(() => 'done'), new Promise((r) => setTimeout(() => r('stuck'), 1000))])).resolves.toBe('done');
    expect(errors.some((e) => e.message.startsWith('extends cycle:'))).toBe(true);
  });
});

describe('a config with errors never switches checking off', () => {
  const resolverOver = (files: Record<string, string>, errors: ConfigError[], unreadable = '') =>
    new AsyncConfigResolver(
      {
        isFile: async (p) => p in files,
        read: async (p) => {
          if (p === unreadable) throw new Error('permission denied');
          return new TextEncoder().encode(files[p]);
        },
      },
      (e) => errors.push(e),
      () => true,
    );

  it('a mistyped rule id and an ESLint severity: the plan is checked with the rest, and the notice names the first error', async () => {
    const errors: ConfigError[] = [];
    const r = resolverOver({ '/ws/.testbed-lint.yaml': 'rules:\n  customer-rationle: off\n  counterpart-back-end: warn\n  counterpart-early: eror\n' }, errors);
    const v = await r.forFile('/ws/p.testbed.md');
    expect(v).toEqual({
      kind: 'lint',
      file: '/ws/.testbed-lint.yaml',
      config: { rules: { 'counterpart-back-end': 'warning' } },
      notice: { file: '/ws/.testbed-lint.yaml', count: 2, defaults: false, first: errors[0] },
    });
    expect(errors).toEqual([
      { file: '/ws/.testbed-lint.yaml', line: 2, column: 3, endLine: 2, endColumn: 20, message: 'unknown rule "customer-rationle"; did you mean "customer-rationale"?', replacements: ['customer-rationale'] },
      { file: '/ws/.testbed-lint.yaml', line: 4, column: 22, endLine: 4, endColumn: 26, message: 'rule "counterpart-early": severity must be one of error, warning, info, off, got "eror"; did you mean "error"?', replacements: ['error'] },
    ]);
  });

  it('a file that cannot be parsed or read: the plan is checked with the defaults, and the notice says so', async () => {
    const errors: ConfigError[] = [];
    const r = resolverOver({ '/a/.testbed-lint.yaml': 'rules: [\n', '/b/.testbed-lint.yaml': 'rules: {}\n' }, errors, '/b/.testbed-lint.yaml');
    const a = await r.forFile('/a/p.testbed.md');
    expect(a.kind === 'lint' && [a.config, a.notice?.defaults, a.notice?.first.message.startsWith('syntax error: ')]).toEqual([{ rules: {} }, true, true]);
    const b = await r.forFile('/b/p.testbed.md');
    expect(b.kind === 'lint' && [b.config, b.notice?.defaults, b.notice?.first.message]).toEqual([{ rules: {} }, true, 'cannot read config: permission denied']);
  });

  it('the "ignores" of a config with errors still apply', async () => {
    const r = resolverOver({ '/ws/.testbed-lint.yaml': 'rules:\n  nope: off\nignores: [old/**]\n' }, []);
    expect(await r.forFile('/ws/old/p.testbed.md')).toEqual({ kind: 'skip', reason: 'it is in the "ignores" of its config' });
  });
});

describe('WorkspaceConfig: config files through vscode.workspace.fs, on any file system', () => {
  beforeEach(() => fake.reset());

  it('reads a virtual workspace (vscode.dev, github.dev) as the desktop reads a folder', async () => {
    const root = Uri.parse('vscode-test-web://mount/repo');
    fake.workspaceFolders = [{ uri: root }];
    fake.files.set('vscode-test-web://mount/repo/.testbed-lint.yaml', 'rules:\n  customer-named: off\n');
    fake.files.set('vscode-test-web://mount/repo/bad/.testbed-lint.yaml', 'extends: ../../../outside.yaml\n');
    const config = new WorkspaceConfig();
    const changes: number[] = [];
    config.onDidChangeErrors(() => changes.push(1));
    const good = await config.forFile(Uri.parse('vscode-test-web://mount/repo/plans/p.testbed.md'));
    expect(good).toEqual({ kind: 'lint', config: { rules: { 'customer-named': 'off' } }, file: '/repo/.testbed-lint.yaml' });
    const bad = await config.forFile(Uri.parse('vscode-test-web://mount/repo/bad/p.testbed.md'));
    expect(bad?.kind === 'lint' && [bad.config, bad.notice?.count]).toEqual([{ rules: {} }, 1]);
    expect(config.errors().map((e) => [e.uri.toString(), e.errors.map((x) => x.message)])).toEqual([
      ['vscode-test-web://mount/repo/bad/.testbed-lint.yaml', ['cannot extend "../../../outside.yaml": it is outside the workspace, and config files outside it are not read']],
    ]);
    expect(changes.length).toBe(1);
    config.reset();
    expect(config.errors()).toEqual([]);
    expect(changes.length).toBe(2);
  });

  it('gives no config to an untitled document: the settings apply', async () => {
    fake.workspaceFolders = [{ uri: Uri.parse('file:///repo') }];
    expect(await new WorkspaceConfig().forFile(Uri.parse('untitled:Untitled-1'))).toBeUndefined();
  });

  it('reports nothing for a config file that is gone (a watcher\'s change event after the delete)', async () => {
    fake.workspaceFolders = [{ uri: Uri.parse('file:///repo') }];
    const config = new WorkspaceConfig();
    await config.load(Uri.parse('file:///repo/.testbed-lint.yaml'));
    expect(config.errors()).toEqual([]);
  });
});
