// Bundles src/ into dist/ with ncc: dist/index.js (entry for main: and post:), one chunk per lazily
// loaded phase, dist/package.json ({"type":"module"}) and dist/licenses.txt.
// `node scripts/build.mjs [outDir]` (default dist).
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const out = process.argv[2] ?? 'dist';
rmSync(out, { recursive: true, force: true });
const ncc = spawnSync('npx', ['ncc', 'build', 'src/index.ts', '-o', out, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'], { stdio: 'inherit' });
if (ncc.status !== 0) process.exit(ncc.status ?? 1);
writeFileSync(path.join(out, 'package.json'), '{\n  "type": "module"\n}\n');
// ncc copies the browser client of jsforce's streaming API; the action never loads it.
for (const entry of readdirSync(out)) if (entry.endsWith('.d.ts')) rmSync(path.join(out, entry));
