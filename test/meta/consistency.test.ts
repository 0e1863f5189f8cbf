// Consistency gates (house style 2.5): registry, ids, docs, messages, generated files and the pure core.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION, docsUrlFor, fixableWord, presetRules, rules } from '../../src/api/index.js';
import { DEFAULT_MAX_FILE_SIZE } from '../../src/api/index.js';
import {
  CONFIG_SCHEMA_PATH,
  configSchemaText,
  readmeRuleTable,
  README_END,
  README_START,
  SNIPPET_PATHS,
  snippetsText,
} from '../../scripts/generated.js';
import { readRuleDoc } from '../helpers/rule-docs.js';

const ROOT = join(__dirname, '../..');
const RULES_DIR = join(ROOT, 'src/rules');

/** The spec's catalogue (../shared/spec/testbed-plan.md, "Rules" and v2's "New rules"); checked against the spec itself when it is beside the repo. */
const SPEC_IDS = [
  'plan-syntax',
  'plan-schema',
  'plan-unknown-key',
  'customer-named',
  'customer-rationale',
  'customer-not-premier',
  'customer-conditions',
  'iteration-log',
  'iteration-dated',
  'iteration-order',
  'iteration-change',
  'iteration-feedback',
  'iteration-depth',
  'iteration-stale',
  'counterparts-listed',
  'counterparts-cross-functional',
  'counterpart-early',
  'counterpart-benefit',
  'counterpart-finance',
  'counterpart-back-end',
  'aims-stated',
  'metric-outside-in',
  'metric-worst-case',
  'scale-up-plan',
  'journey-moments',
  'feedback-qualitative',
  'review-horizon',
  'iteration-front-line-only',
];

/** Spec rules not registered yet (none now: all 28 are). Each must NOT be registered: when it is, remove it from here. */
const PENDING: readonly string[] = [];

/** The spec's default severity: in the `recommended` preset, and in `strict` where the spec states it (v2's new rules). */
const SPEC_DEFAULTS: Record<string, { recommended: string; strict?: string }> = {
  'plan-syntax': { recommended: 'error' },
  'plan-schema': { recommended: 'error' },
  'plan-unknown-key': { recommended: 'warning' },
  'customer-named': { recommended: 'error' },
  'customer-rationale': { recommended: 'error' },
  'customer-not-premier': { recommended: 'warning' },
  'customer-conditions': { recommended: 'warning' },
  'iteration-log': { recommended: 'error' },
  'iteration-dated': { recommended: 'error' },
  'iteration-order': { recommended: 'warning' },
  'iteration-change': { recommended: 'error' },
  'iteration-feedback': { recommended: 'warning' },
  'iteration-depth': { recommended: 'warning' },
  'iteration-stale': { recommended: 'warning' },
  'counterparts-listed': { recommended: 'error' },
  'counterparts-cross-functional': { recommended: 'warning' },
  'counterpart-early': { recommended: 'warning' },
  'counterpart-benefit': { recommended: 'warning' },
  'counterpart-finance': { recommended: 'warning' },
  'counterpart-back-end': { recommended: 'info' },
  'aims-stated': { recommended: 'warning' },
  'metric-outside-in': { recommended: 'warning' },
  'metric-worst-case': { recommended: 'info' },
  'scale-up-plan': { recommended: 'warning' },
  'journey-moments': { recommended: 'info', strict: 'warning' },
  'feedback-qualitative': { recommended: 'info', strict: 'warning' },
  'review-horizon': { recommended: 'warning', strict: 'warning' },
  'iteration-front-line-only': { recommended: 'off', strict: 'info' },
};

/** The spec's "Drafts are to-do lists": rules about something missing, a to-do (at most info) on a draft. */
const SPEC_DRAFT_TODO = [
  'customer-named',
  'customer-rationale',
  'customer-conditions',
  'iteration-log',
  'counterparts-listed',
  'counterparts-cross-functional',
  'counterpart-finance',
  'counterpart-back-end',
  'aims-stated',
  'metric-outside-in',
  'journey-moments',
];

const SPEC_PATH = join(ROOT, '../shared/spec/testbed-plan.md');

/** The spec's rule catalogue rows: tables whose header is `| id | default ... |` (not v2's "v2 meaning" table). */
function specCatalogue(text: string): [id: string, def: string][] {
  const rows: [string, string][] = [];
  let inCatalogue = false;
  for (const line of text.split('\n')) {
    if (/^\| id \| /.test(line)) inCatalogue = /^\| id \| default/.test(line);
    else if (!line.startsWith('|')) inCatalogue = false;
    const m = inCatalogue ? /^\| `([a-z-]+)` \| ([^|]+) \|/.exec(line) : null;
    if (m) rows.push([m[1]!, m[2]!.trim()]);
  }
  return rows;
}

const ids = rules.map((r) => r.meta.id);

describe('the registry', () => {
  it('registers every rule folder, and every registered rule has a folder, module and doc', () => {
    const folders = readdirSync(RULES_DIR)
      .filter((f) => statSync(join(RULES_DIR, f)).isDirectory())
      .sort();
    expect(folders).toEqual([...ids].sort());
    for (const id of ids) {
      expect(existsSync(join(RULES_DIR, id, `${id}.ts`)), `${id}.ts`).toBe(true);
      expect(existsSync(join(RULES_DIR, id, `${id}.md`)), `${id}.md`).toBe(true);
      expect(existsSync(join(ROOT, 'test/rules/__snapshots__', `${id}.snap.md`)), `${id}.snap.md`).toBe(true);
    }
  });

  it('is written sorted by id in src/rules/index.ts (imports and list), with unique kebab-case ids', () => {
    // Why: the registry's source, not the loaded list (which is sorted when it loads), is what a reader scans.
    const source = readFileSync(join(RULES_DIR, 'index.ts'), 'utf8');
    const imported = [...source.matchAll(/^import \w+ from '\.\/([a-z-]+)\/\1\.js';$/gm)].map((m) => m[1]!);
    expect(imported).toEqual([...ids].sort());
    const listed = /export const rules[^=]*= \[([^\]]*)\]/
      .exec(source)![1]!
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    expect(listed).toEqual([...listed].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(listed).toHaveLength(ids.length);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it("holds exactly the spec's catalogue (but the pending ids), with the spec's default severities in both presets", () => {
    expect([...ids, ...PENDING].sort()).toEqual([...SPEC_IDS].sort());
    for (const id of PENDING) expect(ids, `${id} is registered now: remove it from PENDING`).not.toContain(id);
    const recommended = presetRules('recommended', rules);
    const strict = presetRules('strict', rules);
    for (const r of rules) {
      const want = SPEC_DEFAULTS[r.meta.id]!;
      expect(recommended[r.meta.id], `${r.meta.id} in recommended`).toBe(want.recommended);
      if (want.strict) expect(strict[r.meta.id], `${r.meta.id} in strict`).toBe(want.strict);
    }
    if (existsSync(SPEC_PATH)) {
      const rows = specCatalogue(readFileSync(SPEC_PATH, 'utf8'));
      expect(rows.map(([id]) => id).sort()).toEqual([...SPEC_IDS].sort());
      for (const [id, def] of rows) {
        // v1 rows: "error", "error when live, info otherwise"; v2's new rules: "`recommended`; `strict`" as "info; warning".
        const [rec, str] = def.split(';').map((d) => d.trim());
        expect(rec!.startsWith(SPEC_DEFAULTS[id]!.recommended), `${id}: spec says "${def}"`).toBe(true);
        if (str !== undefined) expect(str, `${id}: spec says "${def}"`).toBe(SPEC_DEFAULTS[id]!.strict);
      }
    }
  });

  it("makes exactly the missing-content rules to-dos on a draft, as the spec lists them (and the writer's own prompts, left unfilled)", () => {
    // A `prompt` finding is the writer's own TODO prompt left unfilled (what `--fix` writes on a fresh draft): a to-do too.
    // So is a `placeholder…` finding: a value the writer filled in with a placeholder (spec v2.1), like a missing value.
    const answered = (id: string) => id === 'prompt' || id.startsWith('placeholder');
    const todo = (r: (typeof rules)[number]) =>
      r.meta.draft === 'todo' ||
      (typeof r.meta.draft === 'object' &&
        Object.entries(r.meta.draft).some(([id, v]) => v === 'todo' && !answered(id)));
    expect(
      rules
        .filter(todo)
        .map((r) => r.meta.id)
        .sort(),
    ).toEqual(SPEC_DRAFT_TODO.filter((id) => !PENDING.includes(id)).sort());
    const prompt = (r: (typeof rules)[number]) =>
      typeof r.meta.draft === 'object' && (r.meta.draft as Record<string, string>).prompt === 'todo';
    expect(
      rules
        .filter(prompt)
        .map((r) => r.meta.id)
        .sort(),
    ).toEqual(['counterpart-benefit', 'iteration-change', 'iteration-feedback']);
    const placeholder = (r: (typeof rules)[number]) =>
      typeof r.meta.draft === 'object' &&
      Object.entries(r.meta.draft).some(([id, v]) => v === 'todo' && id.startsWith('placeholder'));
    expect(
      rules
        .filter(placeholder)
        .map((r) => r.meta.id)
        .sort(),
    ).toEqual(['customer-conditions', 'customer-named', 'plan-schema']);
    if (existsSync(SPEC_PATH)) {
      const text = readFileSync(SPEC_PATH, 'utf8');
      const m = /Rules about something \*missing\*\s*\(([^)]*)\)/.exec(text);
      expect(m, 'the spec lists the missing-content rules').not.toBeNull();
      expect([...m![1]!.matchAll(/`([a-z-]+)`/g)].map((x) => x[1]).sort()).toEqual([...SPEC_DRAFT_TODO].sort());
    }
  });

  it('derives version-pinned docs URLs', () => {
    for (const id of ids) {
      expect(docsUrlFor(id)).toBe(
        `https://github.com/testbed-lint/testbed-lint/blob/v${VERSION}/src/rules/${id}/${id}.md`,
      );
    }
  });
});

const MESSAGE_STYLE = /^[A-Z`"].*[^ ]; [^ ].*[.?]$/s;

describe.each(rules.map((r) => [r.meta.id, r] as const))('rule %s', (id, rule) => {
  const source = readFileSync(join(RULES_DIR, id, `${id}.ts`), 'utf8');

  it('has a meta id equal to its folder and file, and a one-line summary first', () => {
    expect(rule.meta.id).toBe(id);
    expect(source.split('\n')[0]).toMatch(new RegExp(`^// ${id}: \\S`));
    expect(source).not.toMatch(/PLACEHOLDER/);
  });

  it('describes itself as completing "This rule ..."', () => {
    expect(rule.meta.description).toMatch(/^[a-z].*\.$/);
  });

  it('phrases every message "<what is wrong>; <what to do>." and uses every messageId', () => {
    for (const [mid, msg] of Object.entries(rule.meta.messages)) {
      expect(msg, `${mid}: ${msg}`).toMatch(MESSAGE_STYLE);
      expect(mid).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      const used = new RegExp(`['"\`]${mid}['"\`]`).test(source);
      expect(used, `messageId "${mid}" is never reported`).toBe(true);
    }
  });

  it('declares options with kebab-case keys, a default and a description', () => {
    for (const [k, s] of Object.entries(rule.meta.options ?? {})) {
      expect(k).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(s.description).toMatch(/^[A-Z].*\.$/);
      expect(s.default).not.toBeUndefined();
    }
  });

  it('has a doc whose header agrees with meta and whose headings come in the house order', () => {
    const doc = readRuleDoc(readFileSync(join(RULES_DIR, id, `${id}.md`), 'utf8'));
    expect(doc.title).toBe(id);
    const fix = fixableWord(rule.meta.fixable);
    const sev = rule.meta.severityNote
      ? `${rule.meta.defaultSeverity}\` (${rule.meta.severityNote})`
      : `${rule.meta.defaultSeverity}\``;
    expect(doc.header).toBe(`Category: \`${rule.meta.category}\` · Severity: \`${sev} · Fixable: \`${fix}\``);
    const h2 = doc.headings.filter((h) => h.startsWith('## ')).map((h) => h.slice(3));
    const expected = [
      'Incorrect',
      'Correct',
      ...(rule.meta.options ? ['Options'] : []),
      ...(rule.meta.fixable !== 'none' ? ['Fix'] : []),
      'When not to use it',
    ];
    expect(h2).toEqual(expected);
    const h3 = doc.headings.filter((h) => h.startsWith('### ')).map((h) => h.slice(4));
    expect(h3).toEqual(Object.keys(rule.meta.options ?? {}));
    expect(
      doc.otherBlocks.filter(
        (b) => b.lang !== 'text' && b.lang !== 'yaml' && b.lang !== 'markdown' && b.lang !== 'json' && b.lang !== 'sh',
      ),
    ).toEqual([]);
  });
});

describe('generated files', () => {
  it('README rule table is up to date (run `npm run generate`)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const a = readme.indexOf(README_START);
    const b = readme.indexOf(README_END);
    expect(a).toBeGreaterThan(-1);
    expect(readme.slice(a, b + README_END.length)).toBe(readmeRuleTable());
  });

  it('config JSON Schema is up to date (run `npm run generate`)', () => {
    expect(readFileSync(join(ROOT, CONFIG_SCHEMA_PATH), 'utf8')).toBe(configSchemaText());
  });

  it("the editor setting testbedLint.maxFileSize defaults to the core's one size limit", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default: unknown }> } };
    };
    expect(pkg.contributes.configuration.properties['testbedLint.maxFileSize']!.default).toBe(DEFAULT_MAX_FILE_SIZE);
  });

  it.each(['markdown', 'yaml'] as const)(
    '%s snippets are up to date with the writer (run `npm run generate`)',
    (form) => {
      expect(readFileSync(join(ROOT, SNIPPET_PATHS[form]), 'utf8')).toBe(snippetsText(form));
    },
  );
});

describe('the pure core', () => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(join(ROOT, 'src/core'));
  walk(RULES_DIR);

  it.each(files.map((f) => [relative(ROOT, f)]))(
    '%s imports nothing from vscode or Node and never touches process',
    (rel) => {
      const text = readFileSync(join(ROOT, rel), 'utf8');
      const imports = [...text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      for (const spec of imports) {
        expect(spec, `${rel} imports ${spec}`).not.toMatch(
          /^(vscode|node:|fs$|fs\/|path$|os$|child_process$|process$|url$|crypto$)/,
        );
      }
      expect(text).not.toMatch(/\bprocess\.|\brequire\(|\b__dirname\b/);
    },
  );
});
