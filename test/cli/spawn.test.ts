// One smoke test of the built executable (dist/cli.js), as a user runs it. `npm test` builds first.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { VERSION } from '../../src/api/index.js';
import type { JsonResult } from '../../src/formatters/json.js';
import { FLAWED_PLAN, tempProject, THREE_RULES, TODAY } from './helpers.js';

const root = join(__dirname, '../..');
const cli = join(root, 'dist/cli.js');
const p = tempProject({ '.testbed-lint.yaml': THREE_RULES, 'plans/vmi.testbed.md': FLAWED_PLAN });

beforeAll(() => {
  if (!existsSync(cli)) execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
}, 60_000);
afterAll(() => p.cleanup());

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: p.dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('dist/cli.js is an executable with a node shebang', () => {
  expect(statSync(cli).mode & 0o111).not.toBe(0);
  expect(execFileSync('head', ['-c', '20', cli], { encoding: 'utf8' })).toMatch(/^#!\/usr\/bin\/env node\n/);
});

test('node dist/cli.js --version', () => {
  expect(run(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
});

test('node dist/cli.js lints a plan, with exit code 1 for errors', () => {
  const r = run(['--today', TODAY]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('\nplans/vmi.testbed.md\n');
  expect(r.stdout).toContain('  11:9  error  ');
  expect(r.stdout).toContain('✖ 3 problems (2 errors, 1 warning, 0 infos)');
});

test('node dist/cli.js --explain finds the rule docs from the package root', () => {
  const r = run(['--explain', 'customer-named']);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^# customer-named/);
  expect(r.stderr).toBe('');
});

test('node dist/cli.js reads --stdin', () => {
  const r = spawnSync(
    process.execPath,
    [cli, '--stdin', '--stdin-filename', 'x.testbed.md', '--today', TODAY, '-f', 'json'],
    { cwd: p.dir, input: FLAWED_PLAN, encoding: 'utf8' },
  );
  expect(r.status).toBe(1);
  expect((JSON.parse(r.stdout) as [JsonResult])[0].messages).toHaveLength(3);
});

test('dist/core.js is the CommonJS library entry', () => {
  const out = execFileSync(
    process.execPath,
    [
      '-e',
      `const c = require(${JSON.stringify(join(root, 'dist/core.js'))}); console.log(typeof c.lint, typeof c.fixText, c.VERSION)`,
    ],
    { encoding: 'utf8' },
  );
  expect(out).toBe(`function function ${VERSION}\n`);
});
