// The guidance shown in hovers tells the same stories as the rule pages and the README (the seeds of the framework).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECTION_GUIDANCE, sectionGuidanceMarkdown } from '../../src/core/guidance.js';
import { lintDetailed } from '../../src/api/index.js';

const RULES = join(__dirname, '../../src/rules');
const pages = readdirSync(RULES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map(({ name: id }) => ({ id, text: readFileSync(join(RULES, id, `${id}.md`), 'utf8').replace(/\s+/g, ' ') }));
/** The sentences of `text` that mention `subject`. */
const sentences = (text: string, subject: RegExp) => text.split(/(?<=[.!?])\s+/).filter((s) => subject.test(s));
/** Every guidance text, in the order a plan's sections come (the order a writer meets them in hovers). */
const guidance = Object.values(SECTION_GUIDANCE)
  .map((g) => `${g.asks} ${g.why}`)
  .join(' ');

describe('hover guidance and rule pages tell the same story', () => {
  it('the phone company: finance killed its testbed because no department head saw a direct benefit', () => {
    const story = /killed by finance because no department head saw a direct benefit/;
    const inPages = pages.flatMap((p) => sentences(p.text, /phone company/).map((s) => ({ id: p.id, s })));
    expect(inPages.map((x) => x.id).sort()).toEqual([
      'counterpart-benefit',
      'counterpart-early',
      'counterpart-finance',
      'counterparts-listed',
    ]);
    for (const { s } of inPages) expect(s).toMatch(story);
    const inHover = sentences(SECTION_GUIDANCE.counterparts.why, /phone company/);
    expect(inHover).toHaveLength(1);
    expect(inHover[0]).toMatch(story);
    // Nowhere does the guidance tell it the other way round.
    expect(guidance).not.toMatch(/brought finance|from the first month/);
  });

  it("Baxter is introduced where it first appears, and its champion is the hospital's young CEO, as on the rule pages", () => {
    const first = sentences(guidance, /Baxter/)[0]!;
    expect(first).toMatch(/^Baxter, the hospital-supply company, /);
    for (const id of ['customer-conditions', 'customer-rationale']) {
      const page = pages.find((p) => p.id === id)!.text;
      expect(page).toMatch(/small, newly built community hospital/);
      expect(page).toMatch(/young CEO eager to innovate/);
    }
    expect(first).toMatch(/small, newly built community hospital/);
    expect(first).toMatch(/young CEO eager to innovate/);
  });
});

describe("the Counterparts hover's finance matching is counterpart-finance's", () => {
  const plan = (department: string) =>
    lintDetailed(
      `kind: testbed-plan\ntitle: T\nstatus: active\nstart: 2026-01-05\ncounterparts:\n  - department: ${department}\n    since: 2026-01-05\n`,
      { filePath: 'p.testbed.yaml', today: '2026-06-01' },
    ).document.plan;

  it('a whole-word finance name counts; a word that merely starts the same does not', () => {
    expect(sectionGuidanceMarkdown(plan('FP&A West'), 'counterparts')).toContain('finance involved');
    expect(sectionGuidanceMarkdown(plan('Financial Services Sales'), 'counterparts')).toContain('finance not involved');
  });

  it('the configured names apply', () => {
    expect(sectionGuidanceMarkdown(plan('Treasury'), 'counterparts')).toContain('finance not involved');
    expect(sectionGuidanceMarkdown(plan('Treasury'), 'counterparts', { financeDepartments: ['treasury'] })).toContain(
      'finance involved',
    );
  });
});
