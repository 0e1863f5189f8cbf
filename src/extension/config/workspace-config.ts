// Config files for the editor: the core's one resolver (src/core/config-resolve.ts, as the CLI uses it) read through
// vscode.workspace.fs, the same code on the desktop (file://) and on the web (github.dev, vscode.dev: a virtual file
// system). A workspace's configs stay inside its folders: `extends` may not lead out, by its path or through a link.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import {
  ConfigResolver,
  isIgnoredBy,
  isInside,
  POSIX_PATHS,
  rules,
  toLintConfig,
  type ConfigError,
  type ConfigFor,
  type ConfigFs,
  type LintConfig,
} from '../../api/index.js';

export { CONFIG_NAMES, type ConfigError } from '../../api/index.js';

export const CONFIG_GLOB = '**/.testbed-lint.{yaml,yml,json}';
export const CONFIG_FILE = /[\\/]\.testbed-lint\.(ya?ml|json)$/;

/** What a plan's diagnostic says of its broken config: the file's first error, and what the plan is checked with. */
export interface ConfigNotice {
  /** The config that governs the plan (its first error may be in it or about a file it extends). */
  file: string;
  first: ConfigError;
  /** How many errors that file has. */
  count: number;
  /** True when nothing of the file could be read: the plan is checked with the defaults. */
  defaults: boolean;
}

export type ConfigVerdict =
  /**
   * Lint with this config (undefined: no config file governs the plan; the caller's default applies). A config with
   * errors still gives its valid part (or nothing: the defaults), and `notice` says what is wrong with it.
   */
  | { kind: 'lint'; config: LintConfig | undefined; file?: string; notice?: ConfigNotice }
  /** Do not lint: the plan is in its config's `ignores`. */
  | { kind: 'skip'; reason: string };

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

/**
 * The real (links resolved) native path of a `file:` URI, from the desktop's Node host; undefined for a scheme it
 * cannot serve. Without it, a config reached through a link is refused (see linkFreePath).
 */
export type NativeRealpath = (uri: vscode.Uri) => Promise<string> | undefined;

/**
 * What the editor does with a plan, from its config. Where the CLI skips a plan whose config has errors (exit 2), the
 * editor checks it with the config's valid part, and the notice says so.
 */
export function verdictOf(config: ConfigFor, path: string): ConfigVerdict {
  if (config.kind === 'none') return { kind: 'lint', config: undefined };
  if (isIgnoredBy(config, path, false, POSIX_PATHS))
    return { kind: 'skip', reason: 'it is in the "ignores" of its config' };
  const { file, errors, readable } = config.config;
  const lintConfig = toLintConfig(config);
  if (errors.length === 0) return { kind: 'lint', config: lintConfig, file };
  const first = errors.reduce((a, b) => (b.line < a.line || (b.line === a.line && b.column < a.column) ? b : a));
  return { kind: 'lint', config: lintConfig, file, notice: { file, first, count: errors.length, defaults: !readable } };
}

/** vscode.FileSystemError codes (and Node's, from NativeRealpath) in the CLI's words. */
const REASONS: Record<string, string> = {
  FileNotFound: 'no such file or directory',
  NoPermissions: 'permission denied',
  FileIsADirectory: 'is a directory',
  FileNotADirectory: 'not a directory',
  Unavailable: 'unavailable',
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ELOOP: 'too many symbolic links',
};

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && REASONS[code]) return REASONS[code];
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/** The resolver's file system over vscode.workspace.fs, for the paths of one scheme and authority. */
export function workspaceConfigFs(
  base: vscode.Uri,
  roots: () => readonly string[],
  nativeRealpath?: NativeRealpath,
): ConfigFs {
  const at = (path: string) => base.with({ path, query: '', fragment: '' });
  const stat = async (path: string) => {
    try {
      return await vscode.workspace.fs.stat(at(path));
    } catch {
      return undefined;
    }
  };
  /**
   * Where no host resolves links (the web, a virtual file system): `path` itself when no part of it inside a workspace
   * folder is a link, else a refusal, as where the link leads cannot be known.
   */
  const linkFreePath = async (path: string) => {
    const inFolder = (dir: string) => roots().some((root) => dir !== root && isInside(dir, root, POSIX_PATHS));
    for (let dir = path; inFolder(dir); dir = POSIX_PATHS.dirname(dir)) {
      if ((((await stat(dir))?.type ?? 0) & vscode.FileType.SymbolicLink) !== 0)
        throw new Error('it is reached through a symbolic link, which the editor cannot follow here');
    }
    return path;
  };
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return {
    async stat(path) {
      const st = await stat(path);
      if (st === undefined) return undefined;
      const kind =
        (st.type & vscode.FileType.File) !== 0
          ? 'file'
          : (st.type & vscode.FileType.Directory) !== 0
            ? 'directory'
            : 'other';
      return { kind, size: st.size };
    },
    async realpath(path) {
      const native = nativeRealpath?.(at(path));
      if (native === undefined) return linkFreePath(path);
      try {
        return vscode.Uri.file(await native).path;
      } catch (error) {
        throw new Error(reason(error));
      }
    },
    async readFile(path) {
      try {
        return await vscode.workspace.fs.readFile(at(path));
      } catch (error) {
        throw new Error(reason(error));
      }
    },
    decodeUtf8(bytes) {
      try {
        return decoder.decode(bytes);
      } catch {
        return undefined;
      }
    },
  };
}

export class WorkspaceConfig implements ConfigSource, vscode.Disposable {
  private readonly resolvers = new Map<string, ConfigResolver>();
  private readonly found = new Map<string, { uri: vscode.Uri; errors: ConfigError[] }>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Loads still running after a reset report nothing. */
  private generation = 0;
  readonly onDidChangeErrors = this.changed.event;

  constructor(private readonly nativeRealpath?: NativeRealpath) {}

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
    // Why: a watcher may report a change just before (or after) a delete; a deleted config has no errors to show.
    await this.resolverFor(uri).load(POSIX_PATHS.resolve('/', uri.path));
  }

  async forFile(uri: vscode.Uri): Promise<ConfigVerdict | undefined> {
    const inWorkspace = (vscode.workspace.workspaceFolders ?? []).some((f) => sameRoot(f.uri, uri));
    if (uri.scheme !== 'file' && !inWorkspace) return undefined;
    return verdictOf(await this.resolverFor(uri).forFile(uri.path), uri.path);
  }

  /** One resolver per file system (scheme and authority); paths inside it are the URIs' paths. */
  private resolverFor(uri: vscode.Uri): ConfigResolver {
    const key = `${uri.scheme}://${uri.authority}`;
    let r = this.resolvers.get(key);
    if (!r) {
      const generation = this.generation;
      const onError = (e: ConfigError) => {
        if (generation !== this.generation) return;
        const file = uri.with({ path: e.file, query: '', fragment: '' });
        const entry = this.found.get(file.toString()) ?? { uri: file, errors: [] };
        entry.errors.push(e);
        this.found.set(file.toString(), entry);
        this.changed.fire();
      };
      // Why: a config in the workspace must not pull in files from elsewhere (an untrusted repository could point
      // `extends`, or a link, at any file, whose values would then show in the errors); it stays in the open folders.
      const roots = () =>
        (vscode.workspace.workspaceFolders ?? []).filter((f) => sameRoot(f.uri, uri)).map((f) => f.uri.path);
      r = new ConfigResolver({
        fs: workspaceConfigFs(uri, roots, this.nativeRealpath),
        paths: POSIX_PATHS,
        rules,
        onError,
        roots,
      });
      this.resolvers.set(key, r);
    }
    return r;
  }
}

const sameRoot = (a: vscode.Uri, b: vscode.Uri) => a.scheme === b.scheme && a.authority === b.authority;
