// sarif: SARIF 2.1.0, one run, every rule's metadata, results with regions; ready for GitHub code scanning.
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { docsUrlFor, posixPath, type Problem, type Rule } from '../api/index.js';
import { escapeJsonControls } from './escape.js';
import type { Formatter } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Problem['severity'], Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** The project's home page, from the (version-pinned) docs URL of any rule. */
export function informationUri(): string {
  return docsUrlFor('x').replace(/\/blob\/.*$/, '');
}

function sentence(text: string): string {
  const t = text.trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function descriptor(rule: Rule): Sarif.ReportingDescriptor {
  const m = rule.meta;
  const docsUrl = docsUrlFor(m.id);
  const short = sentence(m.description);
  const full = m.severityNote ? `${short} Default severity: ${m.severityNote}.` : short;
  return {
    id: m.id,
    shortDescription: { text: short },
    fullDescription: { text: full },
    helpUri: docsUrl,
    help: {
      text: `${full} Documentation: ${docsUrl}`,
      markdown: `${full}\n\n[Documentation of \`${m.id}\`](${docsUrl})`,
    },
    defaultConfiguration: { level: LEVEL[m.defaultSeverity] },
    properties: { tags: ['testbed-plan', m.category], fixable: m.fixable },
  };
}

/** An artifact's location: relative to %SRCROOT% (the cwd) when inside it, else an absolute file URI. */
function artifactLocation(filePath: string, cwd: string): Sarif.ArtifactLocation {
  if (!isAbsolute(filePath)) return { uri: encodeURI(posixPath(filePath, sep)) };
  const rel = relative(cwd, filePath);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
    return { uri: pathToFileURL(filePath).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(p: { line: number; column: number; endLine: number; endColumn: number }): Sarif.Region {
  return { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn };
}

export const sarif: Formatter = (results, ctx) => {
  const rules = ctx.rules.map(descriptor);
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.meta.id, i] as const));
  const artifacts: Sarif.Artifact[] = [];
  const sarifResults: Sarif.Result[] = [];
  for (const file of results) {
    const location = artifactLocation(file.filePath, ctx.cwd);
    const index = artifacts.push({ location }) - 1;
    const physical = (p: Parameters<typeof region>[0]): Sarif.PhysicalLocation => ({
      artifactLocation: { ...location, index },
      region: region(p),
    });
    for (const p of file.problems) {
      const r: Sarif.Result = {
        ruleId: p.ruleId,
        level: LEVEL[p.severity],
        message: { text: p.message },
        locations: [{ physicalLocation: physical(p) }],
      };
      const i = ruleIndex.get(p.ruleId);
      if (i !== undefined) r.ruleIndex = i;
      if (p.related && p.related.length > 0)
        r.relatedLocations = p.related.map((rel, id) => ({
          id,
          message: { text: rel.message },
          physicalLocation: physical(rel),
        }));
      sarifResults.push(r);
    }
  }
  const root = pathToFileURL(ctx.cwd).href;
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'testbed-lint',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: informationUri(),
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: root.endsWith('/') ? root : `${root}/` } },
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return escapeJsonControls(JSON.stringify(log, null, 2));
};
