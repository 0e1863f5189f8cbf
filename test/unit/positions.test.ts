import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/positions.js';

describe('LineIndex', () => {
  const idx = new LineIndex('ab\r\ncd\n\nlast');

  it('converts offsets to 1-based line and column', () => {
    expect(idx.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(idx.positionAt(2)).toEqual({ line: 1, column: 3 });
    expect(idx.positionAt(4)).toEqual({ line: 2, column: 1 });
    expect(idx.positionAt(8)).toEqual({ line: 4, column: 1 });
    expect(idx.positionAt(999)).toEqual({ line: 4, column: 5 });
    expect(idx.positionAt(-5)).toEqual({ line: 1, column: 1 });
    expect([-5, 0, 2, 3, 4, 7, 8, 12, 999].map((o) => idx.lineAt(o))).toEqual([1, 1, 1, 1, 2, 3, 4, 4, 4]);
  });

  it('converts positions back to offsets, clamped to the line', () => {
    expect(idx.offsetAt(2, 2)).toBe(5);
    expect(idx.offsetAt(1, 99)).toBe(2);
    expect(idx.offsetAt(9, 1)).toBe(12);
  });

  it('gives line spans without the line break, CRLF included', () => {
    expect(idx.lineSpan(1)).toEqual({ start: 0, end: 2 });
    expect(idx.lineText(2)).toBe('cd');
    expect(idx.lineText(3)).toBe('');
    expect(idx.lineText(4)).toBe('last');
    expect(idx.lineCount).toBe(4);
  });

  it('handles the empty text', () => {
    const e = new LineIndex('');
    expect(e.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(e.lineSpan(1)).toEqual({ start: 0, end: 0 });
  });
});
