// The one word matcher (src/core/words): tokens, folding, stems per language, phrases in order as whole words, clauses.
import { describe, expect, it } from 'vitest';
import { WordList, clauses, fold, reduce, tokenise } from '../../src/core/words/index.js';

describe('tokenise', () => {
  it('cuts at anything but letters, digits and &, splits letters from digits and drops a possessive', () => {
    expect(tokenise("Customer's FP&A team: tier1, Tier-1, tier_1, 30s — p95")).toEqual([
      'customer',
      'fp&a',
      'team',
      'tier',
      '1',
      'tier',
      '1',
      'tier',
      '1',
      '30',
      's',
      'p',
      '95',
    ]);
  });
  it('keeps letters with diacritics inside a word', () => {
    expect(tokenise('Rémunération Überweisung café')).toEqual(['rémunération', 'überweisung', 'café']);
  });
});

describe('fold and reduce', () => {
  it('folds diacritics after stemming, so accented and plain spellings of a stem meet', () => {
    expect(fold('rémunér')).toBe('remuner');
    expect(reduce('rémunération', 'fr', 'stem')).toBe(reduce('rémunérations', 'fr', 'stem'));
    expect(reduce('planificación', 'es', 'stem')).toBe(reduce('planificaciones', 'es', 'stem'));
    expect(reduce('vergütung', 'de', 'stem')).toBe(reduce('vergütungen', 'de', 'stem'));
  });
  it('stems English inflections to one word', () => {
    const forms = ['handle', 'handles', 'handled', 'handling'].map((w) => reduce(w, 'en', 'stem'));
    expect(new Set(forms).size).toBe(1);
  });
  it('drops only plural endings for names', () => {
    expect(reduce('operations', 'en', 'plural')).toBe('operation');
    expect(reduce('logistics', 'en', 'plural')).toBe('logistic');
    expect(reduce('controlling', 'en', 'plural')).toBe('controlling');
    expect(reduce('control', 'en', 'plural')).toBe('control');
    expect(reduce('marketing', 'en', 'plural')).not.toBe(reduce('market', 'en', 'plural'));
    expect(reduce('analysis', 'en', 'plural')).toBe('analysis');
  });
});

describe('WordList', () => {
  const measures = new WordList(['average handle time', 'answered within n seconds', 'fill rate', 'utilisation']);

  it('matches inflections and plurals of every word of a phrase', () => {
    expect(measures.find('Average handling time')).toBe('average handle time');
    expect(measures.find('average handled times (minutes)')).toBe('average handle time');
    expect(measures.find('Line fill rates')).toBe('fill rate');
    expect(measures.find('Utilisations of the fleet')).toBe('utilisation');
  });

  it('folds case, hyphens and diacritics', () => {
    expect(measures.find('AVERAGE-HANDLE-TIME')).toBe('average handle time');
    expect(new WordList(['cafe']).test('Café opening hours')).toBe(true);
    expect(new WordList(['café']).test('CAFE opening hours')).toBe(true);
  });

  it('reads n as any number, written apart from or against its unit', () => {
    expect(measures.find('Calls answered within 30 seconds')).toBe('answered within n seconds');
    expect(measures.find('Calls answered within 20seconds')).toBe('answered within n seconds');
    expect(measures.find('Calls answered within a few seconds')).toBeUndefined();
  });

  it('matches phrases in order, as whole words, never inside a longer word', () => {
    expect(measures.find('time handle average')).toBeUndefined();
    expect(measures.find('average time to handle')).toBeUndefined();
    expect(new WordList(['it']).test('Security')).toBe(false);
    expect(new WordList(['it']).test('IT Operations')).toBe(true);
    expect(new WordList(['rate']).test('Accurate deliveries')).toBe(false);
  });

  it('gives the first phrase in the list order, and every occurrence in text order', () => {
    const l = new WordList(['time', 'average handle time']);
    expect(l.find('average handle time')).toBe('time');
    expect(l.all(l.words('time and average handling time')).map((m) => [m.phrase, m.index])).toEqual([
      ['time', 0],
      ['average handle time', 2],
      ['time', 4],
    ]);
  });

  it('tells a whole match, the longest phrase at a word and a phrase right before a word', () => {
    const l = new WordList(['sales', 'inside sales', 'supports the pilot']);
    expect(l.whole(l.words('Supporting the pilots'))).toBe('supports the pilot');
    expect(l.whole(l.words('Supports the pilot well'))).toBeUndefined();
    const w = l.words('Inside Sales Operations');
    expect(l.startsAt(w, 0)).toEqual({ phrase: 'inside sales', index: 0, length: 2 });
    expect(l.endsBefore(w, 2)).toBe(true);
    expect(l.endsBefore(w, 1)).toBe(false);
  });

  it('takes lists keyed by language, and stems each in its language', () => {
    const l = new WordList({ en: ['planning'], de: ['Planung'] });
    expect(l.test('Planungen', 'de')).toBe(true);
    expect(l.test('Plans', 'en')).toBe(true);
    expect(l.test('Planning', 'fr')).toBe(false);
  });

  it('with plural stemming, reads plurals of names but not other words of the same stem', () => {
    const finance = new WordList(['finance', 'controlling'], 'plural');
    expect(finance.test('Finances')).toBe(true);
    expect(finance.test('Group Controlling')).toBe(true);
    expect(finance.test('Quality Control')).toBe(false);
  });

  it('ignores empty phrases', () => {
    expect(new WordList(['', '  ', '—']).test('anything at all')).toBe(false);
  });
});

describe('clauses', () => {
  it('cuts at ;, sentence ends, and before and, but, which, with the comma before them', () => {
    expect(clauses('Supports the pilot and helps the venue get going; fine, but slow. It works, which helps')).toEqual([
      'Supports the pilot',
      'helps the venue get going',
      'fine',
      'slow',
      'It works',
      'helps',
    ]);
  });
  it('keeps a decimal point, a plain comma and a word that only starts like a conjunction', () => {
    expect(clauses('CSAT rose to 4.2, android users, brandy')).toEqual(['CSAT rose to 4.2, android users, brandy']);
  });
  it('knows the conjunctions of each language', () => {
    expect(clauses('Unterstützt das Projekt und hilft dem Kunden', 'de')).toEqual([
      'Unterstützt das Projekt',
      'hilft dem Kunden',
    ]);
  });
});

describe('WordList: words compared as written', () => {
  it('matches =word only as written, folded for case and diacritics', () => {
    const l = new WordList(['=utilization', 'fill rate']);
    expect(l.find('Fleet UTILIZATION')).toBe('=utilization');
    expect(l.test('Utility outages')).toBe(false);
    expect(l.test('Utilized trucks')).toBe(false);
    expect(l.find('fill rates')).toBe('fill rate');
  });
});
