// Every recipe the README and the walkthrough (media/walkthrough/*.md) print is run by a test. RECIPES names, for each
// fenced block, the test that runs it; a block added without a test (or a test entry left behind) fails here. The
// blocks that need nothing but the build run below; the others run where RECIPES says.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { lint, VERSION } from '../../src/api/index.js';
import { runCli, tempProject, TODAY } from '../cli/helpers.js';
import { allFencedBlocks, fencedBlocks } from '../helpers/recipes.js';

const ROOT = join(__dirname, '../..');
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'media/walkthrough')).map((f) => `media/walkthrough/${f}`)];

/** The README's team rules and their examples run in their own test. */
const TEAM_README = 'test/meta/team-rules-readme.test.ts';

/** Each block: its file, language and first line, and where it is run. */
const RECIPES: { file: string; lang: string; first: string; test: string }[] = [
  { file: 'README.md', lang: 'markdown', first: '---', test: 'test/meta/recipes.test.ts' },
  { file: 'README.md', lang: 'yaml', first: 'journey:', test: 'test/meta/recipes.test.ts' },
  {
    file: 'README.md',
    lang: 'sh',
    first: 'npm ci && node dist/cli.js examples',
    test: 'test/meta/recipes.test.ts (node dist/cli.js examples); .ci/run (npm ci)',
  },
  { file: 'README.md', lang: 'sh', first: 'npm test', test: '.ci/run' },
  {
    file: 'README.md',
    lang: 'sh',
    first:
      "npm run test:vscode  # desktop: the integration suite in code-server's Node extension host, then the VSIX in its UI",
    test: '.ci/run',
  },
  {
    file: 'README.md',
    lang: 'sh',
    first: 'npm install --save-dev ./testbed-lint-0.3.0.tgz',
    test: 'test/package/pack.test.ts',
  },
  {
    file: 'README.md',
    lang: 'text',
    first: 'testbed-lint [paths or globs...]         lint plans (default: .)',
    test: 'test/meta/recipes.test.ts (each command is in --help)',
  },
  { file: 'README.md', lang: 'yaml', first: 'name: testbed plans', test: 'test/action/action.test.ts' },
  {
    file: 'README.md',
    lang: 'yaml',
    first: 'extends: recommended          # or strict, or ./path/to/another-config.yaml',
    test: 'test/meta/recipes.test.ts',
  },
  { file: 'README.md', lang: 'yaml', first: 'team-rules:', test: TEAM_README },
  { file: 'README.md', lang: 'plan-yaml', first: 'counterparts:', test: TEAM_README },
  { file: 'README.md', lang: 'plan-yaml', first: 'counterparts:', test: TEAM_README },
  { file: 'README.md', lang: 'plan-yaml', first: 'customer:', test: TEAM_README },
  { file: 'README.md', lang: 'plan-yaml', first: 'customer:', test: TEAM_README },
  { file: 'README.md', lang: 'plan-md', first: '## Customer selection', test: TEAM_README },
  { file: 'README.md', lang: 'plan-md', first: '## Customer selection', test: TEAM_README },
  { file: 'README.md', lang: 'plan-yaml', first: 'counterparts:', test: TEAM_README },
  { file: 'README.md', lang: 'plan-yaml', first: 'counterparts:', test: TEAM_README },
  { file: 'README.md', lang: 'plan-yaml', first: 'iterations:', test: TEAM_README },
  { file: 'README.md', lang: 'plan-yaml', first: 'iterations:', test: TEAM_README },
  { file: 'README.md', lang: 'ts', first: "import { lint } from 'testbed-lint';", test: 'test/package/pack.test.ts' },
  {
    file: 'README.md',
    lang: 'ts',
    first: "import { createSession } from 'testbed-lint';",
    test: 'test/package/pack.test.ts',
  },
  { file: 'README.md', lang: 'json', first: '{', test: 'test/package/pack.test.ts (VS Code)' },
  { file: 'README.md', lang: 'json', first: '{', test: 'test/package/pack.test.ts (Claude Code)' },
  { file: 'README.md', lang: 'yaml', first: 'repos:', test: 'test/package/pre-commit.test.ts' },
  { file: 'media/walkthrough/2-create.md', lang: 'markdown', first: '---', test: 'test/meta/recipes.test.ts' },
  { file: 'media/walkthrough/5-ci.md', lang: 'yaml', first: 'name: testbed plans', test: 'test/action/action.test.ts' },
  { file: 'media/walkthrough/5-ci.md', lang: 'yaml', first: 'testbed-plans:', test: 'test/package/pack.test.ts' },
];

describe('the recipes of the README and the walkthrough', () => {
  it('every fenced block is listed with the test that runs it', () => {
    const found = DOCS.flatMap((file) =>
      allFencedBlocks(read(file)).map((b) => ({ file, lang: b.lang, first: b.body.split('\n')[0]! })),
    );
    expect(found).toEqual(RECIPES.map(({ file, lang, first }) => ({ file, lang, first })));
    for (const r of RECIPES)
      for (const t of r.test.matchAll(/test\/[\w/.-]+\.ts/g))
        expect(readFileSync(join(ROOT, t[0]), 'utf8').length).toBeGreaterThan(0);
  });

  it('one version everywhere: the tarball, the Action tag and the pre-commit rev are the package version', () => {
    const text = DOCS.map(read).join('\n');
    for (const m of text.matchAll(
      /testbed-lint-(\d+\.\d+\.\d+)\.(tgz|vsix)|testbed-lint\/testbed-lint@v([\d.]+)|rev: v([\d.]+)/g,
    )) {
      expect(m[1] ?? m[3] ?? m[4], m[0]).toBe(VERSION);
    }
    expect([...text.matchAll(/testbed-lint\/testbed-lint@v/g)]).toHaveLength(2);
    // No recipe runs `npx testbed-lint` where npx could download a package of that name: only `npx --no`.
    expect(text).not.toMatch(/npx testbed-lint/);
  });

  it("the changelog's top entry is the package version", () => {
    expect(/^## (\S+)/m.exec(read('CHANGELOG.md'))?.[1]).toBe(VERSION);
  });

  it("the README's plan is well formed and ties its customer metric to a moment of truth", () => {
    const [plan] = fencedBlocks(read('README.md'), 'markdown');
    const found = lint(plan!, { filePath: 'plans/northside.testbed.md', today: TODAY }).map(
      (p) => `${p.ruleId}:${p.line}`,
    );
    // Its sections are shortened ("..."), so the rationale is short and the log stale; nothing else is missing.
    expect(found).toEqual([
      'aims-stated:3',
      'customer-rationale:10',
      'iteration-stale:14',
      'counterpart-back-end:20',
      'counterparts-cross-functional:20',
    ]);
  });

  it("the README's YAML journey and metrics satisfy the journey and metric rules in a YAML plan", () => {
    const [fragment] = fencedBlocks(read('README.md'), 'yaml');
    const given = parse(fragment!) as Record<string, unknown>;
    expect(Object.keys(given)).toEqual(['journey', 'metrics']);
    // The clean YAML example with its journey and metrics replaced by the README's.
    const doc = parseDocument(read('examples/clean.testbed.yaml'));
    for (const [k, v] of Object.entries(given)) doc.set(k, v);
    const plan = doc.toString();
    const ids = lint(plan, { filePath: 'plans/northside.testbed.yaml', today: TODAY }).map((p) => p.ruleId);
    for (const id of [
      'journey-moments',
      'metric-outside-in',
      'metric-worst-case',
      'plan-schema',
      'plan-unknown-key',
      'plan-syntax',
    ])
      expect(ids).not.toContain(id);
  });

  it("the walkthrough's first plan is a draft whose findings are all to-dos (info)", () => {
    const [plan] = fencedBlocks(read('media/walkthrough/2-create.md'), 'markdown');
    const found = lint(plan!, { filePath: 'northside.testbed.md', today: TODAY });
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(found.every((p) => p.message.startsWith('To do before proposing: '))).toBe(true);
  });

  it("the README's config file works as written: a rule off, an option, ignores, lenient drafts", async () => {
    const config = fencedBlocks(read('README.md'), 'yaml').find((b) => b.startsWith('extends:'))!;
    const p = tempProject({
      '.testbed-lint.yaml': config,
      'plans/flawed.testbed.md': read('examples/flawed.testbed.md'),
      'archive/old.testbed.md': read('examples/flawed.testbed.md'),
    });
    try {
      const r = await runCli(['--format', 'json', '--today', TODAY, '.'], { cwd: p.dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      const files = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
      expect(files.map((f) => f.filePath.slice(p.dir.length + 1))).toEqual(['plans/flawed.testbed.md']);
      const ids = files[0]!.messages.map((m) => m.ruleId);
      expect(ids).not.toContain('counterpart-back-end');
      expect(files[0]!.messages.find((m) => m.ruleId === 'customer-rationale')?.message).toContain(
        'at least 50 needed',
      );
    } finally {
      p.cleanup();
    }
  });

  it('npm ci && node dist/cli.js examples: the flawed examples make it exit 1', async () => {
    const r = await runCli(['examples', '--today', TODAY], { cwd: ROOT });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('examples/flawed.testbed.md\n');
    expect(r.stdout).toContain('examples/flawed.testbed.yaml\n');
  });

  it("the README's command synopsis names the commands --help lists", async () => {
    const [synopsis] = fencedBlocks(read('README.md'), 'text');
    const help = (await runCli(['--help'], { cwd: ROOT })).stdout;
    for (const cmd of synopsis!.matchAll(/^testbed-lint (init|report|mcp)\b/gm))
      expect(help).toContain(`testbed-lint ${cmd[1]!}`);
  });
});
