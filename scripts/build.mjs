// Bundles src/ into dist/ with ncc: dist/index.js (entry for main: and post:), one chunk per lazily
// loaded phase, dist/package.json ({"type":"module"}) and dist/licenses.txt.
// `node scripts/build.mjs [outDir]` (default dist).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const out = process.argv[2] ?? 'dist';
rmSync(out, { recursive: true, force: true });
const ncc = spawnSync('npx', ['ncc', 'build', 'src/index.ts', '-o', out, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'], { stdio: 'inherit' });
if (ncc.status !== 0) process.exit(ncc.status ?? 1);
writeFileSync(path.join(out, 'package.json'), '{\n  "type": "module"\n}\n');

// Files ncc copies next to the bundle because a dependency names them by path, which the action
// never loads. Each is listed with the reason it is dead here.
const deadWeight = {
  // jsforce's streaming API ships Faye's browser client (and its source maps) for web pages; the
  // action runs in Node and never uses the streaming API.
  client: 'faye browser client',
  // pino's worker-thread transports, started only when @salesforce/core writes its log file. The
  // action sets SF_DISABLE_LOG_FILE=true before loading SDR (src/salesforce/package.ts, delta.ts),
  // so @salesforce/core logs to memory and never starts a transport.
  'worker.js': 'pino transport worker',
  'worker1.js': 'thread-stream worker',
  'file.js': 'pino file transport',
};
for (const name of Object.keys(deadWeight)) {
  if (existsSync(path.join(out, name))) rmSync(path.join(out, name), { recursive: true, force: true });
}
// Type declarations ncc emits for src/: nothing imports the bundle as a library.
for (const entry of readdirSync(out)) if (entry.endsWith('.d.ts')) rmSync(path.join(out, entry));
