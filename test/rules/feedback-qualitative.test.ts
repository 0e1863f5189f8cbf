// feedback-qualitative edge cases: what counts as "only a score" (narrow: a false alarm is worse than a miss).
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/api/index.js';
import { WordList } from '../../src/core/words/index.js';
import { isOnlyScore } from '../../src/rules/feedback-qualitative/feedback-qualitative.js';

const rule = rules.find((r) => r.meta.id === 'feedback-qualitative')!;
const words = new WordList(rule.meta.options!['score-words']!.default as string[]);

describe('feedback-qualitative: only a score', () => {
  it.each([
    'CSAT 4.2/5',
    'NPS +12',
    '87%',
    '4 stars',
    '★★★★☆',
    'CSAT: 4,2 / 5',
    'NPS −5',
    'Satisfaction 9 out of 10',
    'CSAT up from 3.9 to 4.2',
    'Average rating 4.1 (n=37)',
    '92 percent satisfied',
    'Score: 71 points',
    // Word forms: each score word is stemmed.
    'Ratings averaged 4.1, scoring up from 3.8',
    'NPS improving: +12',
  ])('"%s" is only a score', (feedback) => {
    expect(isOnlyScore(feedback, words)).toBe(true);
  });

  it.each([
    'Nurses said the new cabinet saves them a trip; CSAT 4.2',
    'No feedback this round.',
    'n/a',
    'TBD',
    '-',
    '',
    'Great, thanks',
    '3 stock-outs last weekend',
    '12 complaints about late vans',
    'The plant manager asked for 2 deliveries a day',
    '87% of drivers said the new app is easier',
    'Visit on 2026-03-02',
    '"4 stars, but the van came late again"',
  ])('"%s" is not only a score', (feedback) => {
    expect(isOnlyScore(feedback, words)).toBe(false);
  });
});
