// The language-model tools (Copilot's agent mode) and the MCP server definition, in a real VS Code extension host:
// each tool is invoked through vscode.lm.invokeTool, as chat invokes it, and compared with the CLI's JSON.
/// <reference types="mocha" />
/// <reference types="vscode" />
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as vscode from 'vscode';
import { EXTENSION_ID, type CliMessage } from '../../helpers/e2e.js';
import { mcpServerDefinition } from '../../../src/extension/mcp-server-node.js';

const TOOLS = ['testbedLint_lintPlan', 'testbedLint_explainFinding', 'testbedLint_fixPlan'];
const SEVERITY: Record<number, string> = { 2: 'error', 1: 'warning', 0: 'info' };

let root: vscode.Uri;
let extPath: string;

/** The CLI's JSON for one file of the workspace (the extension's own dist/cli.js, the same config). */
function cli(rel: string, extra: string[] = []): { messages: CliMessage[]; output?: string } {
  const run = spawnSync(process.execPath, [`${extPath}/dist/cli.js`, '--format', 'json', ...extra, rel], {
    encoding: 'utf8',
    cwd: root.fsPath,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  // Exit 1 with errors left, 0 without (after --fix-dry-run the fixed plan may have none): either is a run that worked.
  assert.ok(run.status === 0 || run.status === 1, `exit ${String(run.status)}: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { messages: CliMessage[]; output?: string }[])[0]!;
}
const asFindings = (ms: CliMessage[]) =>
  ms.map((m) => ({
    ruleId: m.ruleId,
    severity: SEVERITY[m.severity],
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    message: m.message,
    docs: m.docsUrl,
  }));

async function invoke(name: string, input: object): Promise<string> {
  const r = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return r.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
}

suite('language-model tools and the MCP server', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    extPath = ext.extensionPath;
    root = vscode.workspace.workspaceFolders![0]!.uri;
  });

  test('the three tools are registered for agent mode', () => {
    const names = vscode.lm.tools.map((t) => t.name);
    for (const t of TOOLS) assert.ok(names.includes(t), `${t} is not among ${names.join(', ')}`);
  });

  test('testbedLint_lintPlan returns the findings the CLI prints', async () => {
    // The tool lints the plan as the editor holds it; the CLI reads the file. An earlier test of the suite may have
    // left the plan open with an edit (a quick fix), so it is reverted to the file first.
    const yamlPlan = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, 'plan.testbed.yaml'));
    if (yamlPlan.isDirty) {
      await vscode.window.showTextDocument(yamlPlan);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    const got = JSON.parse(await invoke('testbedLint_lintPlan', { plan: 'plan.testbed.yaml' })) as {
      file: string;
      findings: unknown[];
    };
    assert.equal(got.file, 'plan.testbed.yaml');
    const expected = asFindings(cli('plan.testbed.yaml').messages);
    assert.ok(expected.length >= 15, `the CLI found only ${expected.length}`);
    assert.deepEqual(got.findings, expected);
  });

  test("testbedLint_explainFinding returns the rule's page with the plan's settings", async () => {
    const page = await invoke('testbedLint_explainFinding', {
      ruleId: 'customer-not-premier',
      plan: 'plan.testbed.md',
    });
    assert.match(page, /^# customer-not-premier\n/);
    assert.match(page, /\*\*Settings for `plan\.testbed\.md`\*\*/);
    assert.match(page, /\| severity \| `warning` \| `warning` \|/);
    assert.match(page, /## Incorrect/);
  });

  test('testbedLint_fixPlan applies the --fix-dry-run text in the editor, unsaved: the file changes only when the user saves', async () => {
    const uri = vscode.Uri.joinPath(root, 'plan.testbed.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const onDisk = await vscode.workspace.fs.readFile(uri);
    const before = doc.getText();
    const expected = cli('plan.testbed.md', ['--fix-dry-run']).output!;
    assert.ok(expected && expected !== before, 'the CLI has fixes for the plan');
    const text = await invoke('testbedLint_fixPlan', { plan: 'plan.testbed.md' });
    assert.match(text, /^Applied \d+ safe fixes to plan\.testbed\.md in the editor, NOT saved/);
    assert.ok(text.endsWith(`The fixed text:\n\n${expected}`));
    try {
      assert.equal(doc.getText(), expected);
      assert.ok(doc.isDirty, 'the document is left unsaved, for the user to keep or undo');
      assert.deepEqual(await vscode.workspace.fs.readFile(uri), onDisk, 'the tool saves nothing');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('the MCP server definition VS Code gets starts testbed-lint mcp, which lints the plan', async () => {
    const def = mcpServerDefinition(extPath);
    assert.equal(def.label, 'Testbed Lint');
    const child = spawn(def.command, def.args, {
      cwd: def.cwd?.fsPath,
      env: { ...process.env, ...(def.env as Record<string, string>) },
    });
    const replies: { id?: number; result?: { structuredContent?: { findings: unknown[] } } }[] = [];
    let buffer = '';
    const got = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let at;
        while ((at = buffer.indexOf('\n')) >= 0) {
          replies.push(JSON.parse(buffer.slice(0, at)) as (typeof replies)[number]);
          buffer = buffer.slice(at + 1);
          if (replies.some((r) => r.id === 2)) resolve();
        }
      });
    });
    const send = (m: object) => child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...m })}\n`);
    send({
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'suite', version: '1' } },
    });
    send({ method: 'notifications/initialized' });
    send({ id: 2, method: 'tools/call', params: { name: 'lint_plan', arguments: { path: 'plan.testbed.yaml' } } });
    try {
      await Promise.race([
        got,
        new Promise((_, reject) => setTimeout(() => reject(new Error('no answer from the MCP server')), 20_000)),
      ]);
    } finally {
      child.kill();
    }
    const findings = replies.find((r) => r.id === 2)?.result?.structuredContent?.findings;
    assert.deepEqual(findings, asFindings(cli('plan.testbed.yaml').messages));
  });
});
