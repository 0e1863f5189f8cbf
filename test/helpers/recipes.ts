// Reading the recipes the README and the walkthrough print, and running npm as a user's shell would.

/** The bodies of the fenced code blocks of `markdown` whose info string starts with `lang` (```lang). */
export function fencedBlocks(markdown: string, lang: string): string[] {
  const out: string[] = [];
  const re = /^(`{3,})([^\n`]*)\n([\s\S]*?)^\1[ \t]*$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) if (m[2]!.trim().split(/\s+/)[0] === lang) out.push(m[3]!);
  return out;
}

/** Every fenced block of `markdown`, with its language. */
export function allFencedBlocks(markdown: string): { lang: string; body: string }[] {
  const out: { lang: string; body: string }[] = [];
  const re = /^(`{3,})([^\n`]*)\n([\s\S]*?)^\1[ \t]*$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown))
    out.push({ lang: m[2]!.trim().split(/\s+/)[0] ?? '', body: m[3]! });
  return out;
}

/**
 * The environment for a nested npm: `npm test` exports npm_config_*, npm_package_* and npm_lifecycle_* variables
 * that would make a nested `npm install` act on this repository's settings; all go but the user's cache, registry
 * and userconfig (as in scripts/vscode-e2e.sh).
 */
export function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    const key = k.toLowerCase();
    if (key.startsWith('npm_') && !['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig'].includes(key))
      continue;
    env[k] = v;
  }
  return { ...env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
}
