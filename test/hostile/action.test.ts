// Issue 23 row 1: the GitHub Action passes a pull request's file names to the CLI after `--`, so no name is taken
// for an option or a command (`--config=...`, `--help`, `--quiet`, `report`, `init`), and odd names stay one path.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { annotations, cleanups, git, prEvent, ROOT, runAction } from '../action/harness.js';
import { FLAWED_PLAN, onlyRules, tempProject, THREE_RULES, writeFiles } from '../cli/helpers.js';

const TODAY = '2026-06-01';

/** A repository whose base has THREE_RULES as its config, and a pull request commit that adds `files`. */
function pullRequest(files: Record<string, string>): { dir: string; base: string; head: string } {
  const p = tempProject({ '.testbed-lint.yaml': THREE_RULES, 'README.md': '# Plans\n' });
  cleanups.push(p.cleanup);
  git(p.dir, 'init', '-q', '-b', 'main');
  git(p.dir, 'add', '-A');
  git(p.dir, 'commit', '-q', '-m', 'base');
  const base = git(p.dir, 'rev-parse', 'HEAD');
  git(p.dir, 'checkout', '-q', '-b', 'feature');
  writeFiles(p.dir, files);
  git(p.dir, 'add', '-A');
  git(p.dir, 'commit', '-q', '-m', 'pr');
  return { dir: p.dir, base, head: git(p.dir, 'rev-parse', 'HEAD') };
}

/** The flawed plan's findings under THREE_RULES: 2 errors and 1 warning. */
const FLAWED_COUNTS = { errors: '2', warnings: '1', infos: '0', plans: '1', 'exit-code': '1', 'sarif-file': '' };

describe.skipIf(process.platform === 'win32')('row 1: file names from a pull request are only paths', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/cli.js')))
      throw new Error('dist/cli.js is missing: run "npm run build" first (npm test does)');
  });

  it('a file named --config=x/off.yaml does not override the workflow config: the flawed plan still fails', () => {
    const r = pullRequest({
      '--config=x/off.yaml': '',
      'x/off.yaml': onlyRules({}),
      'plans/flawed.testbed.md': FLAWED_PLAN,
    });
    const run = runAction(
      r.dir,
      { 'changed-only': 'true', config: '.testbed-lint.yaml', today: TODAY },
      prEvent(r.base, r.head),
    );
    expect(run.outputs).toEqual(FLAWED_COUNTS);
    expect(annotations(run.log).map((a) => a.slice(0, a.indexOf(' ')))).toEqual(['::warning', '::error', '::error']);
    expect(run.code).toBe(1);
  });

  it('files named --help, --quiet, report and init do not print help, hide warnings or change the command', () => {
    const r = pullRequest({
      '--help': 'x\n',
      '--quiet': 'x\n',
      report: 'x\n',
      init: 'x\n',
      'plans/flawed.testbed.md': FLAWED_PLAN,
    });
    const run = runAction(r.dir, { 'changed-only': 'true', today: TODAY }, prEvent(r.base, r.head));
    expect(run.log).not.toContain('Usage');
    expect(run.stderr).toBe('');
    expect(run.outputs).toEqual(FLAWED_COUNTS);
    expect(annotations(run.log)).toHaveLength(3);
    expect(run.summary).toContain('plans/flawed.testbed.md');
    expect(run.code).toBe(1);
  });

  it('names with spaces, $, quotes, a leading dash and a newline are each one path', () => {
    const names = [`plans/a b $HOME "q" 'x'.testbed.md`, 'plans/-dash.testbed.md', 'plans/new\nline.testbed.md'];
    const r = pullRequest(Object.fromEntries(names.map((n) => [n, FLAWED_PLAN])));
    const run = runAction(r.dir, { 'changed-only': 'true', today: TODAY }, prEvent(r.base, r.head));
    expect(run.outputs).toEqual({ ...FLAWED_COUNTS, errors: '6', warnings: '3', plans: '3' });
    const files = [...new Set(annotations(run.log).map((a) => /file=([^,]*),/.exec(a)![1]))];
    expect(files).toEqual([
      'plans/-dash.testbed.md',
      `plans/a b $HOME "q" 'x'.testbed.md`,
      'plans/new%0Aline.testbed.md',
    ]);
    expect(run.code).toBe(1);
  });
});
