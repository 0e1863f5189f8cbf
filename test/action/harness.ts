// A harness for the GitHub Action (action.yml), run as GitHub runs a composite action: each step's `run` script in
// bash, with its `env` and `working-directory`, the `${{ }}` expressions filled in, and GitHub's variables
// (GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_EVENT_PATH, GITHUB_WORKSPACE...) pointed at temp files.
// Steps and expressions come from action.yml itself, so the tests break when action.yml drifts.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { parse } from 'yaml';
import { FLAWED_PLAN, GOOD_PLAN, THREE_RULES, tempProject, writeFiles, YAML_PLAN } from '../cli/helpers.js';

export const ROOT = join(__dirname, '../..');

interface Step {
  name: string;
  id?: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface ActionYml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}
export const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

export interface ActionRun {
  code: number;
  log: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

/** Run after each test: removes the temp folders the harness made. */
export const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Runs the action's steps in order, stopping at the first that fails, as GitHub does. */
export function runAction(
  workspace: string,
  inputs: Record<string, string>,
  event: { name: string; payload?: unknown },
): ActionRun {
  const tmp = tempProject();
  cleanups.push(tmp.cleanup);
  const summaryFile = join(tmp.dir, 'step_summary.md');
  const eventFile = join(tmp.dir, 'event.json');
  writeFileSync(summaryFile, '');
  if (event.payload !== undefined) writeFileSync(eventFile, JSON.stringify(event.payload));
  const stepOutputs: Record<string, Record<string, string>> = {};
  const expr = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => {
      let m: RegExpExecArray | null;
      if (e === 'github.action_path') return ROOT;
      if ((m = /^inputs\.([\w-]+)$/.exec(e))) {
        if (!(m[1]! in action.inputs)) throw new Error(`action.yml uses an undeclared input: ${e}`);
        return inputs[m[1]!] ?? action.inputs[m[1]!]!.default ?? '';
      }
      if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e))) return stepOutputs[m[1]!]?.[m[2]!] ?? '';
      throw new Error(`the test does not know the expression ${e}`);
    });
  for (const name of Object.keys(inputs))
    if (!(name in action.inputs)) throw new Error(`no input ${name} in action.yml`);
  expect(action.runs.using).toBe('composite');
  let log = '';
  let stderr = '';
  let code = 0;
  for (const step of action.runs.steps) {
    expect(step.shell).toBe('bash');
    const outputFile = join(tmp.dir, `output_${step.id ?? 'step'}`);
    writeFileSync(outputFile, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: tmp.dir,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_EVENT_NAME: event.name,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: tmp.dir,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_SHA: 'f00dfeed',
      ...(event.payload !== undefined ? { GITHUB_EVENT_PATH: eventFile } : {}),
    };
    if (event.name === 'pull_request') Object.assign(env, { GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'feature' });
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expr(String(v));
    // GitHub's `shell: bash` is `bash --noprofile --norc -eo pipefail {0}`.
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expr(step.run)], {
      cwd: step['working-directory'] !== undefined ? expr(step['working-directory']) : workspace,
      env,
      encoding: 'utf8',
    });
    log += r.stdout;
    stderr += r.stderr;
    code = r.status ?? 2;
    if (step.id !== undefined) {
      stepOutputs[step.id] = Object.fromEntries(
        readFileSync(outputFile, 'utf8')
          .split('\n')
          .filter((l) => l.includes('='))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
    }
    if (code !== 0) break;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, o]) => [k, expr(o.value)]));
  return { code, log, stderr, summary: readFileSync(summaryFile, 'utf8'), outputs };
}

export const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'T',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 'T',
  GIT_COMMITTER_EMAIL: 't@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: ROOT,
};
export const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();

/**
 * A repository with a base commit (a good and a flawed plan, THREE_RULES as config) and a pull request
 * commit on top: it adds a YAML plan with one error, edits the README and deletes the good plan.
 */
export function repo(): { dir: string; base: string; head: string } {
  const p = tempProject({
    '.testbed-lint.yaml': THREE_RULES,
    'README.md': '# Plans\n',
    'plans/good.testbed.md': GOOD_PLAN,
    'plans/flawed.testbed.md': FLAWED_PLAN,
    'notes/other.testbed.yaml': YAML_PLAN,
  });
  cleanups.push(p.cleanup);
  git(p.dir, 'init', '-q', '-b', 'main');
  git(p.dir, 'add', '-A');
  git(p.dir, 'commit', '-q', '-m', 'base');
  const base = git(p.dir, 'rev-parse', 'HEAD');
  git(p.dir, 'checkout', '-q', '-b', 'feature');
  writeFiles(p.dir, { 'plans/new.testbed.yaml': YAML_PLAN, 'README.md': '# Plans\n\nSee plans/.\n' });
  rmSync(join(p.dir, 'plans/good.testbed.md'));
  git(p.dir, 'add', '-A');
  git(p.dir, 'commit', '-q', '-m', 'pr');
  return { dir: p.dir, base, head: git(p.dir, 'rev-parse', 'HEAD') };
}

export const prEvent = (base: string, head: string) => ({
  name: 'pull_request',
  payload: {
    action: 'synchronize',
    number: 7,
    pull_request: { number: 7, base: { ref: 'main', sha: base }, head: { ref: 'feature', sha: head } },
  },
});

export const annotations = (log: string) => log.split('\n').filter((l) => l.startsWith('::'));
