// The package as a user installs it: `npm pack`, then `npm install ./testbed-lint-X.tgz` in an empty folder, offline
// where the npm cache has the tarball's dependencies (`--prefer-offline`: the registry only for what the cache lacks, as
// on a fresh machine). Then the README's and the walkthrough's recipes that need an installed package run there.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { VERSION } from '../../src/api/index.js';
import { tempProject } from '../cli/helpers.js';
import { fencedBlocks, npmEnv } from '../helpers/recipes.js';

const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  files: string[];
  private?: boolean;
};
const tmp = tempProject();
const user = join(tmp.dir, 'project');
let tarball = '';
let packed: string[] = [];

const npm = (args: string[], cwd: string) =>
  spawnSync('npm', args, { cwd, encoding: 'utf8', env: npmEnv(), timeout: 300_000 });
// --prefer-offline: the npm cache first (npm ci filled it), the registry for what it lacks.
const shell = (line: string) =>
  spawnSync('bash', ['-c', line], {
    cwd: user,
    encoding: 'utf8',
    env: { ...npmEnv(), npm_config_prefer_offline: 'true', NO_COLOR: '1' },
    timeout: 300_000,
  });
const run = (cmd: string, args: string[]) =>
  spawnSync(cmd, args, { cwd: user, encoding: 'utf8', env: { ...npmEnv(), NO_COLOR: '1' }, timeout: 120_000 });

beforeAll(() => {
  // The tarball of what `npm run build` left in dist/ (npm test builds first); --ignore-scripts: no second build.
  if (!existsSync(join(root, 'dist/mcp.js')))
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
  const r = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp.dir], root);
  expect(r.status, r.stderr).toBe(0);
  const info = (JSON.parse(r.stdout) as { filename: string; files: { path: string }[] }[])[0]!;
  tarball = join(tmp.dir, info.filename);
  packed = info.files.map((f) => f.path).sort();
  mkdirSync(join(user, 'plans'), { recursive: true });
  writeFileSync(join(user, 'package.json'), JSON.stringify({ name: 'a-project', private: true }));
  copyFileSync(tarball, join(user, basename(tarball)));
  copyFileSync(join(root, 'examples/flawed.testbed.md'), join(user, 'plans/flawed.testbed.md'));
  // The README's install recipe, line by line as printed: the install, then linting the plans (exit 1: the flawed plan).
  const [install, lintPlans, ...rest] = fencedBlocks(readFileSync(join(root, 'README.md'), 'utf8'), 'sh')
    .find((b) => b.startsWith('npm install'))!
    .trim()
    .split('\n');
  expect(rest).toEqual([]);
  const i = shell(install!);
  expect(i.status, `${i.stdout}\n${i.stderr}`).toBe(0);
  const l = shell(lintPlans!);
  expect(l.status, l.stderr).toBe(1);
  expect(l.stdout).toContain('plans/flawed.testbed.md\n');
}, 600_000);
afterAll(() => tmp.cleanup());

describe('the npm package, installed from its tarball', () => {
  test('is public, named for its version, and holds only what runs', () => {
    expect(pkg.private).toBeUndefined();
    expect(tarball.endsWith(`${pkg.name}-${VERSION}.tgz`)).toBe(true);
    const outside = packed.filter(
      (f) => !/^(dist\/types\/(?:api|core|rules)\/.*\.d\.ts|src\/rules\/([a-z-]+)\/\2\.md)$/.test(f),
    );
    expect(outside).toEqual([
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/core.js',
      'dist/mcp.js',
      'package.json',
      'schemas/testbed-lint-config.schema.json',
    ]);
  });

  test('npx testbed-lint --version prints the one version', () => {
    const r = run('npx', ['testbed-lint', '--version']);
    expect({ code: r.status, stdout: r.stdout }).toEqual({ code: 0, stdout: `${VERSION}\n` });
  });

  test('npx testbed-lint <flawed plan> exits 1 with its findings', () => {
    const r = run('npx', ['testbed-lint', '--today', '2026-06-01', 'plans/flawed.testbed.md']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('plans/flawed.testbed.md\n');
    expect(r.stdout).toMatch(
      /\n {2}11:9 {3}warning {2}The customer tier "Key Account" marks a premier account.* {2}customer-not-premier\n/,
    );
    expect(r.stdout).toContain('✖ 19 problems (5 errors, 12 warnings, 2 infos)');
    // --explain reads the rule pages the package ships.
    expect(run('npx', ['testbed-lint', '--explain', 'customer-named']).stdout).toMatch(/^# customer-named\n/);
  });

  test("import { lint } from 'testbed-lint', and require(): the README's code examples run as written", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const examples = fencedBlocks(readme, 'ts').filter((b) => b.includes("from 'testbed-lint'"));
    expect(examples).toHaveLength(2);
    // The examples use `text`; the rest of each is the README's, word for word.
    const prelude =
      "import { readFileSync } from 'node:fs';\nconst text = readFileSync('plans/flawed.testbed.md', 'utf8');\n";
    writeFileSync(
      join(user, 'lint.mjs'),
      `${prelude}${examples[0]!}console.log(JSON.stringify(problems.map((p) => [p.ruleId, p.line, p.column])));\n`,
    );
    const viaImport = run(process.execPath, ['lint.mjs']);
    expect(viaImport.stderr).toBe('');
    expect(JSON.parse(viaImport.stdout)).toContainEqual(['customer-not-premier', 11, 9]);
    writeFileSync(join(user, 'session.mjs'), `${prelude}${examples[1]!}`);
    expect(run(process.execPath, ['session.mjs'])).toMatchObject({ status: 0, stderr: '' });
    const viaRequire = run(process.execPath, [
      '-e',
      "const { VERSION, fixText } = require('testbed-lint'); console.log(VERSION, typeof fixText)",
    ]);
    expect(viaRequire.stdout).toBe(`${VERSION} function\n`);
  });

  test('npx testbed-lint mcp, started as the README configures VS Code and Claude Code: the tools answer', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const configs = fencedBlocks(readme, 'json').map(
      (b) => JSON.parse(b) as { servers?: Record<string, Server>; mcpServers?: Record<string, Server> },
    );
    type Server = { type?: string; command: string; args: string[] };
    const servers = configs.flatMap((c) => Object.values(c.servers ?? c.mcpServers ?? {}));
    expect(servers).toHaveLength(2);
    for (const s of servers) {
      const client = new Client({ name: 'readme-config', version: '1.0.0' });
      await client.connect(
        new StdioClientTransport({
          command: s.command,
          args: s.args,
          cwd: user,
          env: npmEnv() as Record<string, string>,
          stderr: 'pipe',
        }),
      );
      try {
        const r = await client.callTool({
          name: 'lint_plan',
          arguments: { path: 'plans/flawed.testbed.md', today: '2026-06-01' },
        });
        expect(r.structuredContent).toMatchObject({
          file: 'plans/flawed.testbed.md',
          errors: 5,
          warnings: 12,
          infos: 2,
        });
        const page = await client.callTool({
          name: 'explain_rule',
          arguments: { ruleId: 'customer-not-premier', path: 'plans/flawed.testbed.md' },
        });
        expect(page.structuredContent).toMatchObject({
          plan: { config: 'none (the recommended preset)', severity: 'warning' },
        });
        expect((page.structuredContent as { page: string }).page).toContain('## Incorrect');
      } finally {
        await client.close();
      }
    }
  }, 60_000);

  test("the walkthrough's GitLab CI job runs as written, with testbed-lint in the project's devDependencies", () => {
    const ci = readFileSync(join(root, 'media/walkthrough/5-ci.md'), 'utf8');
    const gitlab = fencedBlocks(ci, 'yaml')
      .map((b) => parse(b) as Record<string, { script?: string[] }>)
      .find((j) => j['testbed-plans'])!;
    const script = gitlab['testbed-plans']!.script!;
    expect(script.length).toBeGreaterThan(0);
    for (const line of script) {
      // `npm ci` needs a lockfile; this project installed from the tarball, which wrote one.
      const r = shell(line);
      if (line.includes('testbed-lint')) expect(r.status, r.stderr).toBe(1);
      else expect(r.status, r.stderr).toBe(0);
    }
    const junit = readFileSync(join(user, 'testbed-lint.xml'), 'utf8');
    expect(junit).toContain('<testsuite name="plans/flawed.testbed.md"');
  }, 600_000);
});
