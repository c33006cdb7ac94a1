// Cuts a small regression fixture for the delta out of a real public repository's history:
//
//   node scripts/run-ts.mjs scripts/delta-fixture.ts <git-dir> <base> <head> <name> [path-prefix ...]
//
// <git-dir> is a clone (a bare one will do) of a public Salesforce project. The fixture keeps only
// the files of base..head under the prefixes (default force-app) and the files that give them
// their meaning (a bundle's -meta.xml, an object's own file, sibling files of the same name,
// sfdx-project.json and .forceignore), at both commits; files over 16 KiB or binary are replaced
// by a one-line stand-in naming their blob, so the fixture stays small and a changed file still
// differs. It writes test/fixtures/delta-history/<name>.json; `expect` is filled in by hand after
// checking the range (test/unit/delta-history.test.ts asserts it, scripts/delta-compare.ts
// compares it with sfdx-git-delta).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [gitDir, base, head, name, ...prefixes] = process.argv.slice(2);
if (!gitDir || !base || !head || !name) {
  console.error('usage: delta-fixture.ts <git-dir> <base> <head> <name> [path-prefix ...]');
  process.exit(2);
}
const scope = prefixes.length ? prefixes : ['force-app'];
const git = (...args: string[]): Buffer => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 256 * 1024 * 1024 });
const text = (...args: string[]) => git(...args).toString('utf8');
const baseSha = text('rev-parse', `${base}^{commit}`).trim();
const headSha = text('rev-parse', `${head}^{commit}`).trim();

const fields = text('diff', '--name-status', '-z', '-M', baseSha, headSha, '--', ...scope).split('\0');
const touched = new Set<string>();
for (let i = 0; i < fields.length; ) {
  const status = fields[i++];
  if (!status) continue;
  if (status.startsWith('R') || status.startsWith('C')) touched.add(fields[i++]!).add(fields[i++]!);
  else touched.add(fields[i++]!);
}

function stem(file: string): string {
  const dot = file.indexOf('.', 1);
  return dot < 0 ? file : file.slice(0, dot);
}

/** The files of `commit` that resolving the touched paths needs (the rule of src/salesforce/delta.ts withBaseBlobs). */
function context(commit: string): Map<string, string> {
  const folders = new Set<string>();
  const exact = new Set<string>(touched);
  for (const file of touched) {
    for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
      const at = dir === '.' ? '' : `${dir}/`;
      exact.add(`${at}.forceignore`).add(`${at}sfdx-project.json`);
      if (dir === '.') break;
      folders.add(dir);
    }
  }
  const listed = text('--literal-pathspecs', 'ls-tree', '-z', '--full-tree', commit, '--', ...[...folders].map((d) => `${d}/`), ...exact).split('\0');
  const stems = new Set([...touched].map((file) => `${path.posix.dirname(file)}/${stem(path.posix.basename(file))}`));
  const wanted = new Map<string, string>();
  for (const entry of listed) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!match) continue;
    const [, oid, file] = match as unknown as [string, string, string];
    const dir = path.posix.dirname(file);
    const base = path.posix.basename(file);
    const keep =
      exact.has(file) ||
      stems.has(`${dir}/${stem(base)}`) ||
      (folders.has(dir) && base.startsWith(`${path.posix.basename(dir)}.`)) ||
      [...folders].some((folder) => path.posix.dirname(folder) === dir && base.startsWith(`${path.posix.basename(folder)}.`));
    if (keep) wanted.set(file, oid);
  }
  return wanted;
}

function content(oid: string): string {
  const bytes = git('cat-file', 'blob', oid);
  if (bytes.length > 16 * 1024 || bytes.includes(0)) return `trimmed for the fixture: blob ${oid}, ${bytes.length} bytes\n`;
  return bytes.toString('utf8');
}

const before = context(baseSha);
const after = context(headSha);
const baseFiles: Record<string, string> = {};
for (const [file, oid] of [...before].sort()) baseFiles[file] = content(oid);
const headChanges: Record<string, string | null> = {};
for (const file of [...new Set([...before.keys(), ...after.keys()])].sort()) {
  const was = before.get(file);
  const now = after.get(file);
  if (was === now) continue;
  headChanges[file] = now === undefined ? null : content(now);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'test/fixtures/delta-history', `${name}.json`);
const previous = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {};
// A fetched snapshot lives in <owner>+<name>/repo; a clone names its origin.
let origin = `github:${path.basename(path.dirname(path.resolve(gitDir))).replace('+', '/')}`;
try {
  origin = text('config', '--get', 'remote.origin.url').trim() || origin;
} catch {
  // no origin configured: keep the snapshot's name
}
const fixture = {
  source: previous.source ?? origin,
  range: `${baseSha}..${headSha}`,
  subject: text('log', '-1', '--format=%s', headSha).trim(),
  scope,
  why: previous.why ?? '',
  base: baseFiles,
  head: headChanges,
  expect: previous.expect ?? { deploy: [], destructive: [] },
  ...(previous.sgd ? { sgd: previous.sgd } : {}),
};
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(fixture, null, 2)}\n`);
console.log(`${out}: ${Object.keys(baseFiles).length} base file(s), ${Object.keys(headChanges).length} change(s), ${(JSON.stringify(fixture).length / 1024).toFixed(1)} KiB`);
