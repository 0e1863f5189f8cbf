// The web entry (github.dev, vscode.dev) runs in a web worker extension host: no DOM, no Node. The first line of
// defence, before the real worker-host suite (npm run test:web): the built bundle, the one the VSIX packs, loads in a
// sandbox that has only a worker's globals and a stubbed `vscode`, and needs nothing else at run time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const bundlePath = join(root, 'dist/web/extension.js');

/** Anything the bundle may touch on `vscode` at load time (`class X extends vscode.TreeItem`, `CodeActionKind.SourceFixAll.append(...)`). */
function anything(): unknown {
  const target = function () {} as unknown as object;
  return new Proxy(target, {
    get: (_t, key) => (key === 'then' || typeof key === 'symbol' ? undefined : key === 'prototype' ? {} : anything()),
    apply: () => anything(),
    construct: () => anything() as object,
  });
}

// The namespaces and classes of the vscode API the extension uses (esbuild copies a module's own keys, so a bare Proxy will not do).
const VSCODE_API = [
  'CodeAction',
  'CodeActionKind',
  'CompletionItem',
  'CompletionItemKind',
  'ConfigurationTarget',
  'Diagnostic',
  'DiagnosticRelatedInformation',
  'DiagnosticSeverity',
  'Disposable',
  'EventEmitter',
  'Hover',
  'Location',
  'MarkdownString',
  'Position',
  'Range',
  'RelativePattern',
  'SnippetString',
  'StatusBarAlignment',
  'TabInputText',
  'ThemeIcon',
  'TreeItem',
  'TreeItemCollapsibleState',
  'Uri',
  'ViewColumn',
  'WorkspaceEdit',
  'commands',
  'env',
  'extensions',
  'l10n',
  'languages',
  'window',
  'workspace',
];

/** Evaluates a CommonJS bundle as a web worker extension host does: globals of a worker only (no document, window,
 * process, Buffer, require, global), `require` answering `vscode` only. Returns its exports or throws its load error. */
function loadInWorkerSandbox(code: string): Record<string, unknown> {
  const worker = {
    console,
    setTimeout: () => 0,
    clearTimeout: () => undefined,
    setInterval: () => 0,
    clearInterval: () => undefined,
    queueMicrotask,
    structuredClone,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    AbortController,
    EventTarget,
    Event,
    atob,
    btoa,
    crypto: globalThis.crypto,
    performance,
    navigator: { userAgent: 'web worker', language: 'en' },
  };
  const context = vm.createContext({ ...worker });
  vm.runInContext('globalThis.self = globalThis;', context);
  const module = { exports: {} as Record<string, unknown> };
  const requireInWorker = (id: string) => {
    if (id === 'vscode') return Object.fromEntries(VSCODE_API.map((name) => [name, anything()]));
    throw new Error(`a web worker cannot require("${id}")`);
  };
  const wrapper = vm.runInContext(`(function (exports, require, module) {${code}\n})`, context, {
    filename: 'dist/web/extension.js',
  }) as (e: unknown, r: unknown, m: unknown) => void;
  wrapper(module.exports, requireInWorker, module);
  return module.exports;
}

describe('web extension bundle (dist/web/extension.js, the file the VSIX packs)', () => {
  let code: string;
  beforeAll(() => {
    code = readFileSync(bundlePath, 'utf8');
  });

  it('loads in a web worker sandbox (no DOM, no Node) and exports activate and deactivate', () => {
    const exports = loadInWorkerSandbox(code);
    expect(Object.keys(exports).sort()).toEqual(['activate', 'deactivate']);
    expect(typeof exports['activate']).toBe('function');
  });

  it('the sandbox catches a DOM build: the same entry bundled without the worker condition fails to load', async () => {
    // esbuild's `browser` condition alone picks decode-named-character-reference's DOM build (document.createElement
    // at load): the failure a VS Code web worker host showed before scripts/build.mjs added conditions: ['worker'].
    const out = await esbuild.build({
      entryPoints: ['src/extension/web.ts'],
      absWorkingDir: root,
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'browser',
      target: 'es2022',
      external: ['vscode'],
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    expect(() => loadInWorkerSandbox(out.outputFiles[0]!.text)).toThrow(/document is not defined/);
  });

  it('needs nothing but the vscode module at run time, and bundles no Node-only code', () => {
    expect([...new Set([...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]))]).toEqual(['vscode']);
    // A worker has no `process`; the one use allowed is guarded by a typeof check (the `ignore` package's Windows detection).
    const unguarded = code.replaceAll('typeof process !== "undefined" && process.platform', '');
    expect(unguarded).not.toMatch(/\bprocess\.(env|cwd|platform|versions)\b/);
    expect(code).not.toMatch(/\bdocument\.createElement\b/);
    // esbuild marks each bundled module with a "// path" line: none is the CLI's or the Node file-system layer.
    const inputs = [...code.matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)].map((m) => m[1]!);
    expect(inputs).toContain('src/extension/web.ts');
    expect(inputs.filter((f) => f.startsWith('src/cli/') || f.startsWith('src/node/'))).toEqual([]);
  });
});
