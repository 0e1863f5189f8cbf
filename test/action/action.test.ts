// The GitHub Action (action.yml), run through the harness in harness.ts as GitHub runs a composite action.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import { parse } from 'yaml';
import { VERSION } from '../../src/api/index.js';
import { action, annotations, cleanups, prEvent, repo, ROOT, runAction } from './harness.js';
import { GOOD_PLAN, THREE_RULES, tempProject } from '../cli/helpers.js';
import { fencedBlocks } from '../helpers/recipes.js';

const TODAY = '2026-06-01';

const NEW_PLAN_ERROR =
  '::error file=plans/new.testbed.yaml,line=8,col=9,endLine=8,endColumn=12,title=testbed-lint (customer-named)::';
const FLAWED_ANNOTATIONS = [
  '::warning file=plans/flawed.testbed.md,line=4,col=1,endLine=4,endColumn=6,title=testbed-lint (plan-unknown-key)::',
  '::error file=plans/flawed.testbed.md,line=6,col=9,endLine=6,endColumn=16,title=testbed-lint (plan-schema)::',
  '::error file=plans/flawed.testbed.md,line=11,col=9,endLine=11,endColumn=12,title=testbed-lint (customer-named)::',
];

// Why: on Windows, `bash` on PATH may be WSL's, not the Git Bash that GitHub's runners use for `shell: bash`.
describe.skipIf(process.platform === 'win32')('the GitHub Action (action.yml)', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/cli.js')))
      throw new Error('dist/cli.js is missing: run "npm run build" first (npm test does)');
  });

  it('declares the inputs and outputs the README documents', () => {
    expect(Object.keys(action.inputs)).toEqual([
      'paths',
      'config',
      'max-warnings',
      'changed-only',
      'sarif-file',
      'today',
    ]);
    expect(Object.keys(action.outputs)).toEqual(['errors', 'warnings', 'infos', 'plans', 'exit-code', 'sarif-file']);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const name of Object.keys(action.inputs)) expect(readme).toContain(`| \`${name}\` |`);
  });

  it('changed-only on a pull request: annotates and summarises only the plans the pull request changes', () => {
    const r = repo();
    const run = runAction(r.dir, { 'changed-only': 'true', today: TODAY }, prEvent(r.base, r.head));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(annotations(run.log).map((a) => a.slice(0, a.lastIndexOf('::') + 2))).toEqual([NEW_PLAN_ERROR]);
    expect(run.log).toContain('testbed-lint: 1 plan, 1 error, 0 warnings, 0 info (changed files only)');
    expect(run.outputs).toEqual({
      errors: '1',
      warnings: '0',
      infos: '0',
      plans: '1',
      'exit-code': '1',
      'sarif-file': '',
    });
    // The summary is the report: the changed plan and its finding; not the unchanged flawed plan, not the deleted one.
    expect(run.summary).toContain(
      `Only the files this change touches (2 files under ., against ${r.base.slice(0, 12)}).`,
    );
    expect(run.summary).toContain('plans/new.testbed.yaml');
    expect(run.summary).toContain(
      `| [8](https://github.com/o/r/blob/${r.head}/plans/new.testbed.yaml#L8) | ✗ error | [\`customer-named\`](https://github.com/testbed-lint/testbed-lint/blob/v0.3.0/src/rules/customer-named/customer-named.md) | `,
    );
    expect(run.summary).not.toContain('flawed.testbed.md');
    expect(run.summary).not.toContain('good.testbed.md');
  });

  // The workflows the README and the walkthrough print, run as written: their action step's inputs, on a pull request.
  it.each([
    [
      'README.md',
      { errors: '1', warnings: '0', infos: '0', plans: '1', 'exit-code': '1', 'sarif-file': 'testbed.sarif' },
    ],
    [
      'media/walkthrough/5-ci.md',
      { errors: '3', warnings: '1', infos: '0', plans: '2', 'exit-code': '1', 'sarif-file': '' },
    ],
  ])('the workflow in %s runs as written', (file, outputs) => {
    type WorkflowStep = { uses?: string; id?: string; if?: string; with?: Record<string, unknown> };
    const workflows = fencedBlocks(readFileSync(join(ROOT, file), 'utf8'), 'yaml').map(
      (b) => parse(b) as { jobs?: Record<string, { steps: WorkflowStep[] }> },
    );
    const steps = workflows.find((w) => w.jobs)!.jobs!['lint']!.steps;
    expect(steps.slice(0, 2).map((x) => x.uses)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4']);
    const step = steps.find((x) => x.uses?.startsWith('testbed-lint/testbed-lint@'))!;
    expect(step.uses).toBe(`testbed-lint/testbed-lint@v${VERSION}`);
    const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]));
    const r = repo();
    const run = runAction(r.dir, { ...inputs, today: TODAY }, prEvent(r.base, r.head));
    expect(run.stderr).toBe('');
    expect(run.outputs).toEqual(outputs);
    expect(run.code).toBe(1);
    expect(run.summary).toContain('### Testbed plans');
    // The SARIF upload, where there is one, reads the file the action wrote.
    const upload = steps.find((x) => x.uses?.startsWith('github/codeql-action/upload-sarif@'));
    if (upload) {
      expect(upload.if).toBe(`always() && steps.${step.id!}.outputs.sarif-file != ''`);
      expect(upload.with?.['sarif_file']).toBe(inputs['sarif-file']);
      expect(JSON.parse(readFileSync(join(r.dir, inputs['sarif-file']!), 'utf8'))).toMatchObject({ version: '2.1.0' });
    }
  });

  it('changed-only keeps to the paths input', () => {
    const r = repo();
    const run = runAction(r.dir, { 'changed-only': 'true', paths: 'notes', today: TODAY }, prEvent(r.base, r.head));
    expect(run.code).toBe(0);
    expect(annotations(run.log)).toEqual([]);
    expect(run.outputs).toMatchObject({ plans: '0', errors: '0', 'exit-code': '0' });
    expect(run.summary).toBe('### Testbed plans\n\nNo files under notes changed, so no plans were linted.\n');
  });

  it('without changed-only: every plan, the SARIF file for code scanning, the exit code of the CLI', () => {
    const r = repo();
    const run = runAction(
      r.dir,
      { paths: 'plans\nnotes', 'sarif-file': 'out/testbed.sarif', today: TODAY },
      prEvent(r.base, r.head),
    );
    expect(run.code).toBe(1);
    expect(annotations(run.log).map((a) => a.slice(0, a.lastIndexOf('::') + 2))).toEqual([
      '::error file=notes/other.testbed.yaml,line=8,col=9,endLine=8,endColumn=12,title=testbed-lint (customer-named)::',
      ...FLAWED_ANNOTATIONS,
      NEW_PLAN_ERROR,
    ]);
    expect(run.outputs).toEqual({
      errors: '4',
      warnings: '1',
      infos: '0',
      plans: '3',
      'exit-code': '1',
      'sarif-file': 'out/testbed.sarif',
    });
    const sarif = JSON.parse(readFileSync(join(r.dir, 'out/testbed.sarif'), 'utf8')) as Sarif.Log;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results!.map((x) => x.ruleId).sort()).toEqual([
      'customer-named',
      'customer-named',
      'customer-named',
      'plan-schema',
      'plan-unknown-key',
    ]);
    expect(run.summary).toContain('### Testbed plans (3)');
    expect(run.summary).not.toContain('Only the files');
  });

  it('changed-only writes SARIF for every plan in paths, as code scanning closes alerts of files left out', () => {
    const r = repo();
    const run = runAction(
      r.dir,
      { 'changed-only': 'true', 'sarif-file': 'testbed.sarif', today: TODAY },
      prEvent(r.base, r.head),
    );
    expect(run.outputs).toMatchObject({ plans: '1', 'sarif-file': 'testbed.sarif' });
    const sarif = JSON.parse(readFileSync(join(r.dir, 'testbed.sarif'), 'utf8')) as Sarif.Log;
    expect(sarif.runs[0]!.results).toHaveLength(5);
  });

  it('max-warnings: exit 1 when a clean-of-errors run has too many warnings, 0 within the limit', () => {
    const p = tempProject({ '.testbed-lint.yaml': THREE_RULES, 'a.testbed.md': GOOD_PLAN.replace('owner:', 'onwer:') });
    cleanups.push(p.cleanup);
    const over = runAction(p.dir, { 'max-warnings': '0', today: TODAY }, { name: 'workflow_dispatch', payload: {} });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('testbed-lint found too many warnings (maximum: 0).\n');
    expect(over.outputs).toMatchObject({ errors: '0', warnings: '1', 'exit-code': '1' });
    const within = runAction(p.dir, { 'max-warnings': '1', today: TODAY }, { name: 'workflow_dispatch', payload: {} });
    expect(within.code).toBe(0);
    expect(within.summary).toContain('| 0 errors, 1 warning |');
    // Outside a pull request, the links go to the commit the workflow runs on.
    expect(within.summary).toContain('| [4](https://github.com/o/r/blob/f00dfeed/a.testbed.md#L4) | ⚠ warning |');
  });

  it('exit 2 for a bad config, with the CLI words once', () => {
    const p = tempProject({ 'bad.yaml': 'rules:\n  customer-nmed: error\n', 'a.testbed.md': GOOD_PLAN });
    cleanups.push(p.cleanup);
    const run = runAction(p.dir, { config: 'bad.yaml', today: TODAY }, { name: 'pull_request', payload: {} });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter((l) => l.includes('customer-nmed'))).toHaveLength(1);
    expect(run.outputs['exit-code']).toBe('2');
    expect(run.summary).toBe(
      '### Testbed plans\n\ntestbed-lint stopped with exit code 2 (a usage, config or read error); the job log says why.\n',
    );
  });

  it('a push that creates a branch (no "before") lints everything, and says why', () => {
    const r = repo();
    const run = runAction(
      r.dir,
      { 'changed-only': 'true', today: TODAY },
      { name: 'push', payload: { before: '0000000000000000000000000000000000000000', after: r.head } },
    );
    expect(annotations(run.log)[0]).toBe(
      '::notice title=testbed-lint::changed-only: a push event has no base commit to compare with; linting every plan in .',
    );
    expect(run.outputs.plans).toBe('3');
  });

  it('a push with a "before" commit lints the files it changed', () => {
    const r = repo();
    const run = runAction(
      r.dir,
      { 'changed-only': 'true', today: TODAY },
      { name: 'push', payload: { before: r.base, after: r.head } },
    );
    expect(run.outputs.plans).toBe('1');
    expect(annotations(run.log).map((a) => a.slice(0, a.lastIndexOf('::') + 2))).toEqual([NEW_PLAN_ERROR]);
  });

  it('a base commit missing from a shallow checkout, with no remote to fetch it from: every plan, with a notice', () => {
    const r = repo();
    const run = runAction(
      r.dir,
      { 'changed-only': 'true', today: TODAY },
      prEvent('1234567890abcdef1234567890abcdef12345678', r.head),
    );
    expect(annotations(run.log)[0]).toBe(
      '::notice title=testbed-lint::changed-only: the base commit 1234567890ab is not in the checkout and could not be fetched (use actions/checkout with fetch-depth: 0); linting every plan in .',
    );
    expect(run.outputs.plans).toBe('3');
    expect(run.code).toBe(1);
  });

  it('rejects a changed-only that is not true or false', () => {
    const r = repo();
    const run = runAction(r.dir, { 'changed-only': 'yes' }, prEvent(r.base, r.head));
    expect(run.code).toBe(2);
    expect(run.log).toContain('::error title=testbed-lint::input changed-only takes true or false, got "yes"');
  });
});
