// junit: JUnit XML for CI test reports; one testsuite per file, one failing testcase per problem, one passing testcase per clean file.
import { escapeControls } from './escape.js';
import { displayPath } from './paths.js';
import { countProblems, sumCounts, type Formatter } from './types.js';

/**
 * Escapes text for XML content and attributes. Control characters (but tab and line breaks) are written as visible
 * `\x1b`-style escapes, as the terminal formats write them: XML 1.0 cannot hold C0 at all, and DEL and C1 would reach
 * a CI page raw. What XML still cannot hold (a lone surrogate) is dropped.
 */
export function xmlEscape(text: string): string {
  return escapeControls(text, '\t\n\r')
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Escapes text for an attribute value; line breaks and tabs become character references so parsers keep them. */
export function xmlAttr(text: string): string {
  return xmlEscape(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

export const junit: Formatter = (results, ctx) => {
  const total = sumCounts(results);
  const tests = results.reduce((n, r) => n + Math.max(1, r.problems.length), 0);
  const failures = total.errorCount + total.warningCount + total.infoCount;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<testsuites name="testbed-lint" tests="${tests}" failures="${failures}" errors="0">`,
  ];
  for (const r of results) {
    const path = xmlAttr(displayPath(r.filePath, ctx.cwd));
    const c = countProblems(r.problems);
    const n = c.errorCount + c.warningCount + c.infoCount;
    lines.push(
      `  <testsuite name="${path}" tests="${Math.max(1, n)}" failures="${n}" errors="0" skipped="0" time="0">`,
    );
    if (n === 0) lines.push(`    <testcase name="${path}" classname="${path}" time="0" />`);
    for (const p of r.problems) {
      const where = `${p.line}:${p.column}`;
      lines.push(`    <testcase name="${path}:${where} ${xmlAttr(p.ruleId)}" classname="${path}" time="0">`);
      lines.push(
        `      <failure type="${xmlAttr(p.ruleId)}" message="${xmlAttr(p.message)}">${xmlEscape(`${displayPath(r.filePath, ctx.cwd)}:${where}: ${p.severity}: ${p.message} (${p.ruleId}) ${p.docsUrl}`)}</failure>`,
      );
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n');
};
