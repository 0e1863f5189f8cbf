// Aliases in a YAML plan resolve as the yaml library resolves them (the last node before with that anchor), from one
// walk of the document instead of one walk per alias.
import { describe, expect, it } from 'vitest';
import { parseDocument, visit, type Alias, type Node } from 'yaml';
import { aliasTargets } from '../../src/core/parse/yaml-aliases.js';

const TEXT = `iterations:
  - date: &d 2026-01-05
    change: &c Pilot on ward 1
  - date: *d
    change: *c
  - date: &d 2026-02-01
    change: *c
  - list: &l [a, *d]
    again: *l
  - date: *d
    unknown: *nowhere
`;

describe('aliasTargets', () => {
  it('gives each alias the node the library resolves it to, a redefined anchor included', () => {
    const doc = parseDocument(TEXT);
    const aliases: Alias[] = [];
    visit(doc, { Alias: (_k, a) => void aliases.push(a) });
    expect(aliases).toHaveLength(7);
    const targets = aliasTargets(doc);
    for (const a of aliases) expect(targets.get(a)).toBe((a.resolve(doc) as Node | undefined) ?? undefined);
    const value = (a: Alias) => String((targets.get(a) as { value?: unknown } | undefined)?.value);
    expect(aliases.map((a) => `${a.source}=${value(a)}`)).toEqual([
      'd=2026-01-05',
      'c=Pilot on ward 1',
      'c=Pilot on ward 1',
      'd=2026-02-01',
      'l=undefined',
      'd=2026-02-01',
      'nowhere=undefined',
    ]);
    expect(targets.has(aliases[6]!)).toBe(false);
  });
});
