#!/usr/bin/env bash
# Validating programme data in any CI: write the sample district as a CSV folder with the built CLI,
# validate it, and keep the reports (JUnit for test dashboards, SARIF for code scanning, Markdown
# for a summary). Builds nothing itself: run `npm run build` first (CI does).
# Exit codes of `pthv validate`: 0 no errors, 1 the programme breaks a rule, 2 unreadable input or
# configuration. Only 0 lets this script succeed.
set -euo pipefail
cd "$(dirname "$0")/.."
cli="node dist/cli.js"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

$cli sample-district --students 800 --seed ci --format csv --out "$work/district"

cat > "$work/pthv.config.json" <<'JSON'
{
  "extends": "pthv:recommended",
  "rules": {
    "scheduled-in-advance": ["error", { "minLeadHours": 48 }],
    "plan-deadline": ["error", { "today": "2026-11-01" }]
  }
}
JSON

# Human-readable output in the log; the exit code decides the job.
$cli validate "$work/district" --config "$work/pthv.config.json" --max-warnings 0

# Machine-readable reports for the CI system (a failing run still writes them).
$cli validate "$work/district" --config "$work/pthv.config.json" --format junit --output "$work/pthv-validate.junit.xml"
$cli validate "$work/district" --config "$work/pthv.config.json" --format sarif --output "$work/pthv-validate.sarif"
$cli validate "$work/district" --config "$work/pthv.config.json" --format markdown --output "$work/pthv-validate.md"
echo "validated: reports in $work (removed on exit)"
