// Formatter output on a fixed set of results: file snapshots, plus structural checks of SARIF, JUnit and GitHub.
import type * as Sarif from 'sarif';
import { describe, expect, test } from 'vitest';
import { docsUrlFor, VERSION } from '../../src/api/index.js';
import { FORMATTERS, type FileResult } from '../../src/formatters/index.js';
import { escapeData, escapeProperty } from '../../src/formatters/github.js';
import { xmlAttr, xmlEscape } from '../../src/formatters/junit.js';
import { CTX, RESULTS, RULES } from './fixtures.js';

/** The docs URLs in SARIF are pinned to the release; the snapshot should not change with every version. */
const unpin = (s: string) => s.split(`v${VERSION}/`).join('v<version>/');

const sarifLog = (text: string) => JSON.parse(text) as Sarif.Log;

const EXT = { stylish: 'txt', json: 'json', sarif: 'sarif.json', junit: 'xml', github: 'txt' } as const;

describe('snapshots', () => {
  for (const [name, format] of Object.entries(FORMATTERS)) {
    test(name, async () => {
      await expect(unpin(format(RESULTS, CTX))).toMatchFileSnapshot(
        `./__snapshots__/${name}.${EXT[name as keyof typeof EXT]}`,
      );
    });
  }

  test('stylish in colour', async () => {
    await expect(FORMATTERS.stylish(RESULTS, { ...CTX, color: true })).toMatchFileSnapshot(
      './__snapshots__/stylish-color.txt',
    );
  });
});

describe('no problems', () => {
  const clean: FileResult[] = [{ filePath: '/project/a.testbed.md', problems: [] }];
  test('stylish and github print nothing', () => {
    expect(FORMATTERS.stylish(clean, CTX)).toBe('');
    expect(FORMATTERS.github(clean, CTX)).toBe('');
  });
  test('json lists the file with zero counts', () => {
    expect(JSON.parse(FORMATTERS.json(clean, CTX))).toEqual([
      {
        filePath: '/project/a.testbed.md',
        messages: [],
        errorCount: 0,
        warningCount: 0,
        infoCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
    ]);
  });
  test('junit has one passing testcase', () => {
    expect(FORMATTERS.junit(clean, CTX)).toContain(
      '<testcase name="a.testbed.md" classname="a.testbed.md" time="0" />',
    );
  });
  test('sarif has a run with no results', () => {
    expect(sarifLog(FORMATTERS.sarif(clean, CTX)).runs[0]!.results).toEqual([]);
  });
});

describe('sarif structure', () => {
  const log = sarifLog(FORMATTERS.sarif(RESULTS, CTX));
  const run = log.runs[0]!;
  const rules = run.tool.driver.rules!;
  const results = run.results!;

  test('version, schema, one run, the tool', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({
      name: 'testbed-lint',
      version: '9.9.9',
      informationUri: expect.stringMatching(/^https:\/\//) as string,
    });
  });

  test('every rule with descriptions, helpUri from docsUrl, help text and markdown, default level', () => {
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    for (const r of rules) {
      expect(r.helpUri).toBe(docsUrlFor(r.id));
      expect(r.shortDescription!.text).toMatch(/^[A-Z]/);
      expect(r.fullDescription!.text).toBeTruthy();
      expect(r.help!.text).toContain(r.helpUri);
      expect(r.help!.markdown).toContain(`](${r.helpUri!})`);
    }
    const levels = Object.fromEntries(rules.map((r) => [r.id, r.defaultConfiguration!.level]));
    expect(levels).toMatchObject({
      'customer-named': 'error',
      'plan-unknown-key': 'warning',
      'metric-worst-case': 'note',
    });
    expect(rules[2]!.fullDescription!.text).toContain('error when live, info otherwise');
  });

  test('results: rule index, level (info → note), message, location with region; related locations', () => {
    expect(results).toHaveLength(5);
    const byRule = Object.fromEntries(results.map((r) => [r.ruleId!, r] as const));
    for (const r of results) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    expect(byRule['metric-worst-case']!.level).toBe('note');
    expect(byRule['customer-named']).toMatchObject({
      level: 'error',
      message: { text: 'The customer name "TBD" is a placeholder; name the real customer.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'plans/vmi.testbed.md', uriBaseId: '%SRCROOT%', index: 1 },
            region: { startLine: 11, startColumn: 9, endLine: 11, endColumn: 12 },
          },
        },
      ],
    });
    expect(byRule['counterpart-early']!.relatedLocations).toEqual([
      {
        id: 0,
        message: { text: 'The plan starts here' },
        physicalLocation: {
          artifactLocation: { uri: 'plans/vmi.testbed.md', uriBaseId: '%SRCROOT%', index: 1 },
          region: { startLine: 7, startColumn: 8, endLine: 7, endColumn: 18 },
        },
      },
    ]);
    expect(byRule['plan-syntax']!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe(
      'plans/odd%2C%20name%3A%20100%25.testbed.yaml',
    );
  });

  test('%SRCROOT% is the cwd as a file URI ending in a slash; files outside it get absolute URIs', () => {
    expect(run.originalUriBaseIds!['%SRCROOT%']!.uri).toBe('file:///project/');
    const outside = sarifLog(
      FORMATTERS.sarif([{ filePath: '/elsewhere/x.testbed.md', problems: RESULTS[1]!.problems }], CTX),
    );
    expect(outside.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({
      uri: 'file:///elsewhere/x.testbed.md',
      index: 0,
    });
  });
});

describe('escaping', () => {
  test('github: %, CR and LF in data; also : and , in properties', () => {
    expect(escapeData('50% a\r\nb:c,d')).toBe('50%25 a%0D%0Ab:c,d');
    expect(escapeProperty('50% a\r\nb:c,d')).toBe('50%25 a%0D%0Ab%3Ac%2Cd');
    const line = FORMATTERS.github([RESULTS[2]!], CTX);
    expect(line).toBe(
      '::error file=plans/odd%2C name%3A 100%25.testbed.yaml,line=3,col=12,endLine=4,endColumn=2,title=testbed-lint (plan-syntax)::Unexpected text <"&\'> in the YAML:%0Aline two, 50%25 sure%0D%0Aend',
    );
  });

  test('junit: XML special characters; control characters shown as escapes, what XML cannot hold dropped', () => {
    expect(xmlEscape('a<b>&"c\'\u0000\u001b\u007f\u009b\ud800')).toBe(
      'a&lt;b&gt;&amp;&quot;c&apos;\\x00\\x1b\\x7f\\x9b',
    );
    expect(xmlAttr('a\tb\r\nc')).toBe('a&#9;b&#13;&#10;c');
    const xml = FORMATTERS.junit([RESULTS[2]!], CTX);
    expect(xml).toContain(
      'message="Unexpected text &lt;&quot;&amp;&apos;&gt; in the YAML:&#10;line two, 50% sure&#13;&#10;end"',
    );
    expect(xml).not.toMatch(/<"&'>/);
  });
});
