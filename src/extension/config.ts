// Config for the editor: the CLI's own discovery (src/node/config.ts) over the real file system, reset when a config file changes.
import type { LintConfig } from '../core/index.js';
import type { ConfigSource } from './activate.js';
import { ConfigResolver, isIgnoredBy, toLintConfig, type ConfigError } from '../node/config.js';
import { realFs } from '../node/fs.js';

export type EditorConfigFor =
  /** Lint with this config (undefined: no config file, the caller's default applies). */
  | { kind: 'lint'; config: LintConfig | undefined; file?: string }
  /** Do not lint: the plan is in the config's `ignores`, or its config has errors (as the CLI does). */
  | { kind: 'skip'; reason: string };

/** Finds the config of a file on disk with the CLI's rules; collects config errors per config file. */
export class EditorConfig implements ConfigSource {
  private resolver!: ConfigResolver;
  /** Errors per config file, from every load since the last reset. */
  readonly errors = new Map<string, ConfigError[]>();

  /** `insideWorkspace` says whether a file may be read through `extends` (the editor refuses files outside the workspace). */
  constructor(private readonly insideWorkspace: (path: string) => boolean = () => true) {
    this.reset();
  }

  /** Forgets every cached config (call when a config file is created, changed or deleted). */
  reset(): void {
    this.errors.clear();
    this.resolver = new ConfigResolver(
      realFs,
      (e) => {
        const list = this.errors.get(e.file) ?? [];
        list.push(e);
        this.errors.set(e.file, list);
      },
      undefined,
      this.insideWorkspace,
    );
  }

  /** Loads one config file (to report its errors even before a plan uses it). */
  load(file: string): void {
    this.resolver.load(file);
  }

  forFile(path: string): EditorConfigFor {
    const config = this.resolver.forFile(path);
    if (config.kind === 'file' && !config.config.ok) return { kind: 'skip', reason: `its config ${config.config.file} has errors` };
    if (isIgnoredBy(config, path, false)) return { kind: 'skip', reason: 'it is in the "ignores" of its config' };
    return config.kind === 'file' ? { kind: 'lint', config: toLintConfig(config), file: config.config.file } : { kind: 'lint', config: undefined };
  }
}
