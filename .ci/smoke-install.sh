#!/usr/bin/env bash
# Installs the packed tarball into an empty project and loads it by import and by require, and
# typechecks a consumer against its declarations.
set -euo pipefail
tarball="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
dir=$(mktemp -d)
cd "$dir"
npm init -y >/dev/null
npm install --no-audit --no-fund "$tarball" >/dev/null
node --input-type=module -e 'import { sampleDistrict, VERSION } from "pthv"; import { loadProgram } from "pthv/node"; if (typeof loadProgram !== "function" || sampleDistrict({ students: 50 }).students.length !== 50) process.exit(1); console.log("import ok", VERSION);'
node -e 'const { sampleDistrict } = require("pthv"); const { loadProgram } = require("pthv/node"); if (typeof loadProgram !== "function" || sampleDistrict({ students: 50 }).students.length !== 50) process.exit(1); console.log("require ok");'
cat > consumer.ts <<'TS'
import { sampleDistrict, type Visit } from "pthv";
import { loadProgram } from "pthv/node";
const visits: Visit[] = sampleDistrict({ students: 10 }).visits;
void loadProgram;
console.log(visits.length);
TS
cat > tsconfig.json <<'TS'
{ "compilerOptions": { "strict": true, "module": "NodeNext", "moduleResolution": "NodeNext", "target": "ES2022", "noEmit": true, "skipLibCheck": false, "types": [] }, "files": ["consumer.ts"] }
TS
"$root/node_modules/.bin/tsc" -p tsconfig.json
npx pthv --version >/dev/null
echo "types ok"
