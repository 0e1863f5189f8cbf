// The package version, for version-pinned docs URLs and cache keys. Bundlers inline it from package.json.
import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
/**
 * Where the rule pages are published, for the CLI's JSON/SARIF `docsUrl` (the editor shows the bundled pages):
 * package.json's `repository.url`, so a fork changes it there and only there.
 */
export const REPOSITORY_URL: string = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
export const DOCS_BASE = `${REPOSITORY_URL}/blob/v${VERSION}/src/rules`;
