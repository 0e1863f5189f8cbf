// How long the extension's bundle takes to load (the goal: under 100 ms), in fresh processes. The `vscode` module is a
// stub: the bundle only reads a few of its members at load time; activate() itself only registers providers.
//   node bench/activation.mjs [--runs 5]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
if (!existsSync(`${root}dist/extension.js`))
  execFileSync(process.execPath, [`${root}scripts/build.mjs`], { stdio: 'inherit' });
const probe = `
const Module = require('module'); const orig = Module._load;
const fn = () => new Proxy(function () {}, { get: (t, k) => (k === 'prototype' ? {} : fn()), apply: () => fn(), construct: () => fn() });
const stub = {};
for (const k of ['CodeActionKind', 'languages', 'window', 'workspace', 'commands', 'Uri', 'EventEmitter', 'l10n', 'Range', 'Position', 'Diagnostic', 'DiagnosticSeverity', 'StatusBarAlignment', 'ThemeIcon', 'ThemeColor', 'TreeItem', 'TreeItemCollapsibleState', 'MarkdownString', 'CodeAction', 'WorkspaceEdit', 'Hover', 'CompletionItem', 'CompletionItemKind', 'SnippetString', 'DiagnosticRelatedInformation', 'Location', 'TabInputText', 'ConfigurationTarget', 'Disposable']) stub[k] = fn();
Module._load = function (req, ...rest) { return req === 'vscode' ? stub : orig.call(this, req, ...rest); };
const t = performance.now(); const m = require(${JSON.stringify(`${root}dist/extension.js`)});
if (typeof m.activate !== 'function') throw new Error('no activate');
process.stdout.write(String(performance.now() - t));`;
const times = [];
for (let i = 0; i < runs; i++) times.push(Number(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' })));
times.sort((a, b) => a - b);
console.log(
  `extension bundle load: median ${times[Math.floor(times.length / 2)].toFixed(1)} ms over ${runs} fresh processes (runs: ${times.map((t) => t.toFixed(1)).join(', ')}); goal < 100 ms`,
);
