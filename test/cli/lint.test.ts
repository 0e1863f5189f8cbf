// CLI scenarios: linting a project with each format and the output options, exit codes, --fix, --stdin.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { rules } from '../../src/api/index.js';
import type { JsonResult } from '../../src/formatters/json.js';
import { realFs, type Fs } from '../../src/node/fs.js';
import { FLAWED_PLAN, GOOD_PLAN, onlyRules, runCli, tempProject, THREE_RULES, TODAY, YAML_PLAN } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  vi.restoreAllMocks();
});

function project(files: Record<string, string | Uint8Array>) {
  const p = tempProject(files);
  cleanups.push(p.cleanup);
  return p.dir;
}

const flawedProject = () =>
  project({
    '.testbed-lint.yaml': THREE_RULES,
    'plans/vmi.testbed.md': FLAWED_PLAN,
    'plans/good.testbed.md': GOOD_PLAN,
    'plans/harbor.testbed.yaml': YAML_PLAN,
    'README.md': '# Our plans\n',
  });

const STYLISH_FLAWED = `
plans/harbor.testbed.yaml
  8:9  error  The customer name "?" is a placeholder; name the real customer before the testbed starts  customer-named

plans/vmi.testbed.md
   4:1  warning  Unknown key \`onwer\` in the front matter; did you mean \`owner\`?  plan-unknown-key
   6:9  error    Unexpected value "Running" for \`status\`; use one of draft, proposed, running, scaling, closed  plan-schema
  11:9  error    The customer name "TBD" is a placeholder; name the real customer before the testbed starts  customer-named

✖ 4 problems (3 errors, 1 warning, 0 infos)
  1 error, 1 warning and 0 infos potentially fixable with the \`--fix\` option.
`;

describe('stylish (default)', () => {
  test('groups problems by file, paths relative to the cwd, summary; exit 1 on errors', async () => {
    const cwd = flawedProject();
    const r = await runCli(['--today', TODAY], { cwd });
    expect(r.stdout).toBe(STYLISH_FLAWED);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });

  test('a clean project prints nothing and exits 0', async () => {
    const cwd = project({ '.testbed-lint.yaml': THREE_RULES, 'plans/good.testbed.md': GOOD_PLAN });
    const r = await runCli(['--today', TODAY], { cwd });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  test('the default path is the cwd; explicit folders and files work the same', async () => {
    const cwd = flawedProject();
    const a = await runCli(['--today', TODAY, '.'], { cwd });
    const b = await runCli(['--today', TODAY, 'plans'], { cwd });
    const c = await runCli(['--today', TODAY, 'plans/vmi.testbed.md', 'plans/harbor.testbed.yaml'], { cwd });
    expect(a.stdout).toBe(STYLISH_FLAWED);
    expect(b.stdout).toBe(STYLISH_FLAWED);
    expect(c.stdout).toBe(STYLISH_FLAWED);
  });

  test('a file named twice, or by a path and a folder, is reported once', async () => {
    const cwd = flawedProject();
    const r = await runCli(['--today', TODAY, 'plans/vmi.testbed.md', 'plans', './plans/vmi.testbed.md'], { cwd });
    expect(r.stdout).toBe(STYLISH_FLAWED);
  });

  test('--quiet reports errors only', async () => {
    const cwd = flawedProject();
    const r = await runCli(['--today', TODAY, '--quiet', 'plans/vmi.testbed.md'], { cwd });
    expect(r.stdout).toBe(`
plans/vmi.testbed.md
   6:9  error  Unexpected value "Running" for \`status\`; use one of draft, proposed, running, scaling, closed  plan-schema
  11:9  error  The customer name "TBD" is a placeholder; name the real customer before the testbed starts  customer-named

✖ 2 problems (2 errors, 0 warnings, 0 infos)
  1 error, 0 warnings and 0 infos potentially fixable with the \`--fix\` option.
`);
    expect(r.code).toBe(1);
  });

  test('colours: off when not a terminal, on for a terminal or FORCE_COLOR, off again for NO_COLOR or --no-color', async () => {
    const cwd = flawedProject();
    const ansi = /\x1b\[/;
    expect((await runCli(['--today', TODAY], { cwd })).stdout).not.toMatch(ansi);
    expect((await runCli(['--today', TODAY], { cwd, isTTY: true })).stdout).toMatch(ansi);
    expect((await runCli(['--today', TODAY], { cwd, env: { FORCE_COLOR: '1' } })).stdout).toMatch(ansi);
    expect((await runCli(['--today', TODAY], { cwd, isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await runCli(['--today', TODAY, '--no-color'], { cwd, env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(
      ansi,
    );
    expect((await runCli(['--today', TODAY, '--color'], { cwd, env: { NO_COLOR: '1' } })).stdout).toMatch(ansi);
  });
});

describe('--max-warnings', () => {
  const warningsOnly = () =>
    project({
      '.testbed-lint.yaml': onlyRules({ 'plan-unknown-key': 'warning' }),
      'a.testbed.md': FLAWED_PLAN,
      'b.testbed.md': FLAWED_PLAN.replace('onwer:', 'ownr:'),
    });

  test('warnings alone exit 0', async () => {
    const r = await runCli(['--today', TODAY], { cwd: warningsOnly() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✖ 2 problems (0 errors, 2 warnings, 0 infos)');
  });

  test('more warnings than allowed exit 1 with a message', async () => {
    const r = await runCli(['--today', TODAY, '--max-warnings', '1'], { cwd: warningsOnly() });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual(['testbed-lint found too many warnings (maximum: 1).']);
  });

  test('as many warnings as allowed exit 0', async () => {
    const r = await runCli(['--today', TODAY, '--max-warnings', '2'], { cwd: warningsOnly() });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  test('warnings hidden by --quiet still count', async () => {
    const r = await runCli(['--today', TODAY, '--quiet', '--max-warnings', '0'], { cwd: warningsOnly() });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.errors).toEqual(['testbed-lint found too many warnings (maximum: 0).']);
  });
});

describe('formats', () => {
  test('json: ESLint shape, absolute filePath, numeric severities, docsUrl, single-edit fixes', async () => {
    const cwd = flawedProject();
    const r = await runCli(['--today', TODAY, '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      filePath: string;
      messages: Record<string, unknown>[];
      [k: string]: unknown;
    }[];
    expect(out.map((f) => f.filePath)).toEqual(
      ['good.testbed.md', 'harbor.testbed.yaml', 'vmi.testbed.md'].map((n) => join(cwd, 'plans', n)),
    );
    const vmi = out[2]!;
    expect(vmi).toMatchObject({
      errorCount: 2,
      warningCount: 1,
      infoCount: 0,
      fixableErrorCount: 1,
      fixableWarningCount: 1,
    });
    expect(vmi.messages[0]).toEqual({
      ruleId: 'plan-unknown-key',
      severity: 1,
      message: 'Unknown key `onwer` in the front matter; did you mean `owner`?',
      line: 4,
      column: 1,
      endLine: 4,
      endColumn: 6,
      docsUrl: expect.stringMatching(/\/plan-unknown-key\/plan-unknown-key\.md$/) as string,
      fix: { range: [FLAWED_PLAN.indexOf('onwer'), FLAWED_PLAN.indexOf('onwer') + 5], text: 'owner' },
    });
    expect(vmi.messages[1]).toMatchObject({
      ruleId: 'plan-schema',
      severity: 2,
      line: 6,
      column: 9,
      fix: { text: 'running' },
    });
    expect(vmi.messages[2]).toMatchObject({ ruleId: 'customer-named', severity: 2, line: 11, column: 9 });
    expect(vmi.messages[2]).not.toHaveProperty('fix');
    expect(out[0]).toEqual({
      filePath: join(cwd, 'plans/good.testbed.md'),
      messages: [],
      errorCount: 0,
      warningCount: 0,
      infoCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    });
  });

  test('github: one workflow command per problem', async () => {
    const r = await runCli(['--today', TODAY, '-f', 'github'], { cwd: flawedProject() });
    expect(r.stdout).toBe(
      [
        '::error file=plans/harbor.testbed.yaml,line=8,col=9,endLine=8,endColumn=12,title=testbed-lint (customer-named)::The customer name "?" is a placeholder; name the real customer before the testbed starts.',
        '::warning file=plans/vmi.testbed.md,line=4,col=1,endLine=4,endColumn=6,title=testbed-lint (plan-unknown-key)::Unknown key `onwer` in the front matter; did you mean `owner`?',
        '::error file=plans/vmi.testbed.md,line=6,col=9,endLine=6,endColumn=16,title=testbed-lint (plan-schema)::Unexpected value "Running" for `status`; use one of draft, proposed, running, scaling, closed.',
        '::error file=plans/vmi.testbed.md,line=11,col=9,endLine=11,endColumn=12,title=testbed-lint (customer-named)::The customer name "TBD" is a placeholder; name the real customer before the testbed starts.',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
  });

  test('sarif: relative URIs under %SRCROOT%, one result per problem', async () => {
    const r = await runCli(['--today', TODAY, '-f', 'sarif'], { cwd: flawedProject() });
    const log = JSON.parse(r.stdout) as Sarif.Log;
    expect(log.version).toBe('2.1.0');
    const results = log.runs[0]!.results as {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[];
    }[];
    expect(results.map((x) => [x.ruleId, x.level, x.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['customer-named', 'error', 'plans/harbor.testbed.yaml'],
      ['plan-unknown-key', 'warning', 'plans/vmi.testbed.md'],
      ['plan-schema', 'error', 'plans/vmi.testbed.md'],
      ['customer-named', 'error', 'plans/vmi.testbed.md'],
    ]);
    expect(results[0]!.locations[0]!.physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    expect(log.runs[0]!.tool.driver.rules).toHaveLength(rules.length);
  });

  test('junit: a passing testcase for the clean file, a failure per problem', async () => {
    const r = await runCli(['--today', TODAY, '-f', 'junit'], { cwd: flawedProject() });
    expect(r.stdout).toContain('<testcase name="plans/good.testbed.md" classname="plans/good.testbed.md" time="0" />');
    expect(r.stdout).toContain(
      '<failure type="plan-schema" message="Unexpected value &quot;Running&quot; for `status`; use one of draft, proposed, running, scaling, closed.">',
    );
    expect(r.stdout.match(/<failure /g)).toHaveLength(4);
  });
});

describe('--output', () => {
  test('writes the report to the file, not stdout, and leaves no temporary file', async () => {
    const cwd = flawedProject();
    const w = await runCli(['--today', TODAY, '-f', 'json', '--output', 'report.json'], { cwd });
    expect(w.code).toBe(1);
    expect(w.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8'))).toHaveLength(3);
    expect(readdirSync(cwd).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('a missing output folder is an error (exit 2) and writes nothing', async () => {
    const cwd = flawedProject();
    const r = await runCli(['--today', TODAY, '-o', 'missing/report.txt'], { cwd });
    expect(r.code).toBe(2);
    expect(r.errors).toEqual([
      'testbed-lint: cannot write the report to missing/report.txt: no such file or directory',
    ]);
    expect(existsSync(join(cwd, 'missing'))).toBe(false);
  });

  test('a failed write keeps the previous report whole and removes the temporary file', async () => {
    const cwd = flawedProject();
    writeFileSync(join(cwd, 'report.json'), 'previous report');
    const fs: Fs = {
      ...realFs,
      renameSync: () => {
        throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      },
    };
    const r = await runCli(['--today', TODAY, '-f', 'json', '-o', 'report.json'], { cwd, fs });
    expect(r.code).toBe(2);
    expect(r.errors).toEqual(['testbed-lint: cannot write the report to report.json: input/output error']);
    expect(readFileSync(join(cwd, 'report.json'), 'utf8')).toBe('previous report');
    expect(readdirSync(cwd).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('an existing report is replaced', async () => {
    const cwd = flawedProject();
    writeFileSync(join(cwd, 'report.txt'), 'old');
    const r = await runCli(['--today', TODAY, '-o', 'report.txt'], { cwd });
    expect(r.code).toBe(1);
    expect(readFileSync(join(cwd, 'report.txt'), 'utf8')).toBe(STYLISH_FLAWED);
  });
});

describe('--stdin', () => {
  test('lints Markdown from stdin without a name; the cwd config applies', async () => {
    const cwd = project({ '.testbed-lint.yaml': THREE_RULES });
    const r = await runCli(['--today', TODAY, '--stdin'], { cwd, stdin: FLAWED_PLAN });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[1]).toBe('<stdin>');
    expect(r.stdout).toContain('✖ 3 problems (2 errors, 1 warning, 0 infos)');
  });

  test('--stdin-filename picks the form (YAML) and the config of that folder', async () => {
    const cwd = project({
      '.testbed-lint.yaml': THREE_RULES,
      'lenient/.testbed-lint.yaml': onlyRules({ 'customer-named': 'warning' }),
    });
    const r = await runCli(['--today', TODAY, '--stdin', '--stdin-filename', 'lenient/harbor.testbed.yaml'], {
      cwd,
      stdin: YAML_PLAN,
    });
    expect(r.stdout).toBe(`
lenient/harbor.testbed.yaml
  8:9  warning  The customer name "?" is a placeholder; name the real customer before the testbed starts  customer-named

✖ 1 problem (0 errors, 1 warning, 0 infos)
`);
    expect(r.code).toBe(0);
  });

  test('text that is not valid UTF-8 is a plan-syntax error at the first bad byte', async () => {
    const cwd = project({});
    const r = await runCli(['--today', TODAY, '--stdin', '-f', 'json'], {
      cwd,
      stdin: Buffer.from([0x2d, 0xff, 0xfe, 0x0a]),
    });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([]);
    const [result] = JSON.parse(r.stdout) as {
      messages: { ruleId: string; line: number; column: number; message: string }[];
    }[];
    expect(result!.messages.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual([
      [
        'plan-syntax',
        1,
        2,
        'The plan is not readable text: invalid UTF-8 (byte 0xFF) at byte 2; save it as UTF-8 (or UTF-16 with a byte-order mark).',
      ],
    ]);
  });

  test('--fix-dry-run with json gives the fixed text as "output"', async () => {
    const cwd = project({ '.testbed-lint.yaml': THREE_RULES });
    const r = await runCli(
      ['--today', TODAY, '--stdin', '--stdin-filename', 'vmi.testbed.md', '--fix-dry-run', '-f', 'json'],
      { cwd, stdin: FLAWED_PLAN },
    );
    const [result] = JSON.parse(r.stdout) as [JsonResult];
    expect(result.output).toBe(FLAWED_PLAN.replace('onwer:', 'owner:').replace('status: Running', 'status: running'));
    expect(result.messages.map((m) => m.ruleId)).toEqual(['customer-named']);
  });
});

describe('--fix', () => {
  test('writes safe fixes back and reports what is left', async () => {
    const cwd = project({
      '.testbed-lint.yaml': THREE_RULES,
      'vmi.testbed.md': FLAWED_PLAN,
      'good.testbed.md': GOOD_PLAN,
    });
    const before = statSync(join(cwd, 'good.testbed.md')).mtimeMs;
    const r = await runCli(['--today', TODAY, '--fix'], { cwd });
    expect(r.stdout).toBe(`
vmi.testbed.md
  11:9  error  The customer name "TBD" is a placeholder; name the real customer before the testbed starts  customer-named

✖ 1 problem (1 error, 0 warnings, 0 infos)
`);
    expect(r.code).toBe(1);
    expect(readFileSync(join(cwd, 'vmi.testbed.md'), 'utf8')).toBe(
      FLAWED_PLAN.replace('onwer:', 'owner:').replace('status: Running', 'status: running'),
    );
    expect(statSync(join(cwd, 'good.testbed.md')).mtimeMs).toBe(before);
  });

  test('writes only files that changed', async () => {
    const cwd = project({
      '.testbed-lint.yaml': THREE_RULES,
      'vmi.testbed.md': FLAWED_PLAN,
      'good.testbed.md': GOOD_PLAN,
    });
    const written: string[] = [];
    const fs: Fs = {
      ...realFs,
      renameSync: ((from: string, to: string) => (written.push(to), nodeFs.renameSync(from, to))) as Fs['renameSync'],
    };
    await runCli(['--today', TODAY, '--fix'], { cwd, fs });
    expect(written).toEqual([join(cwd, 'vmi.testbed.md')]);
  });

  test('--fix-dry-run writes nothing', async () => {
    const cwd = project({ '.testbed-lint.yaml': THREE_RULES, 'vmi.testbed.md': FLAWED_PLAN });
    const r = await runCli(['--today', TODAY, '--fix-dry-run'], { cwd });
    expect(r.code).toBe(1);
    expect(readFileSync(join(cwd, 'vmi.testbed.md'), 'utf8')).toBe(FLAWED_PLAN);
    expect(r.stdout).toContain('✖ 1 problem (1 error, 0 warnings, 0 infos)');
  });

  test('a BOM is kept when fixes are written', async () => {
    const cwd = project({ '.testbed-lint.yaml': THREE_RULES, 'vmi.testbed.md': `\ufeff${FLAWED_PLAN}` });
    const r = await runCli(['--today', TODAY, '--fix'], { cwd });
    expect(r.stdout).toContain('  11:9  error');
    expect(readFileSync(join(cwd, 'vmi.testbed.md'), 'utf8')).toBe(
      `\ufeff${FLAWED_PLAN.replace('onwer:', 'owner:').replace('status: Running', 'status: running')}`,
    );
  });
});

describe('failures inside the run', () => {
  test('a crashing rule is named with the file (exit 2); the other problems are still printed', async () => {
    const rule = rules.find((r) => r.meta.id === 'customer-named')!;
    vi.spyOn(rule, 'check').mockImplementation(() => {
      throw new Error('boom\n    at somewhere (stack)');
    });
    const cwd = project({ '.testbed-lint.yaml': THREE_RULES, 'plans/vmi.testbed.md': FLAWED_PLAN });
    const r = await runCli(['--today', TODAY], { cwd });
    expect(r.code).toBe(2);
    expect(r.errors).toEqual(['testbed-lint: rule "customer-named" crashed on plans/vmi.testbed.md: boom']);
    expect(r.stdout).toContain('plan-schema');
    expect(r.stdout).not.toContain('customer-named');
  });

  test('anything unexpected is one "internal error" line and exit 2, never a stack trace', async () => {
    const cwd = flawedProject();
    let stderr = '';
    const { main } = await import('../../src/cli/main.js');
    const code = await main({
      argv: ['--today', TODAY],
      cwd,
      stdout: {
        write: () => {
          throw new TypeError('stdout is gone');
        },
      },
      stderr: { write: (s: string) => (stderr += s) },
    });
    expect(code).toBe(2);
    expect(stderr).toBe('testbed-lint: internal error: stdout is gone\n');
  });
});
