import { describe, expect, it } from 'vitest';
import { formatDay, normaliseDateLike, parseIsoDate } from '../../src/core/dates.js';
import { isPlan } from '../../src/core/detect.js';

describe('dates', () => {
  it('accepts only real ISO calendar dates', () => {
    expect(formatDay(parseIsoDate('2026-02-28')!)).toBe('2026-02-28');
    expect(parseIsoDate('2024-02-29')).toBeDefined();
    expect(parseIsoDate('2026-02-29')).toBeUndefined();
    expect(parseIsoDate('2026-02-30')).toBeUndefined();
    expect(parseIsoDate('2026-13-01')).toBeUndefined();
    expect(parseIsoDate('2026-2-3')).toBeUndefined();
    expect(parseIsoDate(' 2026-02-03')).toBeUndefined();
  });

  it('normalises obvious spellings only', () => {
    expect(normaliseDateLike('2026-2-3')).toBe('2026-02-03');
    expect(normaliseDateLike('2026/02/03')).toBe('2026-02-03');
    expect(normaliseDateLike('2026-02-30')).toBeUndefined();
    expect(normaliseDateLike('Feb 3, 2026')).toBeUndefined();
  });
});

describe('plan detection', () => {
  it('takes *.testbed.* files whatever they hold', () => {
    expect(isPlan('a/b.testbed.md', '')).toBe(true);
    expect(isPlan('b.TESTBED.yml', 'x: 1')).toBe(true);
  });

  it('takes Markdown with kind: testbed-plan in the front matter only', () => {
    expect(isPlan('notes.md', '---\nkind: testbed-plan\n---\n# x')).toBe(true);
    expect(isPlan('notes.md', '\ufeff---\r\ntitle: x\r\nkind: "testbed-plan"\r\n---\r\n')).toBe(true);
    expect(isPlan('notes.md', '# x\n\nkind: testbed-plan\n')).toBe(false);
    expect(isPlan('notes.md', '---\ntitle: x\n---\nkind: testbed-plan\n')).toBe(false);
    expect(isPlan('notes.md', '---\nkind: testbed-planned\n---\n')).toBe(false);
  });

  it('takes YAML with a top-level kind: testbed-plan', () => {
    expect(isPlan('p.yaml', 'title: x\nkind: testbed-plan # a plan\n')).toBe(true);
    expect(isPlan('p.yaml', 'meta:\n  kind: testbed-plan\n')).toBe(false);
    expect(isPlan('p.json', '{"kind": "testbed-plan"}')).toBe(false);
  });
});
