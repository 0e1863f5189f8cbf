// The --help text.
import { DEFAULT_MAX_FILE_SIZE } from '../node/read.js';

export const HELP = `Usage: testbed-lint [options] [paths or globs...]
       testbed-lint init [--yaml] NAME
       testbed-lint report [--format markdown|html] [--output FILE] [--link-base URL] [paths...]
       testbed-lint mcp    (a Model Context Protocol server on stdin/stdout, for assistants)

Checks testbed plans: *.testbed.md, *.testbed.yaml, and Markdown or YAML files with
"kind: testbed-plan". Paths default to the current folder; folders are searched for
.md/.markdown/.yaml/.yml files, skipping node_modules, .git and what .gitignore ignores.
Each plan uses the nearest .testbed-lint.yaml (.yml, .json) at or above its folder.

Output:
  -f, --format NAME         stylish (default), json, sarif, junit or github
  -o, --output FILE         write the report to FILE instead of stdout
      --quiet               report errors only
      --max-warnings N      exit with 1 when there are more than N warnings
      --color, --no-color   force colours on or off (NO_COLOR and FORCE_COLOR work too)

Linting:
  -c, --config FILE         use FILE for every plan instead of looking for config files
      --today YYYY-MM-DD    the date the rules take as today (default: the clock)
      --fix                 apply safe fixes to the files, then report what is left
      --fix-dry-run         work out the fixes without writing them (json shows "output")
      --stdin               lint one plan read from stdin
      --stdin-filename NAME the name of the text on stdin: picks the form and the config
      --max-file-size BYTES larger plans are reported, not read (default ${DEFAULT_MAX_FILE_SIZE}, 5 MB)
      --cache               only lint plans that changed since the last run with --cache
      --cache-location DIR  the cache folder (default node_modules/.cache/testbed-lint)
      --concurrency N       lint on N threads; "auto" (default): one per core

Rules:
      --list-rules          list the rules with their default severity
      --explain ID          print a rule's documentation

  -h, --help                show this help
  -v, --version             show the version

init writes NAME.testbed.md (NAME.testbed.yaml with --yaml) from a template, in English
or, with --lang de, fr or es, in German, French or Spanish, NAME in
kebab case as the editor's New plan names it: init "Faster invoicing with Acme" writes
faster-invoicing-with-acme.testbed.md titled "Faster invoicing with Acme". It never
overwrites a file. To lint a folder called "init" or "report", write ./init or ./report.

report prints an overview of the plans instead of their problems: status, the three
points, the last iteration and iterations over time (one time axis for every plan),
counts, and each plan's findings with links to the plan's line and the rule's page.
--format markdown (default) is for a pull-request comment or a job summary; --format html
a self-contained page. Plan links are relative to the --output file's folder (or the
current one); --link-base URL puts URL before each plan's path instead, as in
https://github.com/OWNER/REPO/blob/SHA/. It exits with 0 unless the run itself fails.

Exit codes: 0 no errors (and warnings within --max-warnings); 1 errors, or too many
warnings; 2 a usage error, a bad config, an unreadable path, or an internal error.
`;
