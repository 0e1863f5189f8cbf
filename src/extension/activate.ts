// The VS Code extension's composition root: one lint controller, and a module per surface given the controller.
// Shared by the Node entry (desktop.ts) and the web entry (web.ts); config files are read through vscode.workspace.fs.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { rules, type Rule } from '../api/index.js';
import { CHECK_AGAIN_COMMAND, PlanCodeActions } from './features/code-actions.js';
import { registerCommands } from './features/commands.js';
import { PlanCompletionProvider } from './features/completion.js';
import { CONFIG_FILE, CONFIG_GLOB, WorkspaceConfig, type NativeRealpath } from './config/workspace-config.js';
import { CONFIG_SELECTOR, ConfigCodeActions } from './config/quick-fixes.js';
import { ConfigDrafts } from './config/config-drafts.js';
import { registerConfigureRule } from './config/configure-rule.js';
import { LintController, type LintEvent } from './lint/controller.js';
import type { Faults } from './lint/engine.js';
import { lintTimeoutMs, WorkerEngine, type LintInFlight, type Spawn } from './lint/worker-engine.js';
import { registerDiagnostics } from './lint/diagnostics.js';
import { PlanHoverProvider } from './features/hover.js';
import { registerLmTools } from './features/lm-tools.js';
import { plansTree, registerPlansView, type PlanEntry } from './features/plans-view.js';
import { registerRuleDocs } from './features/rule-docs.js';
import { bundledRulePage } from './features/rule-pages.js';
import { registerPlanProblems, StatusBar, statusBarState } from './features/status-bar.js';

export type { LintEvent } from './lint/controller.js';

/** What activate() returns, for tests and other extensions. */
export interface TestbedLintApi {
  onDidLint: vscode.Event<LintEvent>;
  /** Resolves with the first lint of `uri` at `minVersion` or later (default: the open document's version). */
  whenLinted(uri: vscode.Uri, minVersion?: number): Promise<LintEvent>;
  /** The plans the "Testbed plans" view lists, as it lists them now. */
  plans(): Promise<PlanEntry[]>;
  /** Fires after the "Testbed plans" view read the workspace again. */
  onDidRefreshPlans: vscode.Event<void>;
  /** For tests: the rules this extension runs (its copy of the core's registry), the rule-crash lines it logged, the status bar. */
  testing: {
    rules: readonly Rule[];
    crashLog: readonly string[];
    statusBar(): { shown: boolean; text: string; tooltip: string };
    /** The "Testbed plans" tree as shown: status groups, each plan's label, description and tooltip. */
    plansTree(): ReturnType<typeof plansTree>;
    /** Makes the lint workers exit as a crash would; the lines logged about worker crashes. */
    exitWorkers(): void;
    /** Makes a rule's check throw in the lint workers (undefined restores it). */
    breakRule(ruleId: string | undefined): void;
    /** Makes the lint of a plan whose text holds a marker hang or crash its worker, now and after restarts ({}: none). */
    injectFaults(faults: Faults): void;
    workerLog: readonly string[];
    /** The lints posted to the normal and the large-plan worker and not answered yet (none without workers). */
    lintsInFlight(): { normal?: LintInFlight; large?: LintInFlight };
  };
}

const SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'yaml' }];

/**
 * `spawn` starts a lint worker (desktop: worker_threads, web: a web worker); lints run in-thread without it.
 * `realpath` resolves links in file: URIs (desktop), so a workspace's config can follow links that stay inside it.
 */
export function activateExtension(
  context: vscode.ExtensionContext,
  spawn?: Spawn,
  realpath?: NativeRealpath,
): TestbedLintApi {
  const output = vscode.window.createOutputChannel('Testbed Lint');
  const config = new WorkspaceConfig(realpath);
  const engine = spawn
    ? new WorkerEngine(
        spawn,
        (failure) => linter.trouble.workerFailed(failure),
        (reason) => linter.trouble.workerFallback(reason),
        lintTimeoutMs,
        (key) => linter.trouble.quarantined(key),
      )
    : undefined;
  const linter: LintController = new LintController(config, output, engine);
  // Config errors as shown: the saved files', and an edited config's own from its unsaved buffer.
  const configErrors = new ConfigDrafts(config);
  const docs = registerRuleDocs(linter, bundledRulePage);
  const plans = registerPlansView(linter);
  const statusBar = new StatusBar(linter);
  context.subscriptions.push(
    output,
    config,
    configErrors,
    linter,
    ...linter.listen(),
    ...registerDiagnostics(linter, configErrors),
    statusBar,
    registerPlanProblems(linter),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new PlanCodeActions(linter), PlanCodeActions.metadata),
    vscode.languages.registerHoverProvider(SELECTOR, new PlanHoverProvider(linter)),
    vscode.languages.registerCompletionItemProvider(
      SELECTOR,
      new PlanCompletionProvider(linter),
      ...PlanCompletionProvider.triggers,
    ),
    ...registerCommands(linter, output),
    vscode.commands.registerCommand(CHECK_AGAIN_COMMAND, (uri?: string) => {
      const target = uri === undefined ? vscode.window.activeTextEditor?.document.uri : vscode.Uri.parse(uri);
      return target && linter.checkAgain(target);
    }),
    vscode.languages.registerCodeActionsProvider(
      CONFIG_SELECTOR,
      new ConfigCodeActions(configErrors),
      ConfigCodeActions.metadata,
    ),
    ...docs.disposables,
    ...plans.disposables,
    ...registerLmTools(linter),
  );

  // Config files: any change re-reads every config, reports its errors, and re-lints the open plans and pages.
  const onConfigChange = (uri: vscode.Uri, deleted = false): Promise<void> => {
    config.reset();
    // A deleted file has nothing to report; a changed one is loaded now so its errors show before a plan uses it.
    const loaded = deleted ? Promise.resolve() : config.load(uri);
    return loaded.then(() => {
      linter.relintAll();
      plans.view.refresh(300, true);
      docs.provider.refresh();
    });
  };
  // "Configure rule…" writes a config file; the plans re-lint at once (the file watcher may be late, or absent on the web).
  context.subscriptions.push(...registerConfigureRule(SELECTOR, (uri) => onConfigChange(uri)));
  const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
  context.subscriptions.push(
    watcher,
    watcher.onDidChange((u) => void onConfigChange(u)),
    watcher.onDidCreate((u) => void onConfigChange(u)),
    watcher.onDidDelete((u) => void onConfigChange(u, true)),
    // The watcher only sees saved files; saving a config in the editor also triggers it, but not always in remote hosts.
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (CONFIG_FILE.test(d.uri.path)) void onConfigChange(d.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('testbedLint')) docs.provider.refresh();
    }),
  );

  linter.relintAll();
  return {
    plans: () => plans.view.list(),
    testing: {
      rules,
      crashLog: linter.crashLog,
      statusBar: () => statusBarState(statusBar),
      plansTree: () => plansTree(plans.view),
      exitWorkers: () => engine?.exitWorkers(),
      breakRule: (id) => engine?.breakRule(id),
      injectFaults: (faults) => engine?.injectFaults(faults),
      workerLog: linter.trouble.workerLog,
      lintsInFlight: () => engine?.inFlight() ?? {},
    },
    onDidRefreshPlans: plans.view.onDidRefresh,
    onDidLint: linter.onDidLint,
    whenLinted: (uri, minVersion) => linter.whenLinted(uri, minVersion),
  };
}
