// The VS Code extension: a thin adapter that shows src/core's findings, fixes and guidance in the editor.
// Shared by the Node entry (extension.ts, config files from disk) and the web entry (web.ts, settings only).
/// <reference types="vscode" />
import * as vscode from 'vscode';
import {
  createSession,
  fixText,
  formOf,
  isPlan,
  lintDetailed,
  planTemplate,
  rules,
  docsUrlFor,
  validateLintConfig,
  type LintConfig,
  type LintOptions,
  type PlanDocument,
  type Problem,
  type Rule,
  type RuleEntry,
  type RuleCrash,
} from '../core/index.js';
import { disableFileFix, disableNextLineFix } from '../core/index.js';
import type { Fix } from '../core/index.js';
import type { ConfigError } from '../node/config.js';
import { completionsAt } from './completion.js';
import { hoverAt, iterationSnippet, threePoints, toDiagnosticData, type Range0 } from './mapping.js';
import { PLANS_VIEW_ID, PlansView, REFRESH_COMMAND, type PlanEntry } from './plans-view.js';

export interface LintEvent {
  uri: vscode.Uri;
  version: number;
  /** False when the document is not a plan, is ignored, or linting is off: it then has no diagnostics. */
  linted: boolean;
  problems: readonly Problem[];
  /** Rules whose check threw during this lint (each is logged once to the output channel). */
  crashes: readonly string[];
}

/** What activate() returns, for tests and other extensions. */
export interface TestbedLintApi {
  onDidLint: vscode.Event<LintEvent>;
  /** Resolves with the first lint of `uri` at `minVersion` or later (default: the open document's version). */
  whenLinted(uri: vscode.Uri, minVersion?: number): Promise<LintEvent>;
  /** The plans the "Testbed plans" view lists, as it lists them now. */
  plans(): Promise<PlanEntry[]>;
  /** Fires after the "Testbed plans" view read the workspace again. */
  onDidRefreshPlans: vscode.Event<void>;
  /** For tests: the rules this extension runs (its copy of the core's registry) and the rule-crash lines it logged. */
  testing: { rules: readonly Rule[]; crashLog: readonly string[] };
}

/** As the CLI's --max-file-size default: 5 MB. */
const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('testbedLint');
const SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'yaml' }];

interface Result extends LintEvent {
  doc?: PlanDocument;
  options?: LintOptions;
}

export const CONFIG_GLOB = '**/.testbed-lint.{yaml,yml,json}';

/** Where config files come from: the CLI's discovery on disk (desktop), or none (web: settings only). */
export interface ConfigSource {
  readonly errors: ReadonlyMap<string, ConfigError[]>;
  reset(): void;
  load(file: string): void;
  forFile(path: string): { kind: 'lint'; config: LintConfig | undefined; file?: string } | { kind: 'skip'; reason: string };
}

export function activateWith(context: vscode.ExtensionContext, editorConfig: ConfigSource | undefined): TestbedLintApi {
  const output = vscode.window.createOutputChannel('Testbed Lint');
  const diagnostics = vscode.languages.createDiagnosticCollection('testbed-lint');
  const configDiagnostics = vscode.languages.createDiagnosticCollection('testbed-lint-config');
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  status.command = 'workbench.actions.view.problems';
  status.tooltip = vscode.l10n.t('Testbed Lint: the three points of this plan (click for the Problems panel)');
  const lintEmitter = new vscode.EventEmitter<LintEvent>();
  const results = new Map<string, Result>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const crashedRules = new Set<string>();
  const crashLog: string[] = [];
  // Why: a session re-parses only the blocks an edit touched, so linting on every keystroke stays cheap.
  const session = createSession();
  const skipNotes = new Set<string>();
  let badSettingsLogged = '';
  context.subscriptions.push(output, diagnostics, configDiagnostics, status, lintEmitter);

  const settings = () => vscode.workspace.getConfiguration('testbedLint');

  /** `testbedLint.rules`, used where no config file governs a plan; invalid settings are logged and ignored. */
  function settingsConfig(): LintConfig | undefined {
    const r = settings().get<Record<string, RuleEntry>>('rules') ?? {};
    if (Object.keys(r).length === 0) return undefined;
    const config: LintConfig = { rules: r };
    const errors = validateLintConfig(config, rules);
    if (errors.length > 0) {
      const key = errors.join('\n');
      if (key !== badSettingsLogged) output.appendLine(`testbedLint.rules is ignored: ${errors.join('; ')}`);
      badSettingsLogged = key;
      return undefined;
    }
    return config;
  }

  function publishConfigErrors(): void {
    configDiagnostics.clear();
    for (const [file, errors] of editorConfig?.errors ?? []) {
      configDiagnostics.set(
        vscode.Uri.file(file),
        errors.map((e) => {
          const d = new vscode.Diagnostic(new vscode.Range(e.line - 1, e.column - 1, e.line - 1, e.column - 1 + 1), e.message, vscode.DiagnosticSeverity.Error);
          d.source = 'testbed-lint';
          return d;
        }),
      );
    }
  }

  /** The path used to pick the form and find the config; untitled documents get an extension from their language. */
  function pathOf(document: vscode.TextDocument): string {
    const p = document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.path;
    if (formOf(p) !== undefined) return p;
    return `${p}.${document.languageId === 'yaml' ? 'yaml' : 'md'}`;
  }

  function finish(document: vscode.TextDocument, result: Result): Result {
    results.set(document.uri.toString(), result);
    if (result.linted) {
      diagnostics.set(document.uri, result.problems.map((p) => withRelated(document.uri, p, toDiagnostic(p))));
    } else diagnostics.delete(document.uri);
    updateStatus();
    lintEmitter.fire({ uri: result.uri, version: result.version, linted: result.linted, problems: result.problems, crashes: result.crashes });
    return result;
  }

  /** The lint options for a file (its config, or the settings where none applies); undefined when the file is ignored. */
  function optionsFor(uri: vscode.Uri, path: string, form: 'markdown' | 'yaml'): LintOptions | undefined {
    let config: LintConfig | undefined;
    if (uri.scheme === 'file' && editorConfig) {
      const found = editorConfig.forFile(path);
      publishConfigErrors();
      if (found.kind === 'skip') {
        const note = `${vscode.workspace.asRelativePath(uri)} is not linted: ${found.reason}`;
        if (!skipNotes.has(note)) output.appendLine(note);
        skipNotes.add(note);
        return undefined;
      }
      config = found.file !== undefined ? found.config : settingsConfig();
    } else config = settingsConfig();
    const options: LintOptions = {
      filePath: path,
      form,
      onRuleError: (crash: RuleCrash) => {
        if (crashedRules.has(crash.ruleId)) return;
        crashedRules.add(crash.ruleId);
        const error = crash.error instanceof Error ? (crash.error.stack ?? crash.error.message) : String(crash.error);
        const line = `rule "${crash.ruleId}" crashed on ${vscode.workspace.asRelativePath(uri)}: ${error}`;
        crashLog.push(line);
        output.appendLine(line);
      },
    };
    if (config !== undefined) options.config = config;
    return options;
  }

  function lintDocument(document: vscode.TextDocument): Result {
    const version = document.version;
    const base = { uri: document.uri, version, linted: false, problems: [] as Problem[], crashes: [] as string[] };
    // Other languages (and output channels, settings, ...) are not looked at at all.
    if (document.languageId !== 'markdown' && document.languageId !== 'yaml') return base;
    if (!settings().get<boolean>('enable', true)) return finish(document, base);
    const path = pathOf(document);
    const text = document.getText();
    if (!isPlan(path, text)) return finish(document, base);
    const limit = settings().get<number>('maxFileSize', DEFAULT_MAX_FILE_SIZE);
    if (text.length > limit) {
      // Why: as in the CLI, a huge file is not linted; one notice says so instead of a frozen editor.
      const r = finish(document, { ...base, linted: false });
      const d = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        vscode.l10n.t('This plan is not linted: it has {0} characters, more than testbedLint.maxFileSize ({1}).', text.length, limit),
        vscode.DiagnosticSeverity.Information,
      );
      d.source = 'testbed-lint';
      diagnostics.set(document.uri, [d]);
      return r;
    }
    const options = optionsFor(document.uri, path, document.languageId === 'yaml' ? 'yaml' : 'markdown');
    if (!options) return finish(document, base);
    try {
      const { filePath: _path, ...rest } = options;
      const { problems, document: doc, crashes } = session.lintDetailed(path, text, rest);
      // Why: results for a version the editor has moved past would put squiggles in the wrong places.
      if (document.version !== version) return results.get(document.uri.toString()) ?? base;
      return finish(document, { ...base, linted: true, problems, doc, options, crashes: crashes.map((c) => c.ruleId) });
    } catch (error) {
      output.appendLine(`internal error while linting ${vscode.workspace.asRelativePath(document.uri)}: ${error instanceof Error ? error.stack : String(error)}`);
      return finish(document, base);
    }
  }

  /** The result for the document's current text, linting now if the stored one is older. */
  function current(document: vscode.TextDocument): Result {
    const r = results.get(document.uri.toString());
    return r && r.version === document.version ? r : lintDocument(document);
  }

  function schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    const delay = Math.max(0, settings().get<number>('debounce', 250));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        if (!document.isClosed && !closedTabs.has(key)) lintDocument(document);
      }, delay),
    );
  }

  // Why: VS Code keeps a document alive for a while after its last editor tab closes (onDidCloseTextDocument comes
  // late, if at all), so a pending lint would put diagnostics back for a file the user just closed.
  const closedTabs = new Set<string>();
  const tabUri = (tab: vscode.Tab) => (tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined);
  const hasTab = (uri: vscode.Uri) => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => tabUri(t)?.toString() === uri.toString()));
  function forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(timers.get(key));
    timers.delete(key);
    results.delete(key);
    diagnostics.delete(uri);
    updateStatus();
  }

  function relintAll(): void {
    for (const d of vscode.workspace.textDocuments) if (!d.isClosed) lintDocument(d);
  }

  function updateStatus(): void {
    const editor = vscode.window.activeTextEditor;
    const r = editor && results.get(editor.document.uri.toString());
    if (!r || !r.linted) {
      status.hide();
      return;
    }
    status.text = threePoints(r.problems);
    status.show();
  }

  function toDiagnostic(p: Problem): vscode.Diagnostic {
    const data = toDiagnosticData(p);
    const severity = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, information: vscode.DiagnosticSeverity.Information }[data.severity];
    const d = new vscode.Diagnostic(range(data.range), data.message, severity);
    d.source = data.source;
    d.code = { value: data.code.value, target: vscode.Uri.parse(data.code.target) };
    return d;
  }

  function withRelated(uri: vscode.Uri, p: Problem, d: vscode.Diagnostic): vscode.Diagnostic {
    const related = toDiagnosticData(p).related;
    if (related.length > 0) d.relatedInformation = related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, range(r.range)), r.message));
    return d;
  }

  function toEdit(document: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
    const edit = new vscode.WorkspaceEdit();
    for (const e of fix.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.span.start), document.positionAt(e.span.end)), e.text);
    return edit;
  }

  // ---- document events
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => lintDocument(d)),
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of e.closed) {
        const uri = tabUri(tab);
        if (uri && !hasTab(uri)) {
          closedTabs.add(uri.toString());
          forget(uri);
        }
      }
      for (const tab of e.opened) {
        const uri = tabUri(tab);
        if (!uri || !closedTabs.delete(uri.toString())) continue;
        const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri.toString());
        if (d) lintDocument(d);
      }
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      if (settings().get<string>('run', 'onType') === 'onType') schedule(e.document);
    }),
    vscode.workspace.onDidSaveTextDocument((d) => lintDocument(d)),
    vscode.workspace.onDidCloseTextDocument((d) => {
      const key = d.uri.toString();
      clearTimeout(timers.get(key));
      timers.delete(key);
      results.delete(key);
      diagnostics.delete(d.uri);
      session.close(pathOf(d));
    }),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('testbedLint')) relintAll();
    }),
  );
  // ---- config files: any change re-reads every config and re-lints the open plans
  const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
  const onConfigChange = (uri: vscode.Uri) => {
    editorConfig?.reset();
    try {
      if (uri.scheme === 'file') editorConfig?.load(uri.fsPath);
    } catch {
      // a deleted file: nothing to report
    }
    publishConfigErrors();
    relintAll();
  };
  context.subscriptions.push(watcher, watcher.onDidChange(onConfigChange), watcher.onDidCreate(onConfigChange), watcher.onDidDelete(onConfigChange));
  // The watcher only sees saved files; saving a config in the editor also triggers it, but not always in remote hosts.
  context.subscriptions.push(
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (/[\\/]\.testbed-lint\.(ya?ml|json)$/.test(d.uri.path)) onConfigChange(d.uri);
    }),
  );

  // ---- code actions: quick fixes, disable comments, docs; source.fixAll.testbedLint
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      SELECTOR,
      {
        provideCodeActions(document, _range, ctx) {
          const r = current(document);
          if (!r.linted || !r.doc || !r.options) return [];
          const actions: vscode.CodeAction[] = [];
          if (ctx.only && ctx.only.contains(FIX_ALL_KIND)) {
            const fixed = fixText(document.getText(), r.options);
            if (fixed.applied > 0 && fixed.text !== document.getText()) {
              const a = new vscode.CodeAction(vscode.l10n.t('Fix all testbed-lint problems ({0})', fixed.applied), FIX_ALL_KIND);
              a.edit = new vscode.WorkspaceEdit();
              a.edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), fixed.text);
              actions.push(a);
            }
            return actions;
          }
          if (ctx.only && !ctx.only.contains(vscode.CodeActionKind.QuickFix)) return actions;
          const seen = new Set<string>();
          for (const d of ctx.diagnostics) {
            if (d.source !== 'testbed-lint') continue;
            const id = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
            const p = r.problems.find((q) => q.ruleId === id && q.line - 1 === d.range.start.line && q.column - 1 === d.range.start.character && q.message === d.message);
            if (!p) continue;
            const add = (fix: Fix | undefined, preferred: boolean) => {
              if (!fix) return;
              const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
              a.edit = toEdit(document, fix);
              a.diagnostics = [d];
              a.isPreferred = preferred;
              actions.push(a);
            };
            add(p.fix, true);
            for (const s of p.suggestions ?? []) add(s, false);
            if (!seen.has(`line:${p.ruleId}:${p.line}`)) {
              seen.add(`line:${p.ruleId}:${p.line}`);
              add(disableNextLineFix(r.doc, p.line, p.ruleId), false);
            }
            if (!seen.has(`rule:${p.ruleId}`)) {
              seen.add(`rule:${p.ruleId}`);
              add(disableFileFix(r.doc, p.ruleId), false);
              const docs = new vscode.CodeAction(vscode.l10n.t('Show documentation for {0}', p.ruleId), vscode.CodeActionKind.QuickFix);
              docs.command = { title: docs.title, command: 'testbedLint.showRuleDocumentation', arguments: [p.ruleId] };
              actions.push(docs);
            }
          }
          return actions;
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] },
    ),
  );

  // ---- hover: section guidance and allowed values
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(SELECTOR, {
      provideHover(document, position) {
        const r = current(document);
        if (!r.linted || !r.doc) return undefined;
        const h = hoverAt(r.doc, document.offsetAt(position));
        if (!h) return undefined;
        const md = new vscode.MarkdownString(h.markdown);
        return new vscode.Hover(md, new vscode.Range(document.positionAt(h.span.start), document.positionAt(h.span.end)));
      },
    }),
  );

  // ---- completion of YAML keys and enum values (YAML plans and Markdown front matter)
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      SELECTOR,
      {
        provideCompletionItems(document, position) {
          const r = current(document);
          if (!r.linted || !r.doc) return undefined;
          const text = document.getText();
          const fm = r.doc.plan.frontMatter;
          const [from, to] = r.doc.form === 'yaml' ? [0, text.length] : fm ? [fm.contentSpan.start, fm.contentSpan.end] : [-1, -1];
          if (from < 0) return undefined;
          const items = completionsAt(text, document.offsetAt(position), from, to, r.doc.form === 'yaml' ? 'yaml' : 'front-matter');
          return items.map((c) => {
            const item = new vscode.CompletionItem(c.label, c.kind === 'key' ? vscode.CompletionItemKind.Property : vscode.CompletionItemKind.EnumMember);
            item.insertText = c.insertText;
            if (c.detail) item.detail = c.detail;
            return item;
          });
        },
      },
      ':',
      ' ',
    ),
  );

  // ---- commands
  const today = () => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  };
  const newPlan = (form: 'markdown' | 'yaml') => async (title?: string) => {
    const name = title ?? (await vscode.window.showInputBox({ prompt: 'Title of the testbed plan', value: 'New testbed plan' }));
    if (name === undefined) return undefined;
    const document = await vscode.workspace.openTextDocument({ language: form, content: planTemplate(form, { title: name, today: today() }) });
    await vscode.window.showTextDocument(document);
    return document;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('testbedLint.newPlanMarkdown', newPlan('markdown')),
    vscode.commands.registerCommand('testbedLint.newPlanYaml', newPlan('yaml')),
    vscode.commands.registerCommand('testbedLint.addIterationEntry', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const r = current(editor.document);
      const at = r.linted && r.doc ? iterationSnippet(r.doc, today()) : undefined;
      if (!at) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Testbed Lint: add the entry by hand (this is not a plan, it has no iteration log, or the log is a table or bullets).'));
        return false;
      }
      const position = editor.document.positionAt(at.offset);
      return editor.insertSnippet(new vscode.SnippetString(at.snippet), position);
    }),
    vscode.commands.registerCommand('testbedLint.showRuleDocumentation', async (ruleId?: string) => {
      const id =
        ruleId ??
        (await vscode.window.showQuickPick(
          rules.map((r) => ({ label: r.meta.id, description: r.meta.description })),
          { placeHolder: 'Rule' },
        ))?.label;
      if (!id) return undefined;
      const url = docsUrlFor(id);
      await vscode.env.openExternal(vscode.Uri.parse(url));
      return url;
    }),
    vscode.commands.registerCommand('testbedLint.lintWorkspace', async () => {
      const files = await vscode.workspace.findFiles('**/*.{md,markdown,yaml,yml}', '**/node_modules/**');
      files.sort((a, b) => a.toString().localeCompare(b.toString()));
      const summary = { plans: 0, errors: 0, warnings: 0, infos: 0, files: [] as { path: string; problems: number }[] };
      output.appendLine('Lint all plans in the workspace:');
      for (const uri of files) {
        const document = await vscode.workspace.openTextDocument(uri);
        const r = current(document);
        if (!r.linted) continue;
        summary.plans++;
        const rel = vscode.workspace.asRelativePath(uri);
        summary.files.push({ path: rel, problems: r.problems.length });
        for (const p of r.problems) {
          if (p.severity === 'error') summary.errors++;
          else if (p.severity === 'warning') summary.warnings++;
          else summary.infos++;
          output.appendLine(`${rel}:${p.line}:${p.column} ${p.severity} ${p.message} ${p.ruleId}`);
        }
      }
      const line = `${summary.plans} plans: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos`;
      output.appendLine(line);
      void vscode.window.showInformationMessage(vscode.l10n.t('Testbed Lint: {0}', line));
      return summary;
    }),
  );

  // ---- the "Testbed plans" view: every plan in the workspace, updated as files change
  const plansView = new PlansView((uri, path, text) => {
    if (!settings().get<boolean>('enable', true)) return undefined;
    const options = optionsFor(uri, path, formOf(path) === 'yaml' ? 'yaml' : 'markdown');
    if (!options) return undefined;
    const r = lintDetailed(text, options);
    return { doc: r.document, problems: r.problems };
  });
  const planFiles = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,yaml,yml}');
  context.subscriptions.push(
    plansView,
    planFiles,
    vscode.window.createTreeView(PLANS_VIEW_ID, { treeDataProvider: plansView, showCollapseAll: true }),
    vscode.commands.registerCommand(REFRESH_COMMAND, () => plansView.refresh(0)),
    planFiles.onDidCreate(() => plansView.refresh()),
    planFiles.onDidChange(() => plansView.refresh()),
    planFiles.onDidDelete(() => plansView.refresh()),
    lintEmitter.event((e) => {
      if (e.linted) plansView.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('testbedLint')) plansView.refresh();
    }),
  );

  for (const d of vscode.workspace.textDocuments) lintDocument(d);

  return {
    plans: () => plansView.list(),
    testing: { rules, crashLog },
    onDidRefreshPlans: plansView.onDidRefresh,
    onDidLint: lintEmitter.event,
    whenLinted(uri, minVersion) {
      const want = minVersion ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.version ?? 0;
      const r = results.get(uri.toString());
      if (r && r.version >= want) return Promise.resolve({ uri: r.uri, version: r.version, linted: r.linted, problems: r.problems, crashes: r.crashes });
      return new Promise((resolve) => {
        const sub = lintEmitter.event((e) => {
          if (e.uri.toString() === uri.toString() && e.version >= want) {
            sub.dispose();
            resolve(e);
          }
        });
      });
    },
  };

  function range(r: Range0): vscode.Range {
    return new vscode.Range(r[0], r[1], r[2], r[3]);
  }
}

