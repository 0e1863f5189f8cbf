// The pre-commit hook (.pre-commit-hooks.yaml) run by pre-commit itself (Debian's package; .ci/run installs it as
// root). The hook is the repository's own definition, given to pre-commit as a `repo: local` hook with the packed
// tarball as its package (pre-commit would otherwise clone the repository from its URL): pre-commit makes its node
// environment with the system's Node, installs the tarball, and runs the hook on the files of a commit.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { tempProject } from '../cli/helpers.js';
import { fencedBlocks, npmEnv } from '../helpers/recipes.js';

const root = join(__dirname, '../..');
const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const available = preCommit.status === 0;
if (!available)
  console.warn('pre-commit is not installed (apt-get install pre-commit): the pre-commit hook test is skipped');

const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
const tmp = tempProject();
const repo = join(tmp.dir, 'repo');
const env = () => ({
  ...npmEnv(),
  PRE_COMMIT_HOME: join(tmp.dir, 'pre-commit-home'),
  NO_COLOR: '1',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmp.dir,
});
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: env(), stdio: 'pipe' });
const run = (...files: string[]) =>
  spawnSync('pre-commit', ['run', 'testbed-lint', '--color', 'never', '--files', ...files], {
    cwd: repo,
    env: env(),
    encoding: 'utf8',
    timeout: 600_000,
  });

beforeAll(() => {
  if (!available) return;
  const r = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp.dir], {
    cwd: root,
    encoding: 'utf8',
    env: npmEnv(),
  });
  expect(r.status, r.stderr).toBe(0);
  const tarball = join(tmp.dir, (JSON.parse(r.stdout) as { filename: string }[])[0]!.filename);
  execFileSync('git', ['init', '-q', repo]);
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'test');
  copyFileSync(join(root, 'examples/flawed.testbed.md'), join(repo, 'flawed.testbed.md'));
  copyFileSync(join(root, 'examples/clean.testbed.yaml'), join(repo, 'clean.testbed.yaml'));
  writeFileSync(join(repo, 'notes.md'), '# Notes\n\nNot a plan.\n');
  const hook = { ...hooks[0]!, additional_dependencies: [tarball] };
  writeFileSync(join(repo, '.pre-commit-config.yaml'), stringify({ repos: [{ repo: 'local', hooks: [hook] }] }));
  git('add', '.');
}, 120_000);
afterAll(() => tmp.cleanup());

describe.skipIf(!available)('the pre-commit hook, run by pre-commit', () => {
  test('.pre-commit-hooks.yaml has one node hook on Markdown and YAML, as the README configures it', () => {
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({
      id: 'testbed-lint',
      entry: 'testbed-lint',
      language: 'node',
      types_or: ['markdown', 'yaml'],
    });
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const config = fencedBlocks(readme, 'yaml')
      .map((b) => parse(b) as { repos?: { repo: string; rev: string; hooks: { id: string }[] }[] })
      .find((c) => c.repos);
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(config?.repos).toEqual([
      { repo: 'https://github.com/testbed-lint/testbed-lint', rev: `v${version}`, hooks: [{ id: 'testbed-lint' }] },
    ]);
  });

  test('a commit with a flawed plan fails, with its findings; a clean plan and a note pass', () => {
    const bad = run('flawed.testbed.md', 'notes.md');
    expect(bad.status, bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/^testbed-lint\.+Failed$/m);
    expect(bad.stdout).toContain('\nflawed.testbed.md\n');
    expect(bad.stdout).toMatch(
      / 11:9 +warning +The customer tier "Key Account" marks a premier account.* customer-not-premier\n/,
    );
    const good = run('clean.testbed.yaml', 'notes.md');
    expect(good.stdout).toMatch(/^testbed-lint\.+Passed$/m);
    expect(good.status, good.stdout).toBe(0);
  }, 600_000);
});
