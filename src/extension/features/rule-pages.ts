// The rule pages (src/rules/<id>/<id>.md), bundled into the extension as text: offline, on the desktop and the web.
import { rules } from '../../api/index.js';

/** The page of a rule, or undefined for an unknown id. */
export async function bundledRulePage(id: string): Promise<string | undefined> {
  if (!rules.some((r) => r.meta.id === id)) return undefined;
  // Why: esbuild bundles every file this pattern can match, as text (the `with` attribute); no file is read at run time.
  const page = (await import(`../../rules/${id}/${id}.md`, { with: { type: 'text' } })) as { default: string };
  return page.default;
}
