#!/usr/bin/env bash
# Executes the analyst notebook (examples/analyst.ipynb) headlessly with Debian's jupyter-nbconvert
# and Deno's Jupyter kernel, and fails if any cell errors. Deno comes from the npm registry (the
# binary inside @deno/linux-x64-glibc), jupyter-nbconvert and python3-ipykernel from Debian when
# missing. Run from the repository root after `npm run build`; the executed notebook, with its
# outputs, is written to .ci/out/notebook/. Usage: bash .ci/notebook.sh [notebook.ipynb]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.js ] || { echo "dist/ is missing: run npm run build first"; exit 1; }

notebook="${1:-examples/analyst.ipynb}"
runtimes=.ci/out/runtimes
out=.ci/out/notebook
mkdir -p "$runtimes" "$out"
deno="$PWD/$runtimes/node_modules/@deno/linux-x64-glibc/deno"
if [ ! -x "$deno" ]; then
  npm install --no-save --no-audit --no-fund --no-package-lock --prefix "$runtimes" @deno/linux-x64-glibc@2.9.6 >/dev/null
fi

if ! command -v jupyter-nbconvert >/dev/null 2>&1; then
  echo "-- installing jupyter-nbconvert and python3-ipykernel from Debian"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    jupyter-nbconvert python3-ipykernel) >/dev/null
fi

# The kernelspec `deno`, named as the notebook's metadata names it, pointing at this deno binary.
"$deno" jupyter --install --force >/dev/null 2>"$out/kernel-install.log" || { cat "$out/kernel-install.log"; echo "deno jupyter --install failed"; exit 1; }

echo "-- executing $notebook with $("$deno" --version | head -n 1) and nbconvert $(jupyter-nbconvert --version)"
# nbconvert exits non-zero when any cell raises (allow_errors is off); a cell running longer than
# its timeout (300 s), or a kernel not ready within 120 s, also fails the run.
jupyter-nbconvert --to notebook --execute \
  --ExecutePreprocessor.kernel_name=deno --ExecutePreprocessor.timeout=300 --ExecutePreprocessor.startup_timeout=120 \
  --output-dir "$out" "$notebook"

# Belt and braces: the executed notebook must hold no error output, and every code cell must have run.
python3 - "$out/$(basename "$notebook")" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1], encoding="utf-8"))
code = [c for c in nb["cells"] if c["cell_type"] == "code"]
errors = [c.get("id", "?") for c in code for o in c.get("outputs", []) if o.get("output_type") == "error"]
unrun = [c.get("id", "?") for c in code if c.get("execution_count") is None]
rich = {m for c in code for o in c.get("outputs", []) for m in o.get("data", {})}
missing = {"text/html", "image/svg+xml", "text/markdown"} - rich
if errors or unrun or missing:
    print(f"notebook failed: errors in {errors}, not run {unrun}, missing rich outputs {sorted(missing)}")
    sys.exit(1)
print(f"notebook: {len(code)} code cells ran without error; rich outputs: {', '.join(sorted(rich))}")
PY
