// The meaning matchers shared by rules and the summary: departments, internal measures, placeholders.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  internalMeasureIn,
  isBackEndDepartment,
  isFinanceDepartment,
  isOwnDepartment,
  isPlaceholder,
} from '../../src/api/index.js';
import { PLACEHOLDERS } from '../../src/core/text.js';

describe('department matching', () => {
  it('finds finance by whole words', () => {
    expect(['Finance', 'FP&A West', 'Group controlling', 'CFO office'].map((d) => isFinanceDepartment(d))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['Refinancing desk', 'Sales'].map((d) => isFinanceDepartment(d))).toEqual([false, false]);
    expect(isFinanceDepartment('Treasury', ['treasury'])).toBe(true);
  });

  it('counts back-end names unless a front-line function qualifies them', () => {
    const yes = [
      'IT',
      'IT Operations',
      'Network operations',
      'Supply chain',
      'Sales and Operations Planning',
      'Procurement',
    ];
    const no = [
      'Sales Operations',
      'Marketing Operations',
      'Revenue Operations',
      'Customer Service Operations',
      'Security',
      'Sales',
    ];
    expect(yes.filter((d) => !isBackEndDepartment(d))).toEqual([]);
    expect(no.filter((d) => isBackEndDepartment(d))).toEqual([]);
    expect(isBackEndDepartment('Sales Operations', undefined, [])).toBe(true);
  });

  it("tells the owner's own sub-teams from other departments", () => {
    const own = ['Inside Sales', 'Sales Operations', 'Field Sales (West)', 'Sales team', 'sales', 'Sales-Engineering'];
    expect(own.filter((d) => !isOwnDepartment(d, 'sales'))).toEqual([]);
    expect(['Finance', 'Salesforce admin', 'IT'].filter((d) => isOwnDepartment(d, 'sales'))).toEqual([]);
    expect(isOwnDepartment('Marketing', 'Sales & Marketing')).toBe(true);
    expect(isOwnDepartment('Inside Sales', 'Sales team')).toBe(true);
    expect(isOwnDepartment('Customer Finance', 'customer service')).toBe(false);
    expect(isOwnDepartment('Solutions', 'sales', ['solutions'])).toBe(true);
    expect(isOwnDepartment('Finance', undefined)).toBe(false);
    expect(isOwnDepartment('IT Operations', 'operations')).toBe(false);
    expect(isOwnDepartment('Sales Operations', 'operations')).toBe(false);
    expect(isOwnDepartment('Network operations', 'operations')).toBe(true);
  });
});

describe('internal measures', () => {
  it('finds the seeds\u2019 internal operating measures in a metric name', () => {
    expect(internalMeasureIn('Calls answered within 30 seconds')).toBe('answered within n seconds');
    expect(internalMeasureIn('% of calls answered in 20s')).toBe('answered in n s');
    expect(internalMeasureIn('Line fill rate')).toBe('fill rate');
    expect(internalMeasureIn('On-time shipments from our dock')).toBe('on time shipment from our dock');
    expect(internalMeasureIn('Average handle time (AHT)')).toBe('average handle time');
    expect(internalMeasureIn('Longest wait before a caller reached an engineer')).toBeUndefined();
    expect(internalMeasureIn('Orders that arrived incomplete at the store')).toBeUndefined();
  });
});

describe('the placeholder list', () => {
  it('holds the v2 placeholders and leaves content alone', () => {
    const ph = [
      'TBD',
      'none yet',
      'Nobody yet.',
      'to be found',
      'To be named',
      'pending',
      'n/a',
      'NA',
      '-',
      '—',
      '(none yet)',
      'None yet, still asking',
      'what we changed',
    ];
    expect(ph.filter((v) => !isPlaceholder(v))).toEqual([]);
    const content = [
      'No feedback this round.',
      'Pending orders now ship the same day',
      'Nadia Okafor',
      'Supports the testbed',
    ];
    expect(content.filter((v) => isPlaceholder(v))).toEqual([]);
  });
  it('judges a long value as the whole comparison would, by its shape and first words (property)', () => {
    // The comparison before the shortcut for long values, kept as the reference.
    const SHAPE = /^(?:\?+|x{2,}|\.{3}|…|[-–—]+|<[^>]*>|\[[^\]]*\])$/i;
    const PREFIX =
      /^(?:todo|tbd|tba|tbc|fixme|none yet|nobody yet|no one yet|to be named|to be found|to be confirmed|to be decided)\b/i;
    const reference = (value: string): boolean => {
      let v = value.trim();
      if (v === '' || SHAPE.test(v)) return true;
      v = v.replace(/[.!]+$/, '').trim();
      const inner = /^\((.*)\)$/.exec(v);
      if (inner) v = inner[1]!.trim();
      const key = v.toLowerCase().replace(/\s+/g, ' ').replace(/[’]/g, "'");
      return key === '' || PLACEHOLDERS.includes(key) || SHAPE.test(key) || PREFIX.test(key);
    };
    const part = fc.constantFrom(
      'TODO',
      'todo:',
      'None yet',
      'to be confirmed',
      'TBDs',
      'word',
      'x',
      'X',
      '?',
      '.',
      '!',
      '(',
      ')',
      '<',
      '>',
      '[',
      ']',
      ' ',
      '   ',
      '\n',
      '\t',
      '’',
      'İ',
      '—',
      'what the customer said or experienced that prompted it',
    );
    const value = fc
      .tuple(fc.array(part, { maxLength: 12 }), fc.nat({ max: 400 }), fc.constantFrom(' ', 'x', 'a b ', '\n', '.', '?'))
      .map(([ps, n, fill]) => ps.join('') + fill.repeat(n) + ps.reverse().join(''));
    fc.assert(
      fc.property(value, (v) => isPlaceholder(v) === reference(v)),
      { seed: Number(process.env.TESTBED_SEED ?? 424242), numRuns: 5000 },
    );
    expect(isPlaceholder(`TODO: ${'name the contact '.repeat(50)}`)).toBe(true);
    expect(isPlaceholder(`${'x'.repeat(500)}.`)).toBe(true);
    expect(isPlaceholder(`${' '.repeat(300)}none yet`)).toBe(true);
    expect(isPlaceholder(`Our ${'own words '.repeat(50)}`)).toBe(false);
  });
});
