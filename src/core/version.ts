// The package version, for version-pinned docs URLs and cache keys. Bundlers inline it from package.json.
import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
export const DOCS_BASE = `https://github.com/testbed-lint/testbed-lint/blob/v${VERSION}/src/rules`;
