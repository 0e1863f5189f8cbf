// The language-model tools in the web-worker extension host (github.dev, vscode.dev), invoked through
// vscode.lm.invokeTool as agent mode invokes them, compared with the CLI's JSON for the same files and config
// (cli-expected.json, and cli-fixed.json from --fix-dry-run, written by scripts/vscode-web-e2e.sh).
/// <reference types="mocha" />
import * as vscode from 'vscode';
import { equal, ok, EXTENSION_ID, type CliMessage } from '../../helpers/e2e.js';

const SEVERITY: Record<number, string> = { 2: 'error', 1: 'warning', 0: 'info' };

let root: vscode.Uri;
const uriOf = (rel: string) => vscode.Uri.joinPath(root, rel);
const readJson = async <T>(rel: string) =>
  JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(rel)))) as T;

async function invoke(name: string, input: object): Promise<string> {
  const r = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return r.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
}

suite('language-model tools in the web worker host', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    root = vscode.workspace.workspaceFolders![0]!.uri;
  });

  test('testbedLint_lintPlan returns the findings the CLI prints, with the folder config', async () => {
    const got = JSON.parse(await invoke('testbedLint_lintPlan', { plan: 'configured/plan.testbed.yaml' })) as {
      file: string;
      findings: unknown[];
    };
    equal(got.file, 'configured/plan.testbed.yaml');
    const cli = (await readJson<Record<string, CliMessage[]>>('cli-expected.json'))['configured/plan.testbed.yaml'];
    ok(cli && cli.length > 5, 'cli-expected.json has the findings of configured/plan.testbed.yaml');
    const expected = cli.map((m) => ({
      ruleId: m.ruleId,
      severity: SEVERITY[m.severity],
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      message: m.message,
      docs: m.docsUrl,
    }));
    equal(got.findings, expected);
  });

  test("testbedLint_explainFinding returns the rule's page with the config file's values", async () => {
    const page = await invoke('testbedLint_explainFinding', {
      ruleId: 'iteration-stale',
      plan: 'configured/plan.testbed.md',
    });
    ok(page.startsWith('# iteration-stale\n'), page.slice(0, 100));
    ok(page.includes('| severity | `info` | `warning` |'), 'the severity from the config file');
    ok(page.includes('| `max-days` | `30` | `45` |'), 'max-days from the config file');
  });

  test('testbedLint_fixPlan applies the --fix-dry-run text in the editor, unsaved', async () => {
    const uri = uriOf('configured/plan.testbed.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    const expected = (await readJson<Record<string, string>>('cli-fixed.json'))['configured/plan.testbed.md'];
    ok(expected && expected !== before, 'cli-fixed.json has a fixed text for configured/plan.testbed.md');
    const text = await invoke('testbedLint_fixPlan', { plan: 'configured/plan.testbed.md' });
    ok(
      /^Applied \d+ safe fixes to configured\/plan\.testbed\.md in the editor, NOT saved/.test(text),
      text.slice(0, 200),
    );
    ok(text.endsWith(`The fixed text:\n\n${expected}`), 'the tool returns the CLI fixed text');
    try {
      equal(doc.getText(), expected, 'the fixes in the editor');
      ok(doc.isDirty, 'the document is left unsaved, for the user to keep or undo');
      equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), before, 'the file is not saved');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
