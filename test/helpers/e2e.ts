// Helpers shared by the two real VS Code suites: test/vscode/suite (desktop, code-server's Node extension host) and
// test/vscode-web/suite (VS Code web's web-worker extension host). Each suite's bundle includes this file
// (scripts/vscode-e2e-build.mjs, scripts/vscode-web-e2e-build.mjs), so it may use only `vscode` and what a web worker
// has: no Node built-ins (node:assert is not in a web worker, hence ok/equal/match below).
/// <reference types="mocha" />
import * as vscode from 'vscode';
import type { LintEvent, TestbedLintApi } from '../../src/extension/activate.js';

export const EXTENSION_ID = 'testbed-lint.testbed-lint';

/** One finding in the CLI's JSON (`--format json`), which the suites compare the editor's findings with. */
export interface CliMessage {
  ruleId: string;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  docsUrl: string;
}

/** Generous: on a machine with 15 busy processes per core the first lint after activation took over 15 s. */
export const WAIT_MS = 30_000;

export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}
/** Equal as JSON (the assertion of the web suite, where node:assert is missing). */
export function equal<T>(actual: T, expected: T, message = ''): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message ? `${message}: ` : ''}expected ${e} but got ${a}`);
}
export function match(text: string, re: RegExp, message = ''): void {
  if (!re.test(text))
    throw new Error(`${message ? `${message}: ` : ''}${JSON.stringify(text.slice(0, 400))} does not match ${re}`);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function withTimeout<T>(p: Thenable<T>, label: string, ms = WAIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    Promise.resolve(p).finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${label}`)), ms);
    }),
  ]);
}

/** Resolves once `pred` holds, checked every 10 ms; rejects after `ms`. */
export async function until(pred: () => boolean, label: string, ms = WAIT_MS): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${label}`);
    await sleep(10);
  }
}

/** The active tab once it satisfies `pred` (the workbench reports new tabs a little later), or the last one seen. */
export async function activeTabWhere(pred: (tab: vscode.Tab) => boolean, ms = 5000): Promise<vscode.Tab | undefined> {
  const end = Date.now() + ms;
  let tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  while (!(tab && pred(tab)) && Date.now() < end) {
    await sleep(50);
    tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  }
  return tab;
}

export async function hoverTexts(uri: vscode.Uri, line: number, character: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    uri,
    new vscode.Position(line, character),
  );
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

/** The diagnostic of rule `ruleId` on `uri`. */
export function diagnostic(uri: vscode.Uri, ruleId: string): vscode.Diagnostic {
  const d = vscode.languages.getDiagnostics(uri).find((x) => typeof x.code === 'object' && x.code.value === ruleId);
  ok(d, `no ${ruleId} diagnostic`);
  return d;
}

/** Replaces the whole text of `doc` (one edit). */
function replaceAll(doc: vscode.TextDocument, text: string): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  return edit;
}

/**
 * The helpers that need the extension's API and the opened folder, which a suite has only after its suiteSetup:
 * hence getters. Usage, at the top of a suite file: `const { open, lintWhere, ... } = e2e(() => api, () => root);`
 */
export function e2e(api: () => TestbedLintApi, root: () => vscode.Uri) {
  const uriOf = (rel: string) => vscode.Uri.joinPath(root(), rel);

  /** The first lint of `uri` (current or coming) that satisfies `pred`. */
  function lintWhere(uri: vscode.Uri, pred: (e: LintEvent) => boolean, label: string, ms = WAIT_MS) {
    return withTimeout(
      new Promise<LintEvent>((resolve) => {
        const sub = api().onDidLint((e) => {
          if (e.uri.toString() === uri.toString() && pred(e)) {
            sub.dispose();
            resolve(e);
          }
        });
        void api()
          .whenLinted(uri)
          .then((e) => {
            if (pred(e)) {
              sub.dispose();
              resolve(e);
            }
          });
      }),
      label,
      ms,
    );
  }

  /**
   * Waits until `uri` has had no lint event for `quietMs` (at most `maxMs`): a lint already under way when a test starts
   * (the editor showing the plan again, a revert by the test before) lands first, so it is not counted as caused by
   * what the test does next.
   */
  async function settled(uri: vscode.Uri, quietMs = 2_000, maxMs = 20_000): Promise<void> {
    let last = Date.now();
    const sub = api().onDidLint((e) => {
      if (e.uri.toString() === uri.toString()) last = Date.now();
    });
    const start = Date.now();
    try {
      while (Date.now() - last < quietMs && Date.now() - start < maxMs) await sleep(200);
    } finally {
      sub.dispose();
    }
  }

  /** Opens a workspace file in an editor and waits for its lint. */
  async function open(rel: string): Promise<{ doc: vscode.TextDocument; lint: LintEvent }> {
    const doc = await vscode.workspace.openTextDocument(uriOf(rel));
    await vscode.window.showTextDocument(doc);
    const lint = await withTimeout(api().whenLinted(doc.uri, doc.version), `the lint of ${rel}`);
    return { doc, lint };
  }

  /** Applies an edit and waits for the lint of the new version. */
  async function applyAndLint(doc: vscode.TextDocument, edit: vscode.WorkspaceEdit, ms = WAIT_MS): Promise<LintEvent> {
    ok(await vscode.workspace.applyEdit(edit), 'applyEdit failed');
    return withTimeout(api().whenLinted(doc.uri, doc.version), `the lint of version ${doc.version}`, ms);
  }

  const setText = (doc: vscode.TextDocument, text: string): Promise<LintEvent> =>
    applyAndLint(doc, replaceAll(doc, text));

  /**
   * Puts a workspace file's document back as the test found it: the file's text, not dirty, its lint for that text
   * published and no other under way. For a test's `finally`: every step is tried even when one before it failed (a
   * failed test must not leave the plan edited for the tests after it), and the first failure is thrown at the end.
   * Why an edit before the revert: after a worker restart on a loaded machine the lint of a reverted version could
   * come late; the edit's lint is awaited (60 s: the plans view's reads of every plan may go first), then the revert
   * only clears the dirty state, the text being the file's already.
   */
  async function restore(doc: vscode.TextDocument, text: string): Promise<void> {
    const errors: unknown[] = [];
    const step = async (f: () => Thenable<unknown>) => {
      try {
        await f();
      } catch (error) {
        errors.push(error);
      }
    };
    if (doc.getText() !== text) await step(() => applyAndLint(doc, replaceAll(doc, text), 60_000));
    if (doc.isDirty) {
      await step(() => vscode.window.showTextDocument(doc));
      await step(() => vscode.commands.executeCommand('workbench.action.files.revert'));
      await step(() => until(() => !doc.isDirty, `${doc.uri.path} to be clean after revert`));
    }
    await step(() => lintWhere(doc.uri, (e) => e.version === doc.version, `the lint of the restored ${doc.uri.path}`));
    await step(() => settled(doc.uri));
    if (errors.length > 0) throw errors[0];
  }

  /**
   * Reverts an edited document to the file's text and waits for the lint of the reverted version (the revert reaches
   * the extension host after the command returns, so doc.version right after it may still be the edited one).
   */
  async function revert(doc: vscode.TextDocument): Promise<void> {
    const edited = doc.version;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    // The lint of the reverted text can come before the document is marked clean: wait for each on its own.
    await lintWhere(doc.uri, (e) => e.version > edited, 'the lint after revert');
    await until(() => !doc.isDirty, `${doc.uri.path} to be clean after revert`);
  }

  /**
   * Registers, in the calling suite, a check after each test: a workspace file left edited is reverted (and its lint
   * awaited), so one test's failure does not cascade into the tests after it. A test that passed and left one edited is
   * named in the returned list, which the suite's last test asserts is empty: every test leaves the workspace as it
   * found it, by its own `finally`. (A failing hook would stop the suite, hence the list.)
   */
  function keepWorkspaceClean(): string[] {
    const leaks: string[] = [];
    teardown(async function () {
      const inside = `${root().toString().replace(/\/$/, '')}/`;
      const edited = vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.toString().startsWith(inside));
      for (const doc of edited) {
        const rel = vscode.workspace.asRelativePath(doc.uri);
        // Only dirty, with the file's text (a test put the text back by an edit): the revert changes no text, so no
        // lint follows it; it only clears the flag. Not a leak: nothing a later test reads differs.
        const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri));
        if (doc.getText() === onDisk) {
          await vscode.window.showTextDocument(doc);
          await vscode.commands.executeCommand('workbench.action.files.revert');
          continue;
        }
        if (this.currentTest?.state === 'passed') leaks.push(`${this.currentTest.title}: ${rel}`);
        try {
          await revert(doc);
          await settled(doc.uri);
        } catch (error) {
          leaks.push(`${rel} could not be reverted: ${String(error)}`);
        }
      }
    });
    return leaks;
  }

  /** Closes an untitled document the test opened (reverted, so nothing asks to save it). */
  async function discard(doc: vscode.TextDocument): Promise<void> {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }

  /**
   * Runs `wait` while asking for the code actions of `uri` every 30 ms without awaiting them, as the light bulb does
   * while the cursor moves: each ask wants the plan's current lint, so one is always queued.
   */
  async function whileAsking<T>(uri: vscode.Uri, wait: () => Promise<T>): Promise<T> {
    const ask = () =>
      void vscode.commands
        .executeCommand('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0))
        .then(undefined, () => undefined);
    const timer = setInterval(ask, 30);
    ask();
    try {
      return await wait();
    } finally {
      clearInterval(timer);
    }
  }

  /** The lines logged since `before` by the lint workers, once there is one more than then. */
  async function workerLogGrows(before: number, label = 'the worker crash to be logged'): Promise<readonly string[]> {
    await until(() => api().testing.workerLog.length > before, label);
    return api().testing.workerLog.slice(before);
  }

  return {
    uriOf,
    lintWhere,
    settled,
    open,
    applyAndLint,
    setText,
    revert,
    restore,
    keepWorkspaceClean,
    discard,
    whileAsking,
    workerLogGrows,
  };
}
