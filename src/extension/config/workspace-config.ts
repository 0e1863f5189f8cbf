// Config files for the editor, read through vscode.workspace.fs: the same code on the desktop (file://) and on the web
// (github.dev, vscode.dev: a virtual file system), so both give the CLI's findings for the same folder.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { AsyncConfigResolver, isInside, type ConfigError, type ConfigReader, type ConfigVerdict } from './resolver.js';

export const CONFIG_GLOB = '**/.testbed-lint.{yaml,yml,json}';
export const CONFIG_FILE = /[\\/]\.testbed-lint\.(ya?ml|json)$/;

/** Where a plan's config comes from; a fake in unit tests. */
export interface ConfigSource {
  /** Fires when the set of config errors changed. */
  readonly onDidChangeErrors: vscode.Event<void>;
  /** Errors per config file, from every load since the last reset. */
  errors(): readonly { uri: vscode.Uri; errors: readonly ConfigError[] }[];
  /** Forgets every cached config (a config file was created, changed or deleted). */
  reset(): void;
  /** Loads a config file to report its errors before a plan uses it. */
  load(uri: vscode.Uri): Promise<void>;
  /** The config of the document at `uri`; undefined where no file system serves it (untitled: the settings apply). */
  forFile(uri: vscode.Uri): Promise<ConfigVerdict | undefined>;
}

/** vscode.FileSystemError codes in the CLI's words. */
const REASONS: Record<string, string> = {
  FileNotFound: 'no such file or directory',
  NoPermissions: 'permission denied',
  FileIsADirectory: 'is a directory',
  FileNotADirectory: 'not a directory',
  Unavailable: 'unavailable',
};

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && REASONS[code]) return REASONS[code]!;
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

export class WorkspaceConfig implements ConfigSource, vscode.Disposable {
  private readonly resolvers = new Map<string, AsyncConfigResolver>();
  private readonly found = new Map<string, { uri: vscode.Uri; errors: ConfigError[] }>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Loads still running after a reset report nothing. */
  private generation = 0;
  readonly onDidChangeErrors = this.changed.event;

  dispose(): void {
    this.changed.dispose();
  }

  errors(): readonly { uri: vscode.Uri; errors: readonly ConfigError[] }[] {
    return [...this.found.values()];
  }

  reset(): void {
    this.generation++;
    this.resolvers.clear();
    const had = this.found.size > 0;
    this.found.clear();
    if (had) this.changed.fire();
  }

  async load(uri: vscode.Uri): Promise<void> {
    await this.resolverFor(uri).load(uri.path);
  }

  async forFile(uri: vscode.Uri): Promise<ConfigVerdict | undefined> {
    const inWorkspace = (vscode.workspace.workspaceFolders ?? []).some((f) => sameRoot(f.uri, uri));
    if (uri.scheme !== 'file' && !inWorkspace) return undefined;
    return this.resolverFor(uri).forFile(uri.path);
  }

  /** One resolver per file system (scheme and authority); paths inside it are the URIs' paths. */
  private resolverFor(uri: vscode.Uri): AsyncConfigResolver {
    const key = `${uri.scheme}://${uri.authority}`;
    let r = this.resolvers.get(key);
    if (!r) {
      const at = (path: string) => uri.with({ path, query: '', fragment: '' });
      const reader: ConfigReader = {
        isFile: async (path) => {
          try {
            return ((await vscode.workspace.fs.stat(at(path))).type & vscode.FileType.File) !== 0;
          } catch {
            return false;
          }
        },
        read: async (path) => {
          try {
            return await vscode.workspace.fs.readFile(at(path));
          } catch (error) {
            throw new Error(reason(error));
          }
        },
      };
      // Why: a config in the workspace must not pull in files from elsewhere (an untrusted repository could point
      // `extends` at any path); `extends` stays inside the open folders.
      const mayExtend = (path: string) =>
        (vscode.workspace.workspaceFolders ?? []).some((f) => sameRoot(f.uri, uri) && path !== f.uri.path && isInside(path, f.uri.path));
      const generation = this.generation;
      const onError = (e: ConfigError) => {
        if (generation !== this.generation) return;
        const file = at(e.file);
        const entry = this.found.get(file.toString()) ?? { uri: file, errors: [] };
        entry.errors.push(e);
        this.found.set(file.toString(), entry);
        this.changed.fire();
      };
      r = new AsyncConfigResolver(reader, onError, mayExtend);
      this.resolvers.set(key, r);
    }
    return r;
  }
}

const sameRoot = (a: vscode.Uri, b: vscode.Uri) => a.scheme === b.scheme && a.authority === b.authority;
