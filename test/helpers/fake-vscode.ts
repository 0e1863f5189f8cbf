// A small stand-in for the `vscode` module, enough for the extension's modules to run under vitest
// (`vi.mock('vscode', () => import('../helpers/fake-vscode.js'))`). State the tests steer lives in `fake`.

type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
  private listeners = new Set<Listener<T>>();
  readonly event = (l: Listener<T>) => {
    this.listeners.add(l);
    return { dispose: () => this.listeners.delete(l) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query: string,
    readonly fragment: string,
  ) {}
  static parse(s: string): Uri {
    const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(s);
    if (!m) throw new Error(`not a URI: ${s}`);
    return new Uri(m[1]!, m[2] ?? '', decodeURIComponent(m[3]!), decodeURIComponent(m[4] ?? ''), m[5] ?? '');
  }
  static file(path: string): Uri {
    return new Uri('file', '', path, '', '');
  }
  static from(c: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(c.scheme, c.authority ?? '', c.path ?? '', c.query ?? '', c.fragment ?? '');
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    // As VS Code's: `.` and `..` segments are resolved.
    const out: string[] = [];
    for (const seg of [base.path.replace(/\/$/, ''), ...parts].join('/').split('/')) {
      if (seg === '..') {
        if (out.length > 1) out.pop();
      } else if (seg !== '.') out.push(seg);
    }
    return base.with({ path: out.join('/') || '/' });
  }
  get fsPath(): string {
    return this.path;
  }
  with(c: { scheme?: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(
      c.scheme ?? this.scheme,
      c.authority ?? this.authority,
      c.path ?? this.path,
      c.query ?? this.query,
      c.fragment ?? this.fragment,
    );
  }
  toJSON(): unknown {
    return {
      scheme: this.scheme,
      authority: this.authority,
      path: this.path,
      query: this.query,
      fragment: this.fragment,
    };
  }
  toString(): string {
    const auth = this.authority || this.scheme === 'file' ? `//${this.authority}` : '';
    return `${this.scheme}:${auth}${this.path}${this.query ? `?${encodeURIComponent(this.query)}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: number | Position, b: number | Position, c?: number, d?: number) {
    if (typeof a === 'number') {
      this.start = new Position(a, b as number);
      this.end = new Position(c!, d!);
    } else {
      this.start = a;
      this.end = b as Position;
    }
  }
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export class Diagnostic {
  source?: string;
  code?: string | number | { value: string | number; target: Uri };
  relatedInformation?: DiagnosticRelatedInformation[];
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  ) {}
}

export class Location {
  constructor(
    readonly uri: Uri,
    readonly range: Range,
  ) {}
}

export class DiagnosticRelatedInformation {
  constructor(
    readonly location: Location,
    readonly message: string,
  ) {}
}

export class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Source = new CodeActionKind('source');
  static readonly SourceFixAll = new CodeActionKind('source.fixAll');
  private constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other: CodeActionKind): boolean {
    return this.value === other.value || other.value.startsWith(`${this.value}.`);
  }
  intersects(other: CodeActionKind): boolean {
    return this.contains(other) || other.contains(this);
  }
}

export class WorkspaceEdit {
  readonly edits: { uri: Uri; range: Range; text: string }[] = [];
  replace(uri: Uri, range: Range, text: string): void {
    this.edits.push({ uri, range, text });
  }
  insert(uri: Uri, at: Position, text: string): void {
    this.edits.push({ uri, range: new Range(at, at), text });
  }
}

export class CodeAction {
  edit?: WorkspaceEdit;
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  command?: { title: string; command: string; arguments?: unknown[] };
  constructor(
    readonly title: string,
    readonly kind?: CodeActionKind,
  ) {}
}

export class MarkdownString {
  constructor(public value = '') {}
  appendMarkdown(s: string): this {
    this.value += s;
    return this;
  }
}

export class Hover {
  readonly contents: MarkdownString[];
  constructor(
    contents: MarkdownString,
    readonly range?: Range,
  ) {
    this.contents = [contents];
  }
}

export enum CompletionItemKind {
  Property = 9,
  EnumMember = 19,
}

export class CompletionItem {
  insertText?: string;
  detail?: string;
  constructor(
    readonly label: string,
    readonly kind?: CompletionItemKind,
  ) {}
}

export class SnippetString {
  constructor(readonly value: string) {}
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export enum FileType {
  Unknown = 0,
  File = 1,
  Directory = 2,
  SymbolicLink = 64,
}

export class TabInputText {
  constructor(readonly uri: Uri) {}
}

export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: unknown,
  ) {}
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

/** What a test steers: settings, open documents, workspace folders, files, the active editor; and what it observes. */
export const fake = {
  settings: {} as Record<string, unknown>,
  textDocuments: [] as FakeDocument[],
  workspaceFolders: [] as { uri: Uri }[],
  files: new Map<string, string>(),
  /** What stat says of a URI, over what `files` gives (a link's type bits, a FIFO, a size): URI string → stat. */
  stats: new Map<string, { type: FileType; size: number }>(),
  activeTextEditor: undefined as { document: FakeDocument } | undefined,
  statusBarItems: [] as FakeStatusBarItem[],
  executed: [] as { command: string; args: unknown[] }[],
  /** Commands registered through commands.registerCommand. */
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  /** Messages shown (information, warning, error) with their buttons. */
  messages: [] as { kind: string; text: string; items: string[] }[],
  /** What the next showInformationMessage / showQuickPick / showInputBox answer (the button or pick label); shifted. */
  answers: [] as (string | undefined)[],
  reset(): void {
    this.commands = new Map();
    this.messages = [];
    this.answers = [];
    this.settings = {};
    this.textDocuments = [];
    this.workspaceFolders = [];
    this.files = new Map();
    this.stats = new Map();
    this.activeTextEditor = undefined;
    this.statusBarItems = [];
    this.executed = [];
  },
};

export class FakeStatusBarItem {
  text = '';
  tooltip: unknown;
  command: unknown;
  visible = false;
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  dispose(): void {}
}

/** A text document over a string; `setText` makes a new version. */
export class FakeDocument {
  version = 1;
  isClosed = false;
  constructor(
    readonly uri: Uri,
    private text: string,
    readonly languageId = uri.path.endsWith('.yaml') || uri.path.endsWith('.yml') ? 'yaml' : 'markdown',
  ) {}
  getText(): string {
    return this.text;
  }
  setText(text: string): void {
    this.text = text;
    this.version++;
  }
  offsetAt(p: Position): number {
    const lines = this.text.split('\n');
    let offset = 0;
    for (let i = 0; i < p.line; i++) offset += lines[i]!.length + 1;
    return offset + p.character;
  }
  positionAt(offset: number): Position {
    const before = this.text.slice(0, offset).split('\n');
    return new Position(before.length - 1, before[before.length - 1]!.length);
  }
}

const noop = () => ({ dispose() {} });

export const workspace = {
  getConfiguration: () => ({
    get: <T>(key: string, fallback?: T): T | undefined => (key in fake.settings ? (fake.settings[key] as T) : fallback),
  }),
  get textDocuments() {
    return fake.textDocuments;
  },
  get workspaceFolders() {
    return fake.workspaceFolders;
  },
  asRelativePath(uri: Uri): string {
    const folder = fake.workspaceFolders.find((f) => uri.path.startsWith(`${f.uri.path}/`));
    return folder ? uri.path.slice(folder.uri.path.length + 1) : uri.path;
  },
  fs: {
    async stat(uri: Uri) {
      const stat = fake.stats.get(uri.toString());
      if (stat) return stat;
      const text = fake.files.get(uri.toString());
      if (text !== undefined) return { type: FileType.File, size: new TextEncoder().encode(text).length };
      const dir = `${uri.toString()}/`;
      if ([...fake.files.keys()].some((k) => k.startsWith(dir))) return { type: FileType.Directory, size: 0 };
      throw Object.assign(new Error(`${uri.toString()} not found`), { code: 'FileNotFound' });
    },
    async writeFile(uri: Uri, bytes: Uint8Array) {
      fake.files.set(uri.toString(), new TextDecoder().decode(bytes));
    },
    async createDirectory(_uri: Uri) {},
    async readFile(uri: Uri) {
      const text = fake.files.get(uri.toString());
      if (text === undefined) throw Object.assign(new Error(`${uri.toString()} not found`), { code: 'FileNotFound' });
      return new TextEncoder().encode(text);
    },
  },
  getWorkspaceFolder(uri: Uri) {
    return fake.workspaceFolders.find((f) => uri.path.startsWith(`${f.uri.path}/`));
  },
  async findFiles(): Promise<Uri[]> {
    return [...fake.files.keys()].filter((k) => /\.(md|markdown|ya?ml)$/.test(k)).map((k) => Uri.parse(k));
  },
  async openTextDocument(uri: Uri): Promise<FakeDocument> {
    const open = fake.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open;
    const text = fake.files.get(uri.toString());
    if (text === undefined) throw new Error(`${uri.toString()} not found`);
    const doc = new FakeDocument(uri, text);
    fake.textDocuments.push(doc);
    return doc;
  },
  onDidOpenTextDocument: noop,
  onDidChangeTextDocument: noop,
  onDidSaveTextDocument: noop,
  onDidCloseTextDocument: noop,
  onDidChangeConfiguration: noop,
};

export const languages = {
  registerCodeActionsProvider: noop,
};

export const window = {
  get activeTextEditor() {
    return fake.activeTextEditor;
  },
  onDidChangeActiveTextEditor: noop,
  tabGroups: { all: [], onDidChangeTabs: noop },
  async showInformationMessage(text: string, ...items: string[]): Promise<string | undefined> {
    fake.messages.push({ kind: 'information', text, items });
    return fake.answers.shift();
  },
  async showWarningMessage(text: string, ...items: string[]): Promise<string | undefined> {
    fake.messages.push({ kind: 'warning', text, items });
    return fake.answers.shift();
  },
  async showErrorMessage(text: string, ...items: string[]): Promise<string | undefined> {
    fake.messages.push({ kind: 'error', text, items });
    return fake.answers.shift();
  },
  async showQuickPick<T extends { label: string }>(items: readonly T[]): Promise<T | undefined> {
    const label = fake.answers.shift();
    return items.find((i) => i.label === label);
  },
  async showInputBox(): Promise<string | undefined> {
    return fake.answers.shift();
  },
  createStatusBarItem(): FakeStatusBarItem {
    const item = new FakeStatusBarItem();
    fake.statusBarItems.push(item);
    return item;
  },
};

export const commands = {
  registerCommand(command: string, handler: (...args: unknown[]) => unknown) {
    fake.commands.set(command, handler);
    return { dispose: () => fake.commands.delete(command) };
  },
  async executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    fake.executed.push({ command, args });
    return undefined;
  },
};

export const l10n = {
  t(message: string, ...args: unknown[]): string {
    return message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
  },
};
