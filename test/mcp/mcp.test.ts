// `testbed-lint mcp` as an assistant's client sees it: the MCP SDK's own Client, over stdio, talking to the built
// server (node dist/cli.js mcp). Each answer is compared with what the CLI prints for the same plan.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { VERSION } from '../../src/api/index.js';
import { tempProject, TODAY, writeFiles } from '../cli/helpers.js';

const root = join(__dirname, '../..');
const cli = join(root, 'dist/cli.js');
const flawed = join(root, 'examples/flawed.testbed.md');

// A project whose config raises customer-not-premier to an error and names its own premier tiers.
const p = tempProject({
  '.testbed-lint.yaml': 'rules:\n  customer-not-premier: [error, { premier-tiers: [key account, platinum] }]\n',
  'broken/.testbed-lint.yaml': 'rules:\n  customer-not-premeir: error\n',
});
copyFileSync(flawed, join(p.dir, 'flawed.testbed.md'));
let client: Client;

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/mcp.js')))
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
  client = new Client({ name: 'testbed-lint-test', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp'], cwd: p.dir, stderr: 'pipe' }),
  );
}, 60_000);
afterAll(async () => {
  await client.close();
  p.cleanup();
});

interface CliMessage {
  ruleId: string;
  severity: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  docsUrl: string;
}
/** The CLI's JSON for one plan, run in the project folder. */
function cliJson(args: string[]): { messages: CliMessage[]; output?: string } {
  const r = spawnSync(process.execPath, [cli, '--format', 'json', '--today', TODAY, ...args], {
    cwd: p.dir,
    encoding: 'utf8',
  });
  return (JSON.parse(r.stdout) as { messages: CliMessage[]; output?: string }[])[0]!;
}
const asFindings = (messages: CliMessage[]) =>
  messages.map((m) => ({
    ruleId: m.ruleId,
    severity: (['info', 'warning', 'error'] as const)[m.severity],
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    message: m.message,
    docs: m.docsUrl,
  }));
const text = (r: Awaited<ReturnType<Client['callTool']>>) =>
  (r.content as { type: string; text: string }[]).map((c) => c.text).join('\n');

describe('testbed-lint mcp over stdio', () => {
  test('names itself with the package version and lists its tools, each with an input and an output schema', async () => {
    expect(client.getServerVersion()).toMatchObject({ name: 'testbed-lint', version: VERSION });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'explain_rule',
      'get_fixed_plan',
      'lint_plan',
      'list_rules',
      'new_plan_template',
    ]);
    for (const t of tools) {
      expect(t.inputSchema.type).toBe('object');
      expect(t.outputSchema?.type).toBe('object');
      expect(t.annotations?.readOnlyHint).toBe(true);
    }
    const lint = tools.find((t) => t.name === 'lint_plan')!;
    expect(Object.keys(lint.inputSchema.properties ?? {}).sort()).toEqual(['filename', 'path', 'text', 'today']);
    // textlint #1527: agents took "fixText" to write the file; this tool says it returns text and writes nothing.
    expect(tools.find((t) => t.name === 'get_fixed_plan')!.description).toContain('It does NOT write any file');
  });

  test('lint_plan on examples/flawed.testbed.md: the CLI findings, as text and as structured content', async () => {
    const r = await client.callTool({ name: 'lint_plan', arguments: { path: 'flawed.testbed.md', today: TODAY } });
    expect(r.isError).toBeFalsy();
    const expected = asFindings(cliJson(['flawed.testbed.md']).messages);
    const s = r.structuredContent as {
      file: string;
      findings: unknown[];
      errors: number;
      warnings: number;
      infos: number;
    };
    expect(s.file).toBe('flawed.testbed.md');
    expect(s.findings).toEqual(expected);
    expect(s.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'customer-not-premier', severity: 'error', line: 11, column: 9 }),
    );
    expect([s.errors, s.warnings, s.infos]).toEqual([6, 11, 2]);
    expect(text(r)).toContain(
      'flawed.testbed.md:11:9  error  The customer tier "Key Account" marks a premier account, and a testbed with it would raise a red flag for the sales group; choose a non-premier customer.  customer-not-premier',
    );
    expect(text(r)).toMatch(/\n6 errors, 11 warnings, 2 infos\.$/);
  });

  test('lint_plan on text with a file name: the config next to that name applies', async () => {
    const plan = readFileSync(flawed, 'utf8');
    const r = await client.callTool({
      name: 'lint_plan',
      arguments: { text: plan, filename: 'unsaved.testbed.md', today: TODAY },
    });
    const s = r.structuredContent as { file: string; findings: { ruleId: string; severity: string }[] };
    expect(s.file).toBe('unsaved.testbed.md');
    expect(s.findings.find((f) => f.ruleId === 'customer-not-premier')?.severity).toBe('error');
  });

  test('explain_rule customer-not-premier with the plan: the page and the values from its config file', async () => {
    const r = await client.callTool({
      name: 'explain_rule',
      arguments: { ruleId: 'customer-not-premier', path: 'flawed.testbed.md' },
    });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent).toMatchObject({
      ruleId: 'customer-not-premier',
      plan: {
        file: 'flawed.testbed.md',
        config: '.testbed-lint.yaml',
        severity: 'error',
        options: { 'premier-tiers': ['key account', 'platinum'] },
      },
    });
    const page = text(r);
    expect(page).toMatch(/^# customer-not-premier\n\n> Category: `customer`/);
    expect(page).toContain('**Settings for `flawed.testbed.md`** (config file: .testbed-lint.yaml):');
    expect(page).toContain('| severity | `error` | `warning` | error, warning, info, or off |');
    expect(page).toContain('| `premier-tiers` | `key account, platinum` | `premier, key, key account,');
    expect(page).toContain('## Incorrect');
  });

  test('get_fixed_plan returns the --fix-dry-run text and leaves the file on disk unchanged', async () => {
    const file = join(p.dir, 'flawed.testbed.md');
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const r = await client.callTool({ name: 'get_fixed_plan', arguments: { path: 'flawed.testbed.md', today: TODAY } });
    expect(r.isError).toBeFalsy();
    const fixed = cliJson(['--fix-dry-run', 'flawed.testbed.md']);
    const s = r.structuredContent as { text: string; changed: boolean; findings: unknown[] };
    expect(s.changed).toBe(true);
    expect(s.text).toBe(fixed.output);
    expect(s.findings).toEqual(asFindings(fixed.messages));
    expect(text(r)).toBe(`The fixed text of flawed.testbed.md (not written to disk):\n\n${fixed.output!}`);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  test('list_rules and the rule pages as resources', async () => {
    const r = await client.callTool({ name: 'list_rules', arguments: {} });
    const list = (r.structuredContent as { rules: { id: string; defaultSeverity: string; docs: string }[] }).rules;
    const ids = JSON.parse(
      execFileSync(
        process.execPath,
        [
          '-e',
          `console.log(JSON.stringify(require(${JSON.stringify(join(root, 'dist/core.js'))}).rules.map((r) => r.meta.id)))`,
        ],
        { encoding: 'utf8' },
      ),
    ) as string[];
    expect(list.map((x) => x.id)).toEqual(ids);
    expect(list.find((x) => x.id === 'customer-named')).toMatchObject({
      defaultSeverity: 'error',
      docs: 'testbed-lint://rules/customer-named',
    });
    const { resources } = await client.listResources();
    expect(resources.map((x) => x.uri)).toEqual(ids.map((id) => `testbed-lint://rules/${id}`));
    const page = await client.readResource({ uri: 'testbed-lint://rules/customer-named' });
    expect(page.contents[0]).toMatchObject({ mimeType: 'text/markdown' });
    expect((page.contents[0] as { text: string }).text).toMatch(/^# customer-named\n/);
  });

  test('new_plan_template gives a draft that lints with to-dos only, and a plan file name', async () => {
    const r = await client.callTool({
      name: 'new_plan_template',
      arguments: { title: 'Northside VMI', form: 'yaml', today: TODAY },
    });
    const s = r.structuredContent as { text: string; filename: string };
    expect(s.filename).toBe('northside-vmi.testbed.yaml');
    expect(s.text).toMatch(/^kind: testbed-plan\ntitle: Northside VMI\n/);
    const linted = await client.callTool({
      name: 'lint_plan',
      arguments: { text: s.text, filename: s.filename, today: TODAY },
    });
    const found = (linted.structuredContent as { findings: { severity: string }[] }).findings;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.severity === 'info')).toBe(true);
  });

  test('mistakes are tool errors with the CLI words: a bad config, a missing file, no plan, not a plan', async () => {
    writeFiles(p.dir, { 'broken/x.testbed.md': readFileSync(flawed, 'utf8'), 'notes.md': '# Notes\n' });
    const bad = await client.callTool({ name: 'lint_plan', arguments: { path: 'broken/x.testbed.md' } });
    expect(bad.isError).toBe(true);
    expect(text(bad)).toBe(
      'broken/.testbed-lint.yaml:2:3: unknown rule "customer-not-premeir"; did you mean "customer-not-premier"?',
    );
    const missing = await client.callTool({ name: 'lint_plan', arguments: { path: 'nope.testbed.md' } });
    expect(missing).toMatchObject({ isError: true });
    expect(text(missing)).toContain('nope.testbed.md');
    const none = await client.callTool({ name: 'get_fixed_plan', arguments: {} });
    expect(text(none)).toBe('give the plan as "path" (a file to read), or as "text" with "filename"');
    const notPlan = await client.callTool({ name: 'lint_plan', arguments: { path: 'notes.md' } });
    expect(text(notPlan)).toBe(
      'notes.md is not a testbed plan: name it *.testbed.md or *.testbed.yaml, or put "kind: testbed-plan" at its top',
    );
    const rule = await client.callTool({ name: 'explain_rule', arguments: { ruleId: 'customer-premier' } });
    expect(text(rule)).toMatch(/^unknown rule "customer-premier"; did you mean "customer-not-premier"\?/);
  });
});
