// The TextMate injection grammars, run through vscode-textmate with the real Markdown and YAML grammars.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const ROOT = join(__dirname, '../..');
const HOST = join(ROOT, 'node_modules/tm-grammars/grammars');
const FILES: Record<string, string> = {
  'text.html.markdown': join(HOST, 'markdown.json'),
  'source.yaml': join(HOST, 'yaml.json'),
  'testbed-plan.markdown.injection': join(ROOT, 'syntaxes/testbed-plan.markdown.tmLanguage.json'),
  'testbed-plan.yaml.injection': join(ROOT, 'syntaxes/testbed-plan.yaml.tmLanguage.json'),
};

let markdown: IGrammar;
let yaml: IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p) => new oniguruma.OnigScanner(p),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) =>
      FILES[scope] ? parseRawGrammar(readFileSync(FILES[scope], 'utf8'), FILES[scope]) : null,
    getInjections: (scope) =>
      scope === 'text.html.markdown'
        ? ['testbed-plan.markdown.injection', 'testbed-plan.yaml.injection']
        : scope === 'source.yaml'
          ? ['testbed-plan.yaml.injection']
          : undefined,
  });
  markdown = (await registry.loadGrammar('text.html.markdown'))!;
  yaml = (await registry.loadGrammar('source.yaml'))!;
});

/** Tokenizes `text` and returns a lookup: the scopes of the token that covers `needle` on the line containing `line`. */
function tokenize(grammar: IGrammar, text: string) {
  const lines = text.split('\n');
  const tokens: { line: string; tokens: { text: string; scopes: string[] }[] }[] = [];
  let stack = INITIAL;
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, stack);
    tokens.push({
      line,
      tokens: r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })),
    });
    stack = r.ruleStack;
  }
  return (lineStart: string, needle: string): string[] => {
    const l = tokens.find((t) => t.line.startsWith(lineStart));
    if (!l) throw new Error(`no line starts with ${lineStart}`);
    const at = l.line.indexOf(needle, lineStart.length > needle.length ? 0 : 0);
    let pos = 0;
    for (const t of l.tokens) {
      if (at >= pos && at < pos + t.text.length) return t.scopes;
      pos += t.text.length;
    }
    throw new Error(`no token for ${needle} in ${l.line}`);
  };
}

const PLAN_MD = `---
kind: testbed-plan
title: Vendor-managed inventory
status: running
start: 2026-01-12
customer:
  name: Northside
notes: free text
---

# Vendor-managed inventory

## Iteration log

### 2026-02-02 — Weekly replenishment pilot

- Change: we restock ward cabinets weekly
- Feedback: nurses still run out on weekends
- Source: customer
- Order: second
- **Order:** fourth

<!-- testbed-lint-disable-next-line counterpart-early -->
Order: first in prose is not a label.

\`\`\`markdown
### 2026-02-02 — inside code
- Order: first
\`\`\`
`;

const PLAN_YAML = `kind: testbed-plan
title: Vendor-managed inventory
status: scaling
iterations:
  # testbed-lint-disable-next-line iteration-stale
  - date: 2026-02-02
    change: we restock weekly
    source: internal
    order: third
other: value
`;

describe('Markdown plans', () => {
  it('colours dated iteration headings, with the date as a constant', () => {
    const at = tokenize(markdown, PLAN_MD);
    expect(at('### 2026-02-02', '2026-02-02')).toContain('constant.numeric.date.testbed-plan');
    expect(at('### 2026-02-02', '2026-02-02')).toContain('markup.heading.markdown');
    expect(at('### 2026-02-02', 'Weekly')).toContain('entity.name.section.markdown');
  });

  it('colours the labels and the order and source values', () => {
    const at = tokenize(markdown, PLAN_MD);
    expect(at('- Change:', 'Change')).toContain('keyword.other.label.testbed-plan');
    expect(at('- Feedback:', 'Feedback')).toContain('keyword.other.label.testbed-plan');
    expect(at('- Source:', 'customer')).toContain('constant.language.source.testbed-plan');
    expect(at('- Order:', 'second')).toContain('constant.language.order.testbed-plan');
    expect(at('- **Order:**', 'fourth')).toContain('invalid.illegal.order.testbed-plan');
    expect(at('Order: first in prose', 'Order')).not.toContain('keyword.other.label.testbed-plan');
  });

  it('colours nothing inside an HTML comment: a commented-out example entry is not live plan content', () => {
    const text = [
      '## Iteration log',
      '',
      '<!-- One entry per change, as it happens. Copy this shape:',
      '',
      '### 2026-12-07 — Short title of the change',
      '',
      '- Change: what we changed',
      '- Source: customer',
      '- Order: first',
      '-->',
      '',
      '### 2026-12-08 — Live entry',
      '- Order: second',
      '',
    ].join('\n');
    const at = tokenize(markdown, text);
    for (const [line, needle] of [
      ['### 2026-12-07', '2026-12-07'],
      ['### 2026-12-07', 'Short'],
      ['- Change: what', 'Change'],
      ['- Source: customer', 'customer'],
      ['- Order: first', 'first'],
    ] as const) {
      const scopes = at(line, needle);
      expect(scopes).toContain('comment.block.html');
      expect(scopes.filter((s) => s.endsWith('.testbed-plan'))).toEqual([]);
    }
    // After the comment closes, entries are coloured again.
    expect(at('### 2026-12-08', '2026-12-08')).toContain('constant.numeric.date.testbed-plan');
    expect(at('- Order: second', 'second')).toContain('constant.language.order.testbed-plan');
  });

  it('colours disable comments and their rule ids', () => {
    const at = tokenize(markdown, PLAN_MD);
    expect(at('<!-- testbed-lint', 'testbed-lint-disable-next-line')).toContain(
      'keyword.control.directive.testbed-plan',
    );
    expect(at('<!-- testbed-lint', 'counterpart-early')).toContain('variable.other.rule.testbed-plan');
  });

  it('colours the plan keys of the front matter, and leaves other keys alone', () => {
    const at = tokenize(markdown, PLAN_MD);
    expect(at('kind:', 'testbed-plan')).toContain('constant.language.kind.testbed-plan');
    expect(at('title:', 'title')).toContain('support.type.property-name.testbed-plan');
    expect(at('status:', 'running')).toContain('constant.language.enum.testbed-plan');
    expect(at('start:', '2026-01-12')).toContain('constant.numeric.date.testbed-plan');
    expect(at('notes:', 'notes')).not.toContain('support.type.property-name.testbed-plan');
  });

  it('colours the customer journey heading, in its synonyms too, and no other H2', () => {
    const text = `${PLAN_MD}\n## Customer journey\n\n## Moments of truth\n\n## Journey planning\n`;
    const at = tokenize(markdown, text);
    expect(at('## Customer journey', 'Customer')).toContain('entity.name.section.journey.testbed-plan');
    expect(at('## Customer journey', 'Customer')).toContain('markup.heading.markdown');
    expect(at('## Moments of truth', 'Moments')).toContain('entity.name.section.journey.testbed-plan');
    expect(at('## Journey planning', 'Journey')).not.toContain('entity.name.section.journey.testbed-plan');
  });

  it('leaves code blocks alone', () => {
    const at = tokenize(markdown, PLAN_MD);
    expect(at('### 2026-02-02 — inside', '2026')).not.toContain('constant.numeric.date.testbed-plan');
  });
});

describe('YAML plans', () => {
  it('colours plan keys, enum values, dates and disable comments', () => {
    const at = tokenize(yaml, PLAN_YAML);
    expect(at('kind:', 'testbed-plan')).toContain('constant.language.kind.testbed-plan');
    expect(at('iterations:', 'iterations')).toContain('support.type.property-name.testbed-plan');
    expect(at('  - date:', '2026-02-02')).toContain('constant.numeric.date.testbed-plan');
    expect(at('    order:', 'third')).toContain('constant.language.enum.testbed-plan');
    expect(at('    source:', 'internal')).toContain('constant.language.enum.testbed-plan');
    expect(at('  # testbed-lint', 'iteration-stale')).toContain('variable.other.rule.testbed-plan');
    expect(at('other:', 'other')).not.toContain('support.type.property-name.testbed-plan');
  });

  it('colours the journey key and its stage values, and no other value of stage', () => {
    const text = `${PLAN_YAML}journey:\n  - stage: support\n    moment: A bill looks too high\n  - stage: later\n`;
    const at = tokenize(yaml, text);
    expect(at('journey:', 'journey')).toContain('support.type.property-name.testbed-plan');
    expect(at('  - stage: support', 'support')).toContain('constant.language.stage.testbed-plan');
    expect(at('  - stage: later', 'later')).not.toContain('constant.language.stage.testbed-plan');
    expect(at('    moment:', 'A bill')).not.toContain('constant.language.stage.testbed-plan');
  });
});
