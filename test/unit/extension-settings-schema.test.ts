// The testbedLint.rules setting's schema in package.json is generated from rule meta (npm run generate): settings.json
// completes rule ids, severities and options, and flags an unknown id or severity.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withRulesSetting } from '../../scripts/generated.js';
import { rules } from '../../src/api/index.js';

const pkgText = readFileSync('package.json', 'utf8');

/** The parts of a JSON schema this test reads (the setting's items are a tuple: severity, options). */
interface Schema {
  additionalProperties?: boolean;
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  enum?: unknown[];
  items?: Schema[];
}

describe('the testbedLint.rules setting schema', () => {
  it('is up to date with rule meta (run npm run generate)', () => {
    expect(pkgText).toBe(withRulesSetting(pkgText));
  });

  it('names every rule, with its severities and options, and nothing else', () => {
    const pkg = JSON.parse(pkgText) as { contributes: { configuration: { properties: Record<string, Schema> } } };
    const s = pkg.contributes.configuration.properties['testbedLint.rules']!;
    expect(s.additionalProperties).toBe(false);
    expect(Object.keys(s.properties!).sort()).toEqual(rules.map((r) => r.meta.id).sort());
    const stale = s.properties!['iteration-stale']!;
    expect(stale.anyOf![0]!.enum).toEqual(['error', 'warning', 'info', 'off', 'warn']);
    expect(stale.anyOf![1]!.items![1]!.properties!['max-days']).toMatchObject({
      type: 'integer',
      minimum: 1,
      default: 45,
    });
  });
});
