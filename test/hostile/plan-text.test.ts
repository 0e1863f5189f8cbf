// Hostile input, issue 23 rows 5-8: a NUL byte or UTF-16 cannot take a plan out of linting, lone CRs are line
// breaks, a cache entry of the wrong shape is linted again, and control characters from a plan are shown, not obeyed.
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { CACHE_FILE_NAME } from '../../src/node/cache.js';
import { decodeText, firstBadUtf8 } from '../../src/node/read.js';
import { onlyRules, runCli, tempProject, TODAY } from '../cli/helpers.js';
import { EXAMPLES } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function project(files: Record<string, string | Uint8Array> = {}): string {
  const p = tempProject(files);
  cleanups.push(p.cleanup);
  return p.dir;
}
const example = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
interface JsonResult {
  filePath: string;
  messages: { ruleId: string; line: number; column: number; message: string }[];
  output?: string;
}
async function findings(cwd: string, args: string[]) {
  const r = await runCli(['--today', TODAY, '-f', 'json', ...args], { cwd });
  return { ...r, results: r.stdout ? (JSON.parse(r.stdout) as JsonResult[]) : [] };
}
const at = (r: JsonResult) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);

describe('row 5: a NUL byte or UTF-16 does not take a plan out of linting', () => {
  test('one NUL byte in a comment: a plan-syntax error at its line and column, exit 1 (was "skipped: binary file", exit 0)', async () => {
    const bytes = Buffer.concat([Buffer.from('<!-- \0 -->\n'), Buffer.from(example('flawed.testbed.md'))]);
    const cwd = project({ 'n.testbed.md': bytes });
    const r = await findings(cwd, ['n.testbed.md']);
    expect(r.errors).toEqual([]);
    expect(r.results[0]!.messages.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual([
      [
        'plan-syntax',
        1,
        6,
        'The plan is not readable text: a NUL byte (0x00) at byte 6; save it as UTF-8 (or UTF-16 with a byte-order mark).',
      ],
    ]);
    expect(r.code).toBe(1);
  });

  for (const encoding of ['utf16le', 'utf16be'] as const) {
    test(`a ${encoding} plan with a BOM gives the findings of its UTF-8 text; --fix writes it back in ${encoding}`, async () => {
      const text = example('flawed.testbed.md');
      const le = Buffer.from(`\ufeff${text}`, 'utf16le');
      const cwd = project({
        'u.testbed.md': encoding === 'utf16le' ? le : Buffer.from(le).swap16(),
        'p.testbed.md': text,
      });
      const r = await findings(cwd, ['u.testbed.md', 'p.testbed.md']);
      const [plain, utf16] = r.results;
      expect(utf16!.messages.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual(
        plain!.messages.map((m) => [m.ruleId, m.line, m.column, m.message]),
      );
      expect(at(utf16!)).toContain('8:9 plan-schema');
      expect(r.code).toBe(1);
      await runCli(['--today', TODAY, '--fix', 'u.testbed.md', 'p.testbed.md'], { cwd });
      const fixedUtf8 = readFileSync(join(cwd, 'p.testbed.md'), 'utf8');
      expect(fixedUtf8).not.toBe(text);
      const expected = Buffer.from(`\ufeff${fixedUtf8}`, 'utf16le');
      expect(readFileSync(join(cwd, 'u.testbed.md'))).toEqual(encoding === 'utf16le' ? expected : expected.swap16());
    });
  }
});

describe('row 6: lone CR line endings are line breaks', () => {
  test('the CR version of examples/clean.testbed.md gives the same findings as the LF one (no YAML syntax errors)', async () => {
    const lf = example('clean.testbed.md');
    const cwd = project({ 'cr.testbed.md': lf.replace(/\n/g, '\r'), 'lf.testbed.md': lf });
    const r = await findings(cwd, ['cr.testbed.md', 'lf.testbed.md']);
    expect(r.results[0]!.messages.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual(
      r.results[1]!.messages.map((m) => [m.ruleId, m.line, m.column, m.message]),
    );
    expect(at(r.results[0]!).filter((f) => f.endsWith('plan-syntax'))).toEqual([]);
  });

  test('the CR version of examples/flawed.testbed.md gives the same rule ids at the same lines and columns', async () => {
    const lf = example('flawed.testbed.md');
    const cwd = project({ 'cr.testbed.md': lf.replace(/\n/g, '\r'), 'lf.testbed.md': lf });
    const r = await findings(cwd, ['cr.testbed.md', 'lf.testbed.md']);
    expect(at(r.results[0]!)).toEqual(at(r.results[1]!));
    expect(at(r.results[0]!)).toContain('35:5 iteration-dated');
  });

  test('--fix on a CR plan keeps CR line endings (the added lines too)', async () => {
    const lf = example('flawed.testbed.md');
    const cwd = project({ 'cr.testbed.md': lf.replace(/\n/g, '\r'), 'lf.testbed.md': lf });
    await runCli(['--today', TODAY, '--fix', 'cr.testbed.md', 'lf.testbed.md'], { cwd });
    const fixedLf = readFileSync(join(cwd, 'lf.testbed.md'), 'utf8');
    expect(fixedLf).not.toBe(lf);
    expect(fixedLf.length).toBeGreaterThan(lf.length);
    const fixedCr = readFileSync(join(cwd, 'cr.testbed.md'), 'utf8');
    expect(fixedCr).not.toContain('\n');
    expect(fixedCr).toBe(fixedLf.replace(/\n/g, '\r'));
  });
});

describe('row 7: a cache entry is checked against its shape', () => {
  for (const [what, p] of [
    ['[null]', [null]],
    [
      'a problem without a line',
      [{ ruleId: 'x', severity: 'error', messageId: 'm', message: 'm', span: { start: 0, end: 0 }, docsUrl: '' }],
    ],
    [
      'a severity that is not one',
      [
        {
          ruleId: 'x',
          severity: 'fatal',
          messageId: 'm',
          message: 'm',
          span: { start: 0, end: 0 },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          docsUrl: '',
        },
      ],
    ],
  ] as const) {
    test(`an entry with "p": ${what} and a matching key is linted again, not trusted and not a crash`, async () => {
      const cwd = project({
        '.testbed-lint.yaml': onlyRules({ 'plan-schema': 'error' }),
        'a.testbed.md': example('flawed.testbed.md'),
      });
      const first = await findings(cwd, ['--cache', 'a.testbed.md']);
      expect(first.code).toBe(1);
      const file = join(cwd, 'node_modules/.cache/testbed-lint', CACHE_FILE_NAME);
      const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { k: string; p: unknown }> };
      for (const e of Object.values(data.entries)) e.p = p;
      writeFileSync(file, JSON.stringify(data));
      for (let run = 0; run < 2; run++) {
        const again = await findings(cwd, ['--cache', 'a.testbed.md']);
        expect(again.errors).toEqual([]);
        expect(again.results.map(at)).toEqual(first.results.map(at));
        expect(again.code).toBe(1);
      }
    });
  }
});

describe('row 8: control characters from a plan are escaped in terminal and report output', () => {
  const hostile = '---\nkind: testbed-plan\ntitle: T\nstatus: "\\e]0;T\\a\\e[31mRED\\u009b2J"\n---\n\n# T\n';
  const shown = '\\x1b]0;T\\x07\\x1b[31mRED\\x9b2J';
  const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  for (const [name, args] of [
    ['stylish --no-color', ['--no-color']],
    ['stylish --color', ['--color']],
    ['github', ['-f', 'github']],
    ['report markdown', ['report', '--format', 'markdown']],
    ['report html', ['report', '--format', 'html']],
  ] as const) {
    test(`${name}: the value is shown as ${shown}, with no raw control character`, async () => {
      const cwd = project({ '.testbed-lint.yaml': onlyRules({ 'plan-schema': 'error' }), 'e.testbed.md': hostile });
      const r = await runCli(['--today', TODAY, ...args, 'e.testbed.md'], { cwd });
      // Colours are the formatter's own escapes; none may come from the plan.
      const text = r.stdout.replace(/\u001b\[\d+m/g, '');
      expect(text).toContain(shown);
      expect(raw.test(text)).toBe(false);
    });
  }

  test('json and sarif: every control character is a JSON \\u escape (DEL and C1 too), and a parser reads the value as the plan has it', async () => {
    const cwd = project({ '.testbed-lint.yaml': onlyRules({ 'plan-schema': 'error' }), 'e.testbed.md': hostile });
    const value = '\u001b]0;T\u0007\u001b[31mRED\u009b2J';
    const escaped = '\\u001b]0;T\\u0007\\u001b[31mRED\\u009b2J';
    const json = await runCli(['--today', TODAY, '-f', 'json', 'e.testbed.md'], { cwd });
    expect(json.stdout).toContain(escaped);
    expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(json.stdout)).toBe(false);
    const [file] = JSON.parse(json.stdout) as JsonResult[];
    expect(file!.messages.map((m) => m.message).filter((m) => m.includes(value)).length).toBe(1);
    const sarif = await runCli(['--today', TODAY, '-f', 'sarif', 'e.testbed.md'], { cwd });
    expect(sarif.stdout).toContain(escaped);
    // Only the layout's line breaks are raw.
    expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(sarif.stdout)).toBe(false);
    const log = JSON.parse(sarif.stdout) as { runs: { results: { message: { text: string } }[] }[] };
    expect(log.runs[0]!.results.filter((r) => r.message.text.includes(value)).length).toBe(1);
  });

  test(`junit: the value is shown as ${shown} (C0 was dropped, DEL and C1 kept raw)`, async () => {
    const cwd = project({ '.testbed-lint.yaml': onlyRules({ 'plan-schema': 'error' }), 'e.testbed.md': hostile });
    const r = await runCli(['--today', TODAY, '-f', 'junit', 'e.testbed.md'], { cwd });
    expect(r.stdout).toContain(shown);
    expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(r.stdout)).toBe(false);
  });

  test('a file name with an ESC is escaped in stderr lines', async () => {
    const cwd = project({ 'e\u001b[2J.testbed.md': '\u0000' });
    const r = await runCli(['--today', TODAY, '--fix', 'missing\u001b]0;x\u0007.testbed.md'], { cwd });
    expect(r.stderr).toBe('testbed-lint: missing\\x1b]0;x\\x07.testbed.md: no such file or directory\n');
  });
});

describe('decoding bytes as a plan', () => {
  test('firstBadUtf8 agrees with a strict UTF-8 decoder on any bytes, and points at a byte the decoder rejects', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const bytes = fc.uint8Array({ maxLength: 40 });
    const utf8ish = fc.string({ unit: 'binary', maxLength: 20 }).chain((s) =>
      fc
        .tuple(fc.constant(Buffer.from(s, 'utf8')), fc.nat(40), fc.integer({ min: 0x80, max: 0xff }))
        .map(([b, i, x]) => {
          const c = Buffer.from(b);
          if (c.length > 0) c[i % c.length] = x;
          return c;
        }),
    );
    fc.assert(
      fc.property(fc.oneof(bytes, utf8ish), (b) => {
        const bad = firstBadUtf8(b);
        let valid = true;
        try {
          strict.decode(b);
        } catch {
          valid = false;
        }
        expect(bad === -1).toBe(valid);
        if (bad !== -1) {
          // The bytes before it decode; with it, the sequence it starts cannot.
          expect(() => strict.decode(b.subarray(0, bad))).not.toThrow();
        }
      }),
      { seed: 23, numRuns: 1000 },
    );
  });

  test('decodeText: UTF-8 with its BOM kept, UTF-16 LE and BE by their BOM, a NUL located', () => {
    expect(decodeText(Buffer.from('\ufeffa\rb', 'utf8'))).toEqual({ ok: true, text: '\ufeffa\rb', encoding: 'utf8' });
    expect(decodeText(Buffer.from('\ufeffé😀', 'utf16le'))).toEqual({
      ok: true,
      text: '\ufeffé😀',
      encoding: 'utf16le',
    });
    expect(decodeText(Buffer.from('\ufeffé😀', 'utf16le').swap16())).toEqual({
      ok: true,
      text: '\ufeffé😀',
      encoding: 'utf16be',
    });
    expect(decodeText(Buffer.from('ab\ncd\0', 'utf8'))).toEqual({
      ok: false,
      text: 'ab\ncd\0',
      offset: 5,
      detail: 'a NUL byte (0x00) at byte 6',
    });
    expect(decodeText(Buffer.from([0xff, 0xfe, 0x61]))).toMatchObject({
      ok: false,
      detail: 'UTF-16 LE with an odd number of bytes (3)',
    });
    expect(decodeText(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x61, 0x00]))).toMatchObject({
      ok: false,
      offset: 1,
      detail: 'invalid UTF-16 LE (an unpaired surrogate) at byte 3',
    });
  });
});
