// The lint controller: owns each document's last result, the debounce timers, which tabs are open, and the incremental
// lint session. Providers (diagnostics, code actions, hover, completion, commands, status bar, plans view) read from it.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import {
  checkLintConfig,
  DEFAULT_MAX_FILE_SIZE,
  formOf,
  isPlan,
  lintTooLarge,
  parsePlan,
  rules,
  summarizePlan,
  type LintConfig,
  type LintOptions,
  type PlanDocument,
  type PlanSummary,
  type Problem,
  type RuleCrash,
  type RuleEntry,
} from '../../api/index.js';
import type { ConfigSource } from '../config/workspace-config.js';
import type { ConfigNotice } from '../config/workspace-config.js';
import { InThreadEngine, type LintEngine } from './engine.js';
import { WorkerTrouble } from './worker-trouble.js';

export interface LintEvent {
  uri: vscode.Uri;
  version: number;
  /** False when the document is not a plan, is ignored, or linting is off: it then has no diagnostics. */
  linted: boolean;
  problems: readonly Problem[];
  /** Rules whose check threw during this lint (each is logged once to the output channel). */
  crashes: readonly string[];
  /**
   * Why the plan could not be checked: its lint stopped the lint worker, or it is quarantined for doing so
   * (worker-trouble.ts). One error at 1:1 (code `internal-error`) that offers "Check again"; `linted` is false.
   */
  internalError?: string;
}

/** A document's lint, with what the providers need: the parsed plan and the options it was linted with. */
export interface LintResult extends LintEvent {
  doc?: PlanDocument;
  options?: LintOptions;
  /** Shown instead of problems when the plan is not linted for a reason the user should see (too large). */
  notice?: string;
  /** The plan's config file has errors: the plan was linted with its valid part (or the defaults). */
  configNotice?: ConfigNotice;
}

/** Lint options in the editor: the core's, and what is wrong with the config they come from. */
export interface EditorLintOptions extends LintOptions {
  configNotice?: ConfigNotice;
}

/** As the CLI's --max-file-size default (5 MB): the core's one constant. */
export { DEFAULT_MAX_FILE_SIZE };

/** What the providers use of the controller; unit tests give them a fake. */
export interface Linter {
  readonly onDidLint: vscode.Event<LintResult>;
  /** Fires when a document's result is dropped (its tab closed, the document closed). */
  readonly onDidForget: vscode.Event<vscode.Uri>;
  /** The last result of `uri`, whatever its version. */
  result(uri: vscode.Uri): LintResult | undefined;
  /** The result for the document's current text, linting now if the stored one is older. */
  current(document: vscode.TextDocument): Promise<LintResult>;
  /**
   * Lints a file's text as the editor does (same config), without touching the open documents' state, and summarises
   * the plan as of `today` (YYYY-MM-DD); undefined when it is not linted (off, or skipped by its config). Throws when
   * no lint worker answered (it stopped meanwhile).
   */
  summarizeFile(uri: vscode.Uri, text: string, today: string): Promise<PlanSummary | undefined>;
  /** The lint options (config or settings) for a plan at `uri`; undefined when it is ignored or linting is off. */
  optionsFor(uri: vscode.Uri, path: string, form?: 'markdown' | 'yaml'): Promise<EditorLintOptions | undefined>;
}

type Log = { appendLine(line: string): void };

export class LintController implements Linter, vscode.Disposable {
  private readonly results = new Map<string, LintResult>();
  /** The config epoch (bumped by relintAll) each result was linted in: one from an older config is not current. */
  private readonly resultEpochs = new Map<string, number>();
  private configEpoch = 0;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Bumped when a document is forgotten: a lint still running for it then publishes nothing. */
  private readonly generations = new Map<string, number>();
  // Why: VS Code keeps a document alive for a while after its last editor tab closes (onDidCloseTextDocument comes
  // late, if at all), so a pending lint would put diagnostics back for a file the user just closed.
  private readonly closedTabs = new Set<string>();
  private readonly crashedRules = new Set<string>();
  private readonly skipNotes = new Set<string>();
  private badSettingsLogged = '';
  private readonly linted = new vscode.EventEmitter<LintResult>();
  private readonly forgotten = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidLint = this.linted.event;
  readonly onDidForget = this.forgotten.event;
  /** The rule-crash lines logged, for tests. */
  readonly crashLog: string[] = [];
  /** Lints that stopped the lint worker: logged, reported on their plan, quarantined when repeated. */
  readonly trouble: WorkerTrouble;
  private summaries = 0;

  /**
   * @param engine where lints run: in workers in the extension (activate.ts), in-thread by default. It keeps the
   *   incremental session, which re-parses only the blocks an edit touched, so linting on every keystroke stays cheap.
   */
  constructor(
    private readonly config: ConfigSource,
    private readonly output: Log,
    private readonly engine: LintEngine = new InThreadEngine(),
  ) {
    this.trouble = new WorkerTrouble(output, (key) => {
      const d = vscode.workspace.textDocuments.find(
        (x) => x.uri.toString() === key && !x.isClosed && !this.closedTabs.has(key),
      );
      if (d) void this.lint(d);
    });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.engine.dispose();
    this.linted.dispose();
    this.forgotten.dispose();
  }

  private settings() {
    return vscode.workspace.getConfiguration('testbedLint');
  }

  enabled(): boolean {
    return this.settings().get<boolean>('enable', true);
  }

  /** Registers the document, tab and settings events that drive linting. */
  listen(): vscode.Disposable[] {
    const tabUri = (tab: vscode.Tab) => (tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined);
    const hasTab = (uri: vscode.Uri) =>
      vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => tabUri(t)?.toString() === uri.toString()));
    return [
      vscode.workspace.onDidOpenTextDocument((d) => void this.lint(d)),
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.closed) {
          const uri = tabUri(tab);
          if (uri && !hasTab(uri)) {
            this.closedTabs.add(uri.toString());
            this.forget(uri);
          }
        }
        for (const tab of e.opened) {
          const uri = tabUri(tab);
          if (!uri || !this.closedTabs.delete(uri.toString())) continue;
          const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri.toString());
          if (d) void this.lint(d);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        if (this.settings().get<string>('run', 'onType') === 'onType') this.schedule(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => void this.lint(d)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.forget(d.uri);
        this.engine.close(this.pathOf(d.uri, d.languageId));
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('testbedLint')) this.relintAll();
      }),
    ];
  }

  result(uri: vscode.Uri): LintResult | undefined {
    return this.results.get(uri.toString());
  }

  current(document: vscode.TextDocument): Promise<LintResult> {
    const key = document.uri.toString();
    const r = this.results.get(key);
    // Why: after a config change a kept result holds the old config until the re-lint lands; ask again now.
    return r && r.version === document.version && this.resultEpochs.get(key) === this.configEpoch
      ? Promise.resolve(r)
      : this.lint(document);
  }

  relintAll(): void {
    this.configEpoch++;
    for (const d of vscode.workspace.textDocuments) if (!d.isClosed) void this.lint(d);
  }

  /** Resolves with the first lint of `uri` at `minVersion` or later (default: the open document's version). */
  whenLinted(uri: vscode.Uri, minVersion?: number): Promise<LintEvent> {
    const want =
      minVersion ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.version ?? 0;
    const r = this.results.get(uri.toString());
    if (r && r.version >= want) return Promise.resolve(eventOf(r));
    return new Promise((resolve) => {
      const sub = this.onDidLint((e) => {
        if (e.uri.toString() === uri.toString() && e.version >= want) {
          sub.dispose();
          resolve(eventOf(e));
        }
      });
    });
  }

  /** Lints after the debounce delay (typing); a newer change restarts the delay. */
  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const delay = Math.max(0, this.settings().get<number>('debounce', 250));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed && !this.closedTabs.has(key)) void this.lint(document);
      }, delay),
    );
  }

  /** Drops a document's result and pending lint; its diagnostics go with it. */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    this.resultEpochs.delete(key);
    this.trouble.forget(key, uri.scheme === 'untitled');
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.forgotten.fire(uri);
  }

  /** The path used to pick the form; untitled documents get an extension from their language. */
  private pathOf(uri: vscode.Uri, languageId: string): string {
    const p = uri.scheme === 'file' ? uri.fsPath : uri.path;
    if (formOf(p) !== undefined) return p;
    return `${p}.${languageId === 'yaml' ? 'yaml' : 'md'}`;
  }

  /** Lints the document's current text and publishes the result. */
  async lint(document: vscode.TextDocument): Promise<LintResult> {
    const version = document.version;
    const key = document.uri.toString();
    const generation = this.generations.get(key) ?? 0;
    const epoch = this.configEpoch;
    const base: LintResult = { uri: document.uri, version, linted: false, problems: [], crashes: [] };
    // Other languages (and output channels, settings, ...) are not looked at at all.
    if (document.languageId !== 'markdown' && document.languageId !== 'yaml') return base;
    const publish = (r: LintResult): LintResult => {
      // Why: results for a version the editor has moved past would put squiggles in the wrong places, and a
      // document forgotten meanwhile (its tab closed) must not get its diagnostics back.
      if (document.version !== version || (this.generations.get(key) ?? 0) !== generation)
        return this.results.get(key) ?? base;
      this.results.set(key, r);
      this.resultEpochs.set(key, epoch);
      this.linted.fire(r);
      return r;
    };
    if (!this.enabled()) return publish(base);
    const path = this.pathOf(document.uri, document.languageId);
    const text = document.getText();
    if (!isPlan(path, text)) return publish(base);
    const options = await this.optionsFor(document.uri, path, document.languageId === 'yaml' ? 'yaml' : 'markdown');
    if (!options) return publish(base);
    const tooLarge = this.tooLarge(text, path, options.config);
    // Why: as in the CLI, a huge file is not linted, and that is a finding of the file (plan-syntax at 1:1) naming the limit.
    if (tooLarge) return publish({ ...base, linted: true, problems: tooLarge });
    const internalError = this.trouble.findingFor(key, version);
    if (internalError !== undefined) return publish({ ...base, internalError });
    try {
      const { filePath: _path, onRuleError, configNotice, ...rest } = options;
      // Why: the lint runs in a worker; a newer version of this document supersedes it (undefined), and so does a
      // worker that died meanwhile (it is restarted; this plan is linted again or gets a finding: worker-trouble.ts).
      // The options cross to the worker as plain data (settings come as proxies, which cannot be cloned).
      const plain = JSON.parse(JSON.stringify(rest)) as typeof rest;
      const reply = await this.engine.lint({ key, path, text, version, options: plain });
      if (!reply) return this.results.get(key) ?? base;
      for (const c of reply.crashes) onRuleError?.({ ruleId: c.ruleId, error: c.error });
      const result: LintResult = {
        ...base,
        linted: true,
        problems: reply.problems,
        options,
        crashes: reply.crashes.map((c) => c.ruleId),
        ...(configNotice ? { configNotice } : {}),
      };
      // The parsed document comes from the worker as text, read only when a provider needs it (hover, completion).
      Object.defineProperty(result, 'doc', { get: () => reply.doc, enumerable: true, configurable: true });
      return publish(result);
    } catch (error) {
      this.output.appendLine(
        `internal error while linting ${vscode.workspace.asRelativePath(document.uri)}: ${error instanceof Error ? error.stack : String(error)}`,
      );
      return publish(base);
    }
  }

  /** "Check again": lifts the plan's quarantine (or its stopped lint's finding) and lints it now. */
  checkAgain(uri: vscode.Uri): Promise<LintResult> | undefined {
    this.trouble.checkAgain(uri.toString());
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
    return document && this.lint(document);
  }

  /** The too-large finding of a text over `testbedLint.maxFileSize` (counted in characters); undefined under it. */
  private tooLarge(text: string, path: string, config: LintConfig | undefined): Problem[] | undefined {
    const limit = this.settings().get<number>('maxFileSize', DEFAULT_MAX_FILE_SIZE);
    if (text.length <= limit) return undefined;
    return lintTooLarge(text.length, limit, 'testbedLint.maxFileSize', { filePath: path, config, unit: 'characters' });
  }

  async summarizeFile(uri: vscode.Uri, text: string, today: string): Promise<PlanSummary | undefined> {
    if (!this.enabled()) return undefined;
    // Why: a quarantined plan is not sent to a worker again, not even for the plans view (which reads it again on
    // every refresh): the view leaves it out, as any plan no worker answered for.
    const quarantined = () => new Error(`${uri.toString()} is quarantined: its lint stopped the lint worker`);
    if (this.trouble.quarantined(uri.toString())) throw quarantined();
    const path = uri.scheme === 'file' ? uri.fsPath : uri.path;
    const options = await this.optionsFor(uri, path);
    if (!options) return undefined;
    const tooLarge = this.tooLarge(text, path, options.config);
    // Why: as in the editor's lint, a plan over the limit is not linted; the view lists it with that finding.
    // Why: a plan checked with a config that has errors carries that warning (its diagnostic) into the summary, so the
    // plans view never shows it as passing.
    const configWarnings = options.configNotice ? 1 : 0;
    if (tooLarge) return summarizePlan(parsePlan('', path), tooLarge, today, options.config, configWarnings);
    // Why: in the lint workers, as the editor's lints: the plans view reads every plan after each lint, and a huge
    // one linted and summarised here froze the extension host for seconds (keystrokes in other plans waited for it).
    // Its own key: it neither supersedes nor is superseded by the editor's lints of the same file, and leaves no state behind.
    const { filePath: _path, onRuleError: _onRuleError, configNotice: notice, ...rest } = options;
    const plain = JSON.parse(JSON.stringify(rest)) as typeof rest;
    const reply = await this.engine.lint({
      key: `${uri.toString()}#summary-${++this.summaries}`,
      path,
      text,
      version: 0,
      options: plain,
      summarize: today,
      ...(notice ? { configWarnings } : {}),
    });
    // Why: no reply means the worker stopped meanwhile, or the plan was quarantined while this read waited; the plan is
    // still a plan, so this is not an answer to keep (the view would leave it out until the file changed). Its next
    // refresh asks again.
    if (!reply) {
      if (this.trouble.quarantined(uri.toString())) throw quarantined();
      throw new Error(`the lint worker stopped before ${path} was summarised`);
    }
    for (const c of reply.crashes) options.onRuleError?.({ ruleId: c.ruleId, error: c.error });
    return reply.summary;
  }

  async optionsFor(
    uri: vscode.Uri,
    path: string,
    form: 'markdown' | 'yaml' = formOf(path) === 'yaml' ? 'yaml' : 'markdown',
  ): Promise<EditorLintOptions | undefined> {
    if (!this.enabled()) return undefined;
    const found = await this.config.forFile(uri);
    if (found?.kind === 'skip') {
      const note = `${vscode.workspace.asRelativePath(uri)} is not linted: ${found.reason}`;
      if (!this.skipNotes.has(note)) this.output.appendLine(note);
      this.skipNotes.add(note);
      return undefined;
    }
    const config = found?.file !== undefined ? found.config : this.settingsConfig();
    const options: EditorLintOptions = {
      filePath: path,
      form,
      onRuleError: (crash: RuleCrash) => {
        if (this.crashedRules.has(crash.ruleId)) return;
        this.crashedRules.add(crash.ruleId);
        const error = crash.error instanceof Error ? (crash.error.stack ?? crash.error.message) : String(crash.error);
        const line = `rule "${crash.ruleId}" crashed on ${vscode.workspace.asRelativePath(uri)}: ${error}`;
        this.crashLog.push(line);
        this.output.appendLine(line);
      },
    };
    if (config !== undefined) options.config = config;
    if (found?.kind === 'lint' && found.notice) options.configNotice = found.notice;
    return options;
  }

  /** `testbedLint.rules`, used where no config file governs a plan; invalid entries are logged and left out. */
  private settingsConfig(): LintConfig | undefined {
    const r = this.settings().get<Record<string, RuleEntry>>('rules') ?? {};
    if (Object.keys(r).length === 0) return undefined;
    const { config, problems } = checkLintConfig({ rules: r }, rules);
    if (problems.length > 0) {
      const key = problems.join('\n');
      if (key !== this.badSettingsLogged)
        this.output.appendLine(
          `testbedLint.rules: these entries are ignored, the others apply: ${problems.join('; ')}`,
        );
      this.badSettingsLogged = key;
    }
    return config;
  }
}

export const eventOf = (r: LintEvent): LintEvent => ({
  uri: r.uri,
  version: r.version,
  linted: r.linted,
  problems: r.problems,
  crashes: r.crashes,
  ...(r.internalError !== undefined ? { internalError: r.internalError } : {}),
});
