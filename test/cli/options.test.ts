// CLI scenarios: usage errors, --help, --version, --list-rules, --explain and init.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { lint, planFileName, rules, VERSION } from '../../src/api/index.js';
import { runCli, tempProject, TODAY } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function project(files: Record<string, string> = {}) {
  const p = tempProject(files);
  cleanups.push(p.cleanup);
  return p.dir;
}

const HINT = 'Run "testbed-lint --help" for usage.';

describe('usage errors: one line with a hint, exit 2', () => {
  test.each([
    [['--frmat', 'json'], 'unknown option "--frmat" (did you mean "--format"?)'],
    [['--colour'], 'unknown option "--colour" (did you mean "--color"?)'],
    [['-x'], 'unknown option "-x"'],
    [['--format'], '--format needs a value'],
    [['--format', '--quiet'], '--format needs a value (for a value that starts with "-", write --format=VALUE)'],
    [['--quiet=yes'], '--quiet takes no value'],
    [['--format', 'xml'], 'unknown format "xml"; use one of stylish, json, sarif, junit, github'],
    [
      ['--format', 'sarf'],
      'unknown format "sarf" (did you mean "sarif"?); use one of stylish, json, sarif, junit, github',
    ],
    [['--today', '2026-02-30'], '--today takes a real date as YYYY-MM-DD, got "2026-02-30"'],
    [['--today', 'tomorrow'], '--today takes a real date as YYYY-MM-DD, got "tomorrow"'],
    [['--max-warnings', 'ten'], '--max-warnings takes a whole number of 0 or more, got "ten"'],
    [['--max-warnings=-3'], '--max-warnings takes a whole number of 0 or more, got "-3"'],
    [['--max-file-size', '0'], '--max-file-size takes a number of bytes (1 or more), got "0"'],
    [['--stdin-filename', 'a.testbed.md'], '--stdin-filename only goes with --stdin'],
    [['--stdin', 'plans'], '--stdin reads one plan from stdin and takes no paths, got "plans"'],
    [
      ['--stdin', '--fix'],
      '--fix cannot write back to stdin; use --fix-dry-run with --format json to get the fixed text',
    ],
    [['--fix', '--fix-dry-run'], 'use either --fix or --fix-dry-run, not both'],
    [['--yaml', 'plans'], '--yaml only goes with init, as in "testbed-lint init --yaml NAME"'],
    [['init'], 'init takes one NAME, as in "testbed-lint init northside-vmi"'],
    [['init', 'a', 'b'], 'init takes one NAME, as in "testbed-lint init northside-vmi"'],
    [['--output', ''], '--output needs a file name'],
  ])('%j', async (argv, message) => {
    const cwd = project();
    const r = await runCli(argv, { cwd });
    expect(r.errors).toEqual([`testbed-lint: ${message}. ${HINT}`]);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });
});

describe('information', () => {
  test('--help prints usage with every option, exit 0', async () => {
    const r = await runCli(['--help'], { cwd: project() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: testbed-lint \[options\] \[paths or globs\.\.\.\]\n/);
    for (const option of [
      '--format',
      '--output',
      '--max-warnings',
      '--config',
      '--today',
      '--stdin',
      '--stdin-filename',
      '--list-rules',
      '--explain',
      '--quiet',
      '--no-color',
      '--fix',
      'init [--yaml] NAME',
    ])
      expect(r.stdout).toContain(option);
  });

  test('--version prints the version', async () => {
    const r = await runCli(['--version'], { cwd: project() });
    expect(r).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect((await runCli(['-v'], { cwd: project() })).stdout).toBe(`${VERSION}\n`);
  });

  test('--list-rules: a table of every rule with default severity, fixable and description', async () => {
    const r = await runCli(['--list-rules'], { cwd: project() });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^RULE +DEFAULT +FIXABLE +DESCRIPTION$/);
    for (const rule of rules) {
      const row = lines.find((l) => l.startsWith(`${rule.meta.id} `));
      expect(row, rule.meta.id).toBeDefined();
      expect(row!.split(/ {2,}/).slice(1, 3)).toEqual([
        rule.meta.defaultSeverity,
        { safe: 'yes', unsafe: 'suggestion', none: 'no' }[rule.meta.fixable],
      ]);
    }
    expect(lines.find((l) => l.startsWith('customer-not-premier '))!.split(/ {2,}/)[2]).toBe('suggestion');
    expect(r.stdout).toContain(`${rules.length} rules. Details: testbed-lint --explain RULE`);
  });

  test('--explain prints the rule doc shipped in the package', async () => {
    const r = await runCli(['--explain', 'customer-named'], { cwd: project() });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(__dirname, '../../src/rules/customer-named/customer-named.md'), 'utf8'));
  });

  test('--explain falls back to a summary when the doc file is missing', async () => {
    const r = await runCli(['--explain', 'plan-schema'], { cwd: project(), packageRoot: project() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^# plan-schema\n\n> Category: `structure` · Severity: `error` · Fixable: `yes`\n\nThis rule checks /,
    );
    expect(r.stdout).toContain('Documentation: https://');
    expect(r.errors).toEqual([
      'testbed-lint: the documentation file of "plan-schema" was not found in the package; showing a summary',
    ]);
  });

  test('--explain with an unknown id suggests the nearest, exit 2', async () => {
    const r = await runCli(['--explain', 'customer-nmed'], { cwd: project() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.errors).toEqual([
      'testbed-lint: unknown rule "customer-nmed"; did you mean "customer-named"? Run "testbed-lint --list-rules" to see them all.',
    ]);
    expect((await runCli(['--explain', 'zzz'], { cwd: project() })).errors).toEqual([
      'testbed-lint: unknown rule "zzz". Run "testbed-lint --list-rules" to see them all.',
    ]);
  });
});

describe('init', () => {
  test('writes NAME.testbed.md from the template; its dates are prompts, for the writer to give', async () => {
    const cwd = project();
    const r = await runCli(['init', 'northside-vmi', '--today', TODAY], { cwd });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      'Wrote northside-vmi.testbed.md. Fill in the prompts, then check it with: testbed-lint northside-vmi.testbed.md\n',
    );
    const text = readFileSync(join(cwd, 'northside-vmi.testbed.md'), 'utf8');
    expect(text).toMatch(/^---\nkind: testbed-plan\ntitle: Northside vmi\n/);
    expect(text).toContain('\nstart: TODO # ');
    expect(text).toContain('\nreview: TODO # ');
    expect(text).not.toMatch(/^(start|review): \d/m);
    expect(text).toContain('\n# Northside vmi\n');
  });

  test('--yaml writes NAME.testbed.yaml; a NAME ending in .md or .yaml is used as is', async () => {
    const cwd = project();
    expect((await runCli(['init', '--yaml', 'harbor', '--today', TODAY], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'harbor.testbed.yaml'), 'utf8')).toMatch(/^kind: testbed-plan\ntitle: Harbor\n/);
    expect((await runCli(['init', 'courier-lockers.yaml', '--today', TODAY], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'courier-lockers.yaml'), 'utf8')).toMatch(
      /^kind: testbed-plan\ntitle: Courier lockers\n/,
    );
    expect((await runCli(['init', 'Plan.md', '--today', TODAY], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'Plan.md'), 'utf8')).toMatch(/^---\nkind: testbed-plan\ntitle: Plan\n/);
  });

  test('init "Title" writes <title-in-kebab-case>.testbed.md titled as written, the file name New plan gives', async () => {
    const cwd = project();
    const r = await runCli(['init', 'Faster invoicing with Acme', '--today', TODAY], { cwd });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      'Wrote faster-invoicing-with-acme.testbed.md. Fill in the prompts, then check it with: testbed-lint faster-invoicing-with-acme.testbed.md\n',
    );
    expect(readdirSync(cwd).filter((f) => f.includes('testbed'))).toEqual(['faster-invoicing-with-acme.testbed.md']);
    expect(readFileSync(join(cwd, 'faster-invoicing-with-acme.testbed.md'), 'utf8')).toMatch(
      /^---\nkind: testbed-plan\ntitle: Faster invoicing with Acme\n/,
    );
    mkdirSync(join(cwd, 'plans'));
    expect((await runCli(['init', '--yaml', 'plans/Café Lötschberg: phase 2', '--today', TODAY], { cwd })).code).toBe(
      0,
    );
    expect(readFileSync(join(cwd, 'plans', 'cafe-lotschberg-phase-2.testbed.yaml'), 'utf8')).toMatch(
      /^kind: testbed-plan\ntitle: "Café Lötschberg: phase 2"\n/,
    );
    // The editor's New plan uses the same function through src/api.
    expect(planFileName('Faster invoicing with Acme', 'markdown')).toBe('faster-invoicing-with-acme.testbed.md');
  });

  test.each([
    ['de', '## Kundenauswahl', '| Bereich | Ansprechpartner | Seit | Nutzen |', '- Änderung: was wir geändert haben'],
    [
      'fr',
      '## Choix du client',
      '| Service | Interlocuteur | Depuis | Bénéfice |',
      '- Changement: ce que nous avons changé',
    ],
    ['es', '## Selección del cliente', '| Departamento | Contacto | Desde | Beneficio |', '- Cambio: qué cambiamos'],
  ])(
    '--lang %s writes the plan in that language, a draft with only to-dos, read in it',
    async (lang, heading, header, label) => {
      const cwd = project();
      const r = await runCli(['init', '--lang', lang, 'ferris', '--today', TODAY], { cwd });
      expect(r).toMatchObject({ code: 0, stderr: '' });
      const text = readFileSync(join(cwd, 'ferris.testbed.md'), 'utf8');
      expect(text).toMatch(new RegExp(`^---\nkind: testbed-plan\ntitle: Ferris\nlang: ${lang}\n`));
      for (const line of [heading, header, label]) expect(text.split('\n')).toContain(line);
      const problems = lint(text, { filePath: 'ferris.testbed.md', today: TODAY });
      expect(problems.filter((p) => p.severity !== 'info')).toEqual([]);
      expect(
        problems.filter((p) => p.ruleId === 'iteration-log' || p.ruleId === 'counterparts-listed').map((p) => p.line),
      ).toHaveLength(2);
      // The YAML form keeps the spec's keys, with the prompts in the language.
      expect((await runCli(['init', '--yaml', '--lang', lang, 'ferris', '--today', TODAY], { cwd })).code).toBe(0);
      const yaml = readFileSync(join(cwd, 'ferris.testbed.yaml'), 'utf8');
      expect(yaml).toMatch(new RegExp(`^kind: testbed-plan\ntitle: Ferris\nlang: ${lang}\n`));
      expect(
        lint(yaml, { filePath: 'ferris.testbed.yaml', today: TODAY }).filter((p) => p.severity !== 'info'),
      ).toEqual([]);
    },
  );

  test('--lang takes en, de, fr or es, and only with init', async () => {
    const cwd = project();
    const bad = await runCli(['init', '--lang', 'it', 'ferris', '--today', TODAY], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.errors[0]).toContain('--lang takes en, de, fr, es (the language of the new plan), got "it"');
    const lone = await runCli(['--lang', 'de', '.'], { cwd });
    expect(lone.code).toBe(2);
    expect(lone.errors[0]).toContain('--lang only goes with init');
  });

  test('refuses to overwrite an existing file (exit 2) and leaves it untouched', async () => {
    const cwd = project({ 'northside.testbed.md': 'my own plan\n' });
    const r = await runCli(['init', 'northside', '--today', TODAY], { cwd });
    expect(r.code).toBe(2);
    expect(r.errors).toEqual([
      'testbed-lint: northside.testbed.md already exists; not overwriting it (choose another NAME)',
    ]);
    expect(readFileSync(join(cwd, 'northside.testbed.md'), 'utf8')).toBe('my own plan\n');
  });

  test('a missing folder is an error, nothing is created', async () => {
    const cwd = project();
    const r = await runCli(['init', 'plans/northside', '--today', TODAY], { cwd });
    expect(r.code).toBe(2);
    expect(r.errors).toEqual(['testbed-lint: cannot write plans/northside.testbed.md: no such file or directory']);
    expect(existsSync(join(cwd, 'plans'))).toBe(false);
  });

  test('without --today the local date is used for the example entry in the prompt (an entry written now)', async () => {
    const cwd = project();
    await runCli(['init', 'a'], { cwd, now: () => new Date(2026, 1, 28, 23, 59) });
    expect(readFileSync(join(cwd, 'a.testbed.md'), 'utf8')).toContain('\n### 2026-02-28 — Short title of the change\n');
  });

  test('the new plan is structurally valid in both forms: no syntax, schema or unknown-key problems', async () => {
    const cwd = project();
    await runCli(['init', 'md-plan', '--today', TODAY], { cwd });
    await runCli(['init', '--yaml', 'yaml-plan', '--today', TODAY], { cwd });
    for (const name of ['md-plan.testbed.md', 'yaml-plan.testbed.yaml']) {
      const problems = lint(readFileSync(join(cwd, name), 'utf8'), { filePath: name, today: TODAY });
      // plan-schema reports only the prompts still to answer, as to-dos: no wrong value, syntax or unknown key.
      expect(
        problems
          .filter((p) => p.ruleId.startsWith('plan-') && !(p.ruleId === 'plan-schema' && p.messageId === 'placeholder'))
          .map((p) => `${p.ruleId} ${p.line}:${p.column} ${p.message}`),
        name,
      ).toEqual([]);
      // Its placeholders are what the writer is asked to fill in.
      expect(
        problems.map((p) => p.ruleId),
        name,
      ).toContain('customer-named');
    }
  });

  test('a fresh draft passes CI: only to-dos (info), exit 0, in both forms; `drafts: strict` fails it', async () => {
    const cwd = project();
    await runCli(['init', 'northside-vmi', '--today', TODAY], { cwd });
    await runCli(['init', '--yaml', 'harbor-lockers', '--today', TODAY], { cwd });
    const r = await runCli(['--today', TODAY], { cwd });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        '',
        'harbor-lockers.testbed.yaml',
        '   6:8   info  To do before proposing: the value "TODO" of `start` is a placeholder; answer it with a real calendar date (YYYY-MM-DD)  plan-schema',
        '   7:9   info  To do before proposing: the value "TODO" of `review` is a placeholder; answer it with a real calendar date (YYYY-MM-DD)  plan-schema',
        '   9:1   info  To do before proposing: the `aims` list names no valid aim; list at least one of customer-profitability, business-processes, strategic-positioning  aims-stated',
        '  12:1   info  To do before proposing: the plan does not state that the customer is small or low-risk, has new processes and has an eager champion (0 of 3 testbed conditions stated, 2 needed); if that holds, add `size: small` or `risk: low`, `new-processes: true`, and `champion:` with a name under `customer:`, else choose a customer that fits a testbed better  customer-conditions',
        '  13:9   info  To do before proposing: the customer name "TODO" is a placeholder; name the real customer before the testbed starts  customer-named',
        '  14:9   info  To do before proposing: the value "TODO" of `customer.tier` is a placeholder; answer it with the account\'s tier as your firm names it (a testbed avoids premier, key or strategic accounts)  plan-schema',
        '  15:9   info  To do before proposing: the value "TODO" of `customer.size` is a placeholder; answer it with one of small, medium, large  plan-schema',
        '  16:18  info  To do before proposing: the value "TODO" of `customer.new-processes` is a placeholder; answer it with true or false  plan-schema',
        '  17:13  info  To do before proposing: the champion "TODO" is a placeholder; name the person at the customer who is eager to change how things are done, like the hospital\'s CEO at Baxter  customer-conditions',
        '  19:1   info  To do before proposing: the customer selection rationale is still a to-do; replace it with at least 30 words on why this customer fits a testbed  customer-rationale',
        '  32:1   info  To do before proposing: the iteration log has no entries; record each change you make with its date and the customer feedback behind it  iteration-log',
        '  40:1   info  To do before proposing: the counterparts section lists no departments; add a list item with department, contact, since and benefit for each department involved in the testbed  counterparts-listed',
        '  48:1   info  To do before proposing: the customer journey names no moment of truth; add a list item with stage, moment, today and target: where the customer meets us (finding, accessing, using or getting support), what they experience there today, and the target  journey-moments',
        '  56:1   info  To do before proposing: the metrics section lists no metric; add at least one metric of what the customer experiences, with perspective `customer`  metric-outside-in',
        '',
        'northside-vmi.testbed.md',
        '   7:8   info  To do before proposing: the value "TODO" of `start` is a placeholder; answer it with a real calendar date (YYYY-MM-DD)  plan-schema',
        '   8:9   info  To do before proposing: the value "TODO" of `review` is a placeholder; answer it with a real calendar date (YYYY-MM-DD)  plan-schema',
        '  10:1   info  To do before proposing: the `aims` list names no valid aim; list at least one of customer-profitability, business-processes, strategic-positioning  aims-stated',
        '  13:1   info  To do before proposing: the plan does not state that the customer is small or low-risk, has new processes and has an eager champion (0 of 3 testbed conditions stated, 2 needed); if that holds, add `size: small` or `risk: low`, `new-processes: true`, and `champion:` with a name under `customer:`, else choose a customer that fits a testbed better  customer-conditions',
        '  14:9   info  To do before proposing: the customer name "TODO" is a placeholder; name the real customer before the testbed starts  customer-named',
        '  15:9   info  To do before proposing: the value "TODO" of `customer.tier` is a placeholder; answer it with the account\'s tier as your firm names it (a testbed avoids premier, key or strategic accounts)  plan-schema',
        '  16:9   info  To do before proposing: the value "TODO" of `customer.size` is a placeholder; answer it with one of small, medium, large  plan-schema',
        '  17:18  info  To do before proposing: the value "TODO" of `customer.new-processes` is a placeholder; answer it with true or false  plan-schema',
        '  18:13  info  To do before proposing: the champion "TODO" is a placeholder; name the person at the customer who is eager to change how things are done, like the hospital\'s CEO at Baxter  customer-conditions',
        '  23:1   info  To do before proposing: the customer selection rationale is empty; explain in at least 30 words why this customer fits a testbed  customer-rationale',
        '  28:1   info  To do before proposing: the iteration log has no entries; record each change you make with its date and the customer feedback behind it  iteration-log',
        '  41:1   info  To do before proposing: the counterparts section lists no departments; add a row of a Department | Contact | Since | Benefit table for each department involved in the testbed  counterparts-listed',
        '  49:1   info  To do before proposing: the customer journey names no moment of truth; add a row of a Stage | Moment | Today | Target table, or a bullet such as "- **Use**: ...": where the customer meets us (finding, accessing, using or getting support), what they experience there today, and the target  journey-moments',
        '  57:1   info  To do before proposing: the metrics section lists no metric; add at least one metric of what the customer experiences, with perspective `customer`  metric-outside-in',
        '',
        'ℹ 28 problems (0 errors, 0 warnings, 28 infos)',
        '  0 errors, 0 warnings and 6 infos potentially fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
    // The strict preset keeps drafts lenient; `drafts: strict` judges them like proposed plans (whose missing log is info).
    writeFileSync(join(cwd, '.testbed-lint.yaml'), 'extends: strict\n');
    expect((await runCli(['--today', TODAY, '-f', 'json'], { cwd })).code).toBe(0);
    writeFileSync(join(cwd, '.testbed-lint.yaml'), 'extends: strict\ndrafts: strict\n');
    const strict = await runCli(['--today', TODAY, '-f', 'json'], { cwd });
    expect(strict.code).toBe(1);
    const md = (
      JSON.parse(strict.stdout) as {
        filePath: string;
        messages: { ruleId: string; severity: number; message: string }[];
      }[]
    ).find((f) => f.filePath.endsWith('.md'))!;
    expect(md.messages.map((m) => `${m.ruleId} ${['info', 'warning', 'error'][m.severity]}`)).toEqual([
      'plan-schema error',
      'plan-schema error',
      'aims-stated error',
      'customer-conditions error',
      'customer-named error',
      'plan-schema error',
      'plan-schema error',
      'plan-schema error',
      'customer-conditions error',
      'customer-rationale error',
      'iteration-log info',
      'counterparts-listed error',
      'journey-moments warning',
      'metric-outside-in error',
    ]);
    expect(md.messages.some((m) => m.message.startsWith('To do'))).toBe(false);
  });

  test('the untouched template, proposed, exits 1 with a finding at each unanswered point-1 prompt, in both forms', async () => {
    const cwd = project();
    await runCli(['init', 'northside-vmi', '--today', TODAY], { cwd });
    await runCli(['init', '--yaml', 'harbor-lockers', '--today', TODAY], { cwd });
    for (const n of ['northside-vmi.testbed.md', 'harbor-lockers.testbed.yaml'])
      writeFileSync(join(cwd, n), readFileSync(join(cwd, n), 'utf8').replace(/^status: draft\b/m, 'status: proposed'));
    const r = await runCli(['--today', TODAY, '-f', 'json'], { cwd });
    expect(r.code).toBe(1);
    type Report = { filePath: string; messages: { ruleId: string; severity: number; line: number }[] }[];
    for (const f of JSON.parse(r.stdout) as Report) {
      const lines = readFileSync(f.filePath, 'utf8').split('\n');
      const at = (key: string) => {
        const line = lines.findIndex((l) => l.startsWith(`  ${key}: TODO`)) + 1;
        return f.messages.filter((m) => m.line === line && m.severity > 0).map((m) => `${m.ruleId} ${m.severity}`);
      };
      expect(at('name'), f.filePath).toEqual(['customer-named 2']);
      expect(at('tier'), f.filePath).toEqual(['plan-schema 2']);
      expect(at('size'), f.filePath).toEqual(['plan-schema 2']);
      expect(at('new-processes'), f.filePath).toEqual(['plan-schema 2']);
      expect(at('champion'), f.filePath).toEqual(['customer-conditions 1']);
      expect(f.messages.filter((m) => m.ruleId === 'customer-rationale').map((m) => m.severity)).toEqual([2]);
    }
  });

  test('--fix on a fresh draft keeps it passing: the prompts it writes are to-dos there, errors and warnings once proposed', async () => {
    const cwd = project();
    await runCli(['init', 'northside-vmi', '--today', TODAY], { cwd });
    await runCli(['init', '--yaml', 'harbor-lockers', '--today', TODAY], { cwd });
    expect((await runCli(['--fix', '--today', TODAY], { cwd })).code).toBe(0);
    type Report = { filePath: string; messages: { ruleId: string; severity: number; message: string }[] }[];
    const prompts = (files: Report) =>
      files
        .flatMap((f) =>
          f.messages
            .filter((m) => m.message.includes('still the prompt "TODO:'))
            .map((m) => `${f.filePath.replace(/.*[\\/]/, '')} ${m.ruleId} ${m.severity}`),
        )
        .sort();
    const draft = await runCli(['--today', TODAY, '-f', 'json'], { cwd });
    expect(draft.code).toBe(0);
    const drafts = JSON.parse(draft.stdout) as Report;
    for (const f of drafts) {
      expect(readFileSync(f.filePath, 'utf8')).toContain('TODO: what finance gains from the testbed');
      expect(f.messages.filter((m) => m.severity !== 0 || !m.message.startsWith('To do before proposing: '))).toEqual(
        [],
      );
    }
    // The fixes wrote an iteration entry and a Finance counterpart to fill in: their prompts are on the to-do list.
    const names = ['harbor-lockers.testbed.yaml', 'northside-vmi.testbed.md'];
    expect(prompts(drafts)).toEqual(
      names
        .flatMap((n) => [`${n} counterpart-benefit 0`, `${n} iteration-change 0`, `${n} iteration-feedback 0`])
        .sort(),
    );
    for (const n of names)
      writeFileSync(join(cwd, n), readFileSync(join(cwd, n), 'utf8').replace(/^status: draft\b/m, 'status: proposed'));
    const proposed = await runCli(['--today', TODAY, '-f', 'json'], { cwd });
    expect(proposed.code).toBe(1);
    expect(prompts(JSON.parse(proposed.stdout) as Report)).toEqual(
      names
        .flatMap((n) => [`${n} counterpart-benefit 1`, `${n} iteration-change 2`, `${n} iteration-feedback 1`])
        .sort(),
    );
  });

  test('the new plan is linted by the CLI like any other', async () => {
    const cwd = project();
    writeFileSync(join(cwd, '.testbed-lint.yaml'), 'rules: {}\n');
    await runCli(['init', 'northside', '--today', TODAY], { cwd });
    const r = await runCli(['--today', TODAY, '-f', 'json'], { cwd });
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });
});
