// Fails when the committed dist/ differs from a fresh build of src/ (the runner executes dist/).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const fresh = mkdtempSync(path.join(tmpdir(), 'dist-check-'));
const build = spawnSync(process.execPath, ['scripts/build.mjs', fresh], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const list = (root, dir = '') =>
  readdirSync(path.join(root, dir)).flatMap((e) => {
    const rel = path.join(dir, e);
    return statSync(path.join(root, rel)).isDirectory() ? list(root, rel) : [rel];
  });
const committed = new Set(list('dist'));
const built = new Set(list(fresh));
const problems = [];
for (const f of built) {
  if (!committed.has(f)) problems.push(`missing from dist/: ${f}`);
  else if (!readFileSync(path.join('dist', f)).equals(readFileSync(path.join(fresh, f)))) problems.push(`differs: dist/${f}`);
}
for (const f of committed) if (!built.has(f)) problems.push(`not produced by the build: dist/${f}`);
rmSync(fresh, { recursive: true, force: true });
if (problems.length) {
  console.error(`dist/ does not match a fresh build of src/ (run npm run build and commit dist/):\n  ${problems.slice(0, 20).join('\n  ')}`);
  process.exit(1);
}
console.log(`dist/ matches a fresh build (${built.size} files).`);
