// The config talks while you type: a `.testbed-lint.{yaml,yml,json}` open with unsaved changes is checked from its
// buffer (the core's parseConfigText, the same check the resolver runs on the saved file), so a typo is underlined and
// offers its fix before saving. Once saved (or reverted), the file's own errors, from WorkspaceConfig, show again.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { parseConfigText, rules, type ConfigError } from '../../api/index.js';
import { CONFIG_FILE, type ConfigSource } from './workspace-config.js';

/** Config errors per file, as the diagnostics and the config quick fixes read them. */
export type ConfigErrors = Pick<ConfigSource, 'errors' | 'onDidChangeErrors'>;

/** Milliseconds after the last keystroke before an unsaved config is checked again. */
const CHECK_DELAY_MS = 200;

/** The errors of an unsaved config buffer, located in it (its `extends` are not followed until it is saved). */
export function draftErrors(text: string, path: string): ConfigError[] {
  return parseConfigText(text, rules).problems.map((p) => ({ file: path, ...p }));
}

/**
 * The saved configs' errors (`saved`), with those of each config edited and not saved replaced by its buffer's own.
 * What a buffer cannot say (a file it extends that is missing or broken) shows again once it is saved.
 */
export class ConfigDrafts implements ConfigErrors, vscode.Disposable {
  private readonly drafts = new Map<string, { uri: vscode.Uri; errors: ConfigError[] }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChangeErrors = this.changed.event;

  constructor(private readonly saved: ConfigErrors) {
    this.subscriptions = [
      this.changed,
      saved.onDidChangeErrors(() => this.changed.fire()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (CONFIG_FILE.test(e.document.uri.path) && e.contentChanges.length > 0) this.schedule(e.document);
      }),
      // Saved: the file is read again by the config change handler; closed unsaved: the file on disk is what counts.
      vscode.workspace.onDidSaveTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    ];
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const s of this.subscriptions) s.dispose();
  }

  errors(): readonly { uri: vscode.Uri; errors: readonly ConfigError[] }[] {
    const out = this.saved.errors().filter((f) => !this.drafts.has(f.uri.toString()));
    return [...out, ...[...this.drafts.values()].filter((d) => d.errors.length > 0)];
  }

  /** Checks `document` now (tests; the typing path waits CHECK_DELAY_MS). */
  check(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (!document.isDirty) {
      this.forget(document.uri);
      return;
    }
    this.drafts.set(key, { uri: document.uri, errors: draftErrors(document.getText(), document.uri.path) });
    this.changed.fire();
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => this.check(document), CHECK_DELAY_MS),
    );
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (this.drafts.delete(key)) this.changed.fire();
  }
}
