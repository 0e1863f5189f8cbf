// The one config resolver (src/core/config-resolve.ts): discovery, `extends`, `ignores` and located errors, run over
// each file system it is given: in memory, Node's (the CLI's adapter, src/node/config.ts) and vscode.workspace.fs (the
// editor's, src/extension/config.ts). The same folder gives the same answers through each.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ConfigResolver,
  isIgnoredBy,
  isInside,
  POSIX_PATHS,
  rules,
  toLintConfig,
  type ConfigError,
  type ConfigFor,
  type ConfigFs,
  type PathOps,
} from '../../src/api/index.js';
import { nodeConfigFs } from '../../src/node/config.js';
import { realFs } from '../../src/node/fs.js';
import { fake, Uri } from '../helpers/fake-vscode.js';
import { memoryFs, type MemoryTree } from '../helpers/memory-config-fs.js';

vi.mock('vscode', () => import('../helpers/fake-vscode.js'));
const { verdictOf, workspaceConfigFs } = await import('../../src/extension/config/workspace-config.js');

/** A folder tree, as path → text, under /ws. */
const TREE: Record<string, string> = {
  '/ws/.testbed-lint.yaml':
    'extends: [recommended, ./shared/base.yaml]\nrules:\n  counterpart-back-end: off\nignores: [archive/**]\n',
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

/** A file system the resolver reads, where TREE's `/ws` is `root + '/ws'`. */
interface Host {
  fs: ConfigFs;
  paths: PathOps;
  root: string;
  /** TREE's path on this host. */
  at(p: string): string;
}

const disk = realpathSync(mkdtempSync(nodePath.join(tmpdir(), 'testbed-lint-config-resolve-')));
for (const [p, text] of Object.entries(TREE)) {
  mkdirSync(nodePath.join(disk, p, '..'), { recursive: true });
  writeFileSync(nodePath.join(disk, p), text);
}
afterAll(() => rmSync(disk, { recursive: true, force: true }));

const HOSTS: Record<string, () => Host> = {
  memory: () => ({ fs: memoryFs({ files: TREE }), paths: POSIX_PATHS, root: '', at: (p) => p }),
  'Node (the CLI)': () => ({
    fs: nodeConfigFs(realFs),
    paths: nodePath,
    root: disk,
    at: (p) => nodePath.join(disk, p),
  }),
  'vscode.workspace.fs (the editor)': () => {
    fake.reset();
    for (const [p, text] of Object.entries(TREE)) fake.files.set(`file://${p}`, text);
    return { fs: workspaceConfigFs(Uri.parse('file:///'), () => ['/ws']), paths: POSIX_PATHS, root: '', at: (p) => p };
  },
};

function resolverOn(host: Host, errors: ConfigError[]) {
  const ws = host.at('/ws');
  return new ConfigResolver({
    fs: host.fs,
    paths: host.paths,
    rules,
    onError: (e) => errors.push(e),
    roots: () => [ws],
  });
}

/** What a plan is checked with, in short: skipped, refused for errors, or the settings that differ across TREE. */
function summary(config: ConfigFor, plan: string, host: Host): string {
  if (isIgnoredBy(config, plan, false, host.paths)) return 'skip: ignores';
  if (config.kind === 'file' && config.config.errors.length > 0) return `errors: ${config.config.errors.length}`;
  const c = toLintConfig(config);
  if (c === undefined) return 'no config';
  const pick = ['iteration-stale', 'counterpart-back-end', 'customer-rationale', 'counterpart-early'].map(
    (id) => `${id}=${JSON.stringify(c.rules?.[id])}`,
  );
  return `drafts=${c.drafts ?? '-'} ${pick.join(' ')} (${Object.keys(c.rules ?? {}).length} rules)`;
}

describe.each(Object.keys(HOSTS))('the one resolver over %s', (name) => {
  it('finds, extends and ignores as the CLI always has, and words every error the same', async () => {
    const host = HOSTS[name]!();
    const errors: ConfigError[] = [];
    const resolver = resolverOn(host, errors);
    const verdicts: Record<string, string> = {};
    for (const plan of PLANS) verdicts[plan] = summary(await resolver.forFile(host.at(plan)), host.at(plan), host);
    expect(verdicts).toEqual({
      '/ws/plans/a.testbed.md':
        'drafts=strict iteration-stale=["error",{"max-days":30}] counterpart-back-end="off" customer-rationale="error" counterpart-early="warning" (28 rules)',
      '/ws/archive/old.testbed.md': 'skip: ignores',
      '/ws/team/b.testbed.md':
        'drafts=lenient iteration-stale="error" counterpart-back-end="warning" customer-rationale="off" counterpart-early="error" (28 rules)',
      '/ws/broken/c.testbed.md': 'errors: 1',
      '/ws/cycle/d.testbed.md': 'errors: 1',
      '/ws/outside/e.testbed.md': 'errors: 1',
      '/ws/script/f.testbed.md': 'errors: 1',
      '/ws/named/g.testbed.md': 'errors: 1',
      '/ws/missing/h.testbed.md': 'errors: 1',
    });
    const strip = (es: ConfigError[]) =>
      es.map((e) => `${e.file.slice(host.root.length)}:${e.line}:${e.column} ${e.message}`);
    expect(strip(errors)).toEqual([
      '/ws/broken/.testbed-lint.yaml:2:3 unknown rule "no-such-rule"',
      '/ws/cycle/other.yaml:1:10 extends cycle: .testbed-lint.yml → other.yaml → .testbed-lint.yml',
      '/ws/cycle/.testbed-lint.yml:1:10 cannot extend "./other.yaml": it has errors',
      '/ws/outside/.testbed-lint.yaml:1:10 cannot extend "../../elsewhere/shared.yaml": it is outside the workspace, and config files outside it are not read',
      '/ws/script/evil.js:1:1 a config file must be a mapping with "extends", "rules", "ignores", "drafts", "language" or "team-rules"',
      '/ws/script/.testbed-lint.yaml:1:10 cannot extend "./evil.js": it has errors',
      '/ws/named/.testbed-lint.yaml:1:10 cannot extend "base.yaml": use "recommended", "strict" or a relative path such as "./base.yaml"',
      '/ws/missing/.testbed-lint.yaml:1:10 cannot extend "./nowhere.yaml": no such file',
    ]);
  });

  it('without roots (the CLI) reads what `extends` points at, anywhere; --config governs every plan', async () => {
    const host = HOSTS[name]!();
    const errors: ConfigError[] = [];
    const fixed = new ConfigResolver({
      fs: host.fs,
      paths: host.paths,
      rules,
      onError: (e) => errors.push(e),
      fixed: host.at('/ws/outside/.testbed-lint.yaml'),
    });
    const a = await fixed.forFile(host.at('/ws/plans/a.testbed.md'));
    expect(a.kind === 'file' && [a.config.file, a.config.errors]).toEqual([
      host.at('/ws/outside/.testbed-lint.yaml'),
      [],
    ]);
    expect(errors).toEqual([]);
  });
});

describe('POSIX paths (a URI path, in the editor)', () => {
  it('agree with node:path on POSIX paths', () => {
    expect(POSIX_PATHS.resolve('/a/b', './c/../d//e')).toBe('/a/b/d/e');
    expect(POSIX_PATHS.resolve('/a/b', 'C:\\x\\y.yaml')).toBe('/C:/x/y.yaml');
    expect(POSIX_PATHS.relative('/ws/cycle', '/ws/cycle/other.yaml')).toBe('other.yaml');
    expect(POSIX_PATHS.relative('/ws/a', '/ws/b/c')).toBe('../b/c');
    expect(POSIX_PATHS.relative('/ws', '/ws')).toBe('');
    expect(POSIX_PATHS.dirname('/ws')).toBe('/');
    expect(POSIX_PATHS.dirname('/')).toBe('/');
    expect(POSIX_PATHS.join('/', '.testbed-lint.yaml')).toBe('/.testbed-lint.yaml');
    expect(isInside('/ws/x', '/ws', POSIX_PATHS)).toBe(true);
    expect(isInside('/wsx/y', '/ws', POSIX_PATHS)).toBe(false);
    expect(isInside('/elsewhere/shared.yaml', '/ws', POSIX_PATHS)).toBe(false);
  });
});

describe('the editor: a config with errors never switches checking off', () => {
  beforeEach(() => fake.reset());
  const resolverOver = (tree: MemoryTree, errors: ConfigError[]) =>
    new ConfigResolver({
      fs: memoryFs(tree),
      paths: POSIX_PATHS,
      rules,
      onError: (e) => errors.push(e),
      roots: () => ['/ws', '/a', '/b'],
    });
  const verdict = async (r: ConfigResolver, plan: string) => verdictOf(await r.forFile(plan), plan);

  it('applies extends, presets, rules and ignores; a refused `extends` is left out and the rest applies', async () => {
    const r = resolverOver({ files: TREE }, []);
    const a = await verdict(r, '/ws/plans/a.testbed.md');
    expect(
      a.kind === 'lint' && [a.file, a.config?.rules?.['iteration-stale'], a.config?.rules?.['counterpart-back-end']],
    ).toEqual(['/ws/.testbed-lint.yaml', ['error', { 'max-days': 30 }], 'off']);
    expect(await verdict(r, '/ws/archive/old.testbed.md')).toEqual({
      kind: 'skip',
      reason: 'it is in the "ignores" of its config',
    });
    const first = {
      file: '/ws/broken/.testbed-lint.yaml',
      line: 2,
      column: 3,
      endLine: 2,
      endColumn: 15,
      message: 'unknown rule "no-such-rule"',
    };
    expect(await verdict(r, '/ws/broken/c.testbed.md')).toEqual({
      kind: 'lint',
      config: { rules: {} },
      file: '/ws/broken/.testbed-lint.yaml',
      notice: { file: '/ws/broken/.testbed-lint.yaml', first, count: 1, defaults: false },
    });
    const outside = await verdict(r, '/ws/outside/e.testbed.md');
    expect(outside.kind === 'lint' && [outside.config, outside.notice?.first.message]).toEqual([
      { rules: {} },
      'cannot extend "../../elsewhere/shared.yaml": it is outside the workspace, and config files outside it are not read',
    ]);
    expect(await verdict(r, '/elsewhere/x.testbed.md')).toEqual({ kind: 'lint', config: undefined });
  });

  it('reports each config error once, however many plans ask at once', async () => {
    const errors: ConfigError[] = [];
    const r = resolverOver({ files: TREE }, errors);
    await Promise.all([
      r.forFile('/ws/broken/c.testbed.md'),
      r.forFile('/ws/broken/c.testbed.md'),
      r.forFile('/ws/broken/other.testbed.md'),
    ]);
    expect(errors.map((e) => e.message)).toEqual(['unknown rule "no-such-rule"']);
  });

  it('two configs extending each other, loaded at once, end in a cycle error instead of waiting for each other', async () => {
    const errors: ConfigError[] = [];
    const r = resolverOver({ files: TREE }, errors);
    const both = Promise.all([r.load('/ws/cycle/.testbed-lint.yml'), r.load('/ws/cycle/other.yaml')]);
    await expect(
      Promise.race([both.then(() => 'done'), new Promise((done) => setTimeout(() => done('stuck'), 1000))]),
    ).resolves.toBe('done');
    expect(errors.some((e) => e.message.startsWith('extends cycle:'))).toBe(true);
  });

  it('a mistyped rule id and an ESLint severity: the plan is checked with the rest, and the notice names the first error', async () => {
    const errors: ConfigError[] = [];
    const r = resolverOver(
      {
        files: {
          '/ws/.testbed-lint.yaml':
            'rules:\n  customer-rationle: off\n  counterpart-back-end: warn\n  counterpart-early: eror\n',
        },
      },
      errors,
    );
    expect(await verdict(r, '/ws/p.testbed.md')).toEqual({
      kind: 'lint',
      file: '/ws/.testbed-lint.yaml',
      config: { rules: { 'counterpart-back-end': 'warning' } },
      notice: { file: '/ws/.testbed-lint.yaml', count: 2, defaults: false, first: errors[0] },
    });
    expect(errors).toEqual([
      {
        file: '/ws/.testbed-lint.yaml',
        line: 2,
        column: 3,
        endLine: 2,
        endColumn: 20,
        message: 'unknown rule "customer-rationle"; did you mean "customer-rationale"?',
        replacements: ['customer-rationale'],
      },
      {
        file: '/ws/.testbed-lint.yaml',
        line: 4,
        column: 22,
        endLine: 4,
        endColumn: 26,
        message:
          'rule "counterpart-early": severity must be one of error, warning, info, off, got "eror"; did you mean "error"?',
        replacements: ['error'],
      },
    ]);
  });

  it('a file that cannot be parsed or read: the plan is checked with the defaults, and the notice says so', async () => {
    const r = resolverOver(
      {
        files: { '/a/.testbed-lint.yaml': 'rules: [\n', '/b/.testbed-lint.yaml': 'rules: {}\n' },
        unreadable: { '/b/.testbed-lint.yaml': 'permission denied' },
      },
      [],
    );
    const a = await verdict(r, '/a/p.testbed.md');
    expect(
      a.kind === 'lint' && [a.config, a.notice?.defaults, a.notice?.first.message.startsWith('syntax error: ')],
    ).toEqual([{ rules: {} }, true, true]);
    const b = await verdict(r, '/b/p.testbed.md');
    expect(b.kind === 'lint' && [b.config, b.notice?.defaults, b.notice?.first.message]).toEqual([
      { rules: {} },
      true,
      'cannot read config: permission denied',
    ]);
  });

  it('the "ignores" of a config with errors still apply', async () => {
    const r = resolverOver({ files: { '/ws/.testbed-lint.yaml': 'rules:\n  nope: off\nignores: [old/**]\n' } }, []);
    expect(await verdict(r, '/ws/old/p.testbed.md')).toEqual({
      kind: 'skip',
      reason: 'it is in the "ignores" of its config',
    });
  });

  it('a byte-order mark is not part of the config; a file that is not UTF-8 is an error at 1:1', async () => {
    const errors: ConfigError[] = [];
    const r = resolverOver({ files: { '/ws/.testbed-lint.yaml': '\ufeffrules:\n  customer-named: off\n' } }, errors);
    const v = await verdict(r, '/ws/p.testbed.md');
    expect(v.kind === 'lint' && v.config).toEqual({ rules: { 'customer-named': 'off' } });
    const bad = new ConfigResolver({
      fs: {
        ...memoryFs({ files: { '/ws/.testbed-lint.yaml': '' } }),
        readFile: async () => new Uint8Array([0x72, 0xff, 0x0a]),
      },
      paths: POSIX_PATHS,
      rules,
      onError: (e) => errors.push(e),
    });
    await bad.forFile('/ws/p.testbed.md');
    expect(errors.map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([
      '1:1 cannot read config: not valid UTF-8 text',
    ]);
  });
});
