// npm run bench: start-up and packaging figures, each quoted as a ratio against a baseline
// measured in the same run on the same machine.
//  1. cold start: spawn of dist/index.js (Node 24) until its first network connection (the
//     Salesforce token request), against a bare `node -e 0` spawn-to-exit.
//  2. packaging: SDR conversion of the 10,000-file project test/support/sfdx-project.ts generates
//     (size `large`), time and peak RSS, against reading the same files and zipping them with fflate.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProject as writeProject, PROJECT_SIZES } from '../test/support/sfdx-project.js';
// @ts-expect-error plain ESM helper
import { node24 } from './node24.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = node24();
const runs = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function bareNode(): Promise<number> {
  const start = process.hrtime.bigint();
  await new Promise((resolve) => spawn(node, ['-e', '0']).on('close', resolve));
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function actionToFirstConnection(workspace: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const start = process.hrtime.bigint();
  const child = spawn(node, [path.join(root, 'dist/index.js')], {
    cwd: workspace,
    env: {
      PATH: process.env.PATH,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'acme/crm',
      'INPUT_SANDBOX-AUTH-URL': `force://PlatformCLI::bench-token@http://127.0.0.1:${port}`,
      INPUT_ENVIRONMENT: 'sandbox',
      INPUT_MODE: 'auto',
      'INPUT_TEST-LEVEL': 'RunLocalTests',
      'INPUT_GITHUB-TOKEN': 'x',
    },
    stdio: 'ignore',
  });
  const elapsed = await new Promise<number>((resolve) => server.once('connection', (socket) => {
    resolve(Number(process.hrtime.bigint() - start) / 1e6);
    socket.destroy();
  }));
  child.kill();
  server.close();
  return elapsed;
}

function generateProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-project-'));
  writeProject(dir, 'large');
  return dir;
}

function measure(script: string, project: string): { ms: number; rssMiB: number; detail: string } {
  // Inside the repository, so the script resolves the project's node_modules.
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const file = path.join(root, '.tmp', `bench-${process.pid}-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, script);
  const out = spawnSync(node, ['--import', 'tsx', file, project], { cwd: root, encoding: 'utf8', env: { ...process.env, SF_DISABLE_LOG_FILE: 'true' } });
  rmSync(file);
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!);
}

const PACKAGE_SCRIPT = `
import { buildPackage } from '${path.join(root, 'src/salesforce/package.ts')}';
const start = performance.now();
const pkg = await buildPackage({ workspace: process.argv[2], sourceDirs: ['force-app'], apiVersion: '62.0' });
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, detail: pkg.components.length + ' components, ' + pkg.fileCount + ' files, ' + (pkg.zip.length / 1048576).toFixed(1) + ' MiB zip' }));
`;
const ZIP_SCRIPT = `
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
const start = performance.now();
const files: Record<string, Uint8Array> = {};
const walk = (dir: string) => { for (const e of readdirSync(dir)) { const f = path.join(dir, e); if (statSync(f).isDirectory()) walk(f); else files[path.relative(process.argv[2], f)] = readFileSync(f); } };
walk(path.join(process.argv[2], 'force-app'));
const zip = zipSync(files);
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, detail: Object.keys(files).length + ' files, ' + (zip.length / 1048576).toFixed(1) + ' MiB zip' }));
`;

const workspace = mkdtempSync(path.join(tmpdir(), 'bench-ws-'));
writeFileSync(path.join(workspace, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }));
spawnSync('mkdir', ['-p', path.join(workspace, 'force-app')]);
await bareNode();
await actionToFirstConnection(workspace);
const bare: number[] = [];
const action: number[] = [];
for (let i = 0; i < runs; i++) {
  bare.push(await bareNode());
  action.push(await actionToFirstConnection(workspace));
}
console.log(`Node: ${spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()}, ${runs} runs each, medians`);
console.log(`cold start  bare node -e 0: ${median(bare).toFixed(0)} ms | dist/index.js to first network call: ${median(action).toFixed(0)} ms | ratio ${(median(action) / median(bare)).toFixed(2)}x`);

const project = generateProject();
const packaging: Array<{ ms: number; rssMiB: number; detail: string }> = [];
const zipping: Array<{ ms: number; rssMiB: number; detail: string }> = [];
const packageRuns = Number(process.env.BENCH_PACKAGE_RUNS ?? 3);
for (let i = 0; i < packageRuns; i++) {
  zipping.push(measure(ZIP_SCRIPT, project));
  packaging.push(measure(PACKAGE_SCRIPT, project));
}
const pick = (xs: typeof packaging) => ({ ms: median(xs.map((x) => x.ms)), rssMiB: median(xs.map((x) => x.rssMiB)), detail: xs[0].detail });
const p = pick(packaging);
const z = pick(zipping);
console.log(`packaging   project: ${p.detail} (sfdx-project.ts size large: ${PROJECT_SIZES.large.services} services with tests, ${PROJECT_SIZES.large.objects} objects), ${packageRuns} runs each, medians`);
console.log(`            baseline read+zip (fflate): ${z.ms.toFixed(0)} ms, peak RSS ${z.rssMiB.toFixed(0)} MiB (${z.detail})`);
console.log(`            SDR buildPackage: ${p.ms.toFixed(0)} ms, peak RSS ${p.rssMiB.toFixed(0)} MiB | time ratio ${(p.ms / z.ms).toFixed(2)}x, memory ratio ${(p.rssMiB / z.rssMiB).toFixed(2)}x`);
rmSync(project, { recursive: true, force: true });
rmSync(workspace, { recursive: true, force: true });

// 3. delta packaging (issue 8): a 10-file change (classes edited, a new LWC, fields deleted, a
//    label removed) committed on top of the 10,000-file project, packaged with `delta: true`
//    (computeDelta + buildPackage, deletions included) against a full package of the same head,
//    and against sfdx-git-delta on the same range (manifests only; it builds no zip). Each in a
//    fresh Node 24 process, module loading included. Skipped with BENCH_DELTA=0; sgd is installed
//    into .tmp/sgd on first use (npm registry), or left out with BENCH_SGD=0.
async function benchDelta(): Promise<void> {
  const { changeProject } = await import('../test/support/sfdx-project.js');
  const dir = generateProject();
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' }).stdout.trim();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const base = git('rev-parse', 'HEAD');
  const change = changeProject(dir, { editClasses: 4, addLwc: 1, deleteFields: 2 });
  const labels = path.join(dir, 'force-app/main/default/labels/CustomLabels.labels-meta.xml');
  const { readFileSync } = await import('node:fs');
  writeFileSync(labels, readFileSync(labels, 'utf8').replace(/\n    <labels>[\s\S]*?<\/labels>/, ''));
  git('add', '-A');
  git('commit', '-q', '-m', 'a 10-file change');
  const head = git('rev-parse', 'HEAD');
  const changed = git('diff', '--name-only', base, head).split('\n').filter(Boolean).length;
  const tracked = git('ls-files').split('\n').filter(Boolean).length;

  // The module load of source-deploy-retrieve is timed apart: every package pays it, and the
  // action overlaps it with authentication (ADR 0005); the figures after it are the work itself.
  const withSdr = (body: string) => `
import { computeDelta } from '${path.join(root, 'src/salesforce/delta.ts')}';
import { buildPackage } from '${path.join(root, 'src/salesforce/package.ts')}';
const loading = performance.now();
await import('@salesforce/source-deploy-retrieve');
const loadMs = performance.now() - loading;
const start = performance.now();
${body}
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, loadMs, rssMiB: process.resourceUsage().maxRSS / 1024, detail }));
`;
  const DELTA_SCRIPT = withSdr(`
const delta = await computeDelta({ workspace: process.argv[2], base: '${base}', head: '${head}', sourceDirs: ['force-app'], apiVersion: '62.0' });
if (delta.fallback) throw new Error(delta.fallback);
const pkg = await buildPackage({ workspace: process.argv[2], sourceDirs: ['force-app'], apiVersion: '62.0', delta });
const detail = pkg.components.length + ' components, ' + (pkg.destructive ?? []).length + ' deletion(s), ' + pkg.fileCount + ' files in the zip, ' + delta.baseFilesRead + ' base file(s) read';`);
  const FULL_SCRIPT = withSdr(`
const pkg = await buildPackage({ workspace: process.argv[2], sourceDirs: ['force-app'], apiVersion: '62.0' });
const detail = pkg.components.length + ' components, ' + pkg.fileCount + ' files in the zip';`);
  type Run = { ms: number; loadMs: number; rssMiB: number; detail: string };
  const deltaRuns: Run[] = [];
  const fullRuns: Run[] = [];
  const sgdRuns: Array<{ ms: number; loadMs: number }> = [];
  const useSgd = process.env.BENCH_SGD !== '0';
  const { runSgd } = useSgd ? await import('./sgd.js') : { runSgd: undefined };
  const sgdOut = mkdtempSync(path.join(tmpdir(), 'bench-sgd-'));
  let sgdDetail = '';
  for (let i = 0; i < packageRuns; i++) {
    deltaRuns.push(measure(DELTA_SCRIPT, dir) as Run);
    fullRuns.push(measure(FULL_SCRIPT, dir) as Run);
    if (runSgd) {
      const result = runSgd(dir, base, head, ['force-app'], path.join(sgdOut, String(i)));
      sgdRuns.push({ ms: result.ms, loadMs: result.loadMs });
      sgdDetail = `${result.deploy.length} package member(s), ${result.destructive.length} destructive`;
    }
  }
  const d = pick(deltaRuns);
  const f = pick(fullRuns);
  const sdrLoad = median([...deltaRuns, ...fullRuns].map((r) => r.loadMs));
  console.log(`delta       ${changed} files changed (${change.changedClasses.length} classes edited, LWC ${change.addedLwc.join(', ')} added, ${change.deletedFields.length} fields deleted, 1 label removed) in a ${tracked}-file repository, ${packageRuns} runs each, medians`);
  console.log(`            loading source-deploy-retrieve (paid by both, before the figures below): ${sdrLoad.toFixed(0)} ms`);
  console.log(`            full package of head: ${f.ms.toFixed(0)} ms, peak RSS ${f.rssMiB.toFixed(0)} MiB (${f.detail})`);
  console.log(`            delta package:        ${d.ms.toFixed(0)} ms, peak RSS ${d.rssMiB.toFixed(0)} MiB (${d.detail}) | ${(f.ms / d.ms).toFixed(1)}x cheaper in time (target >= 20x), ${(f.rssMiB / d.rssMiB).toFixed(1)}x in memory; with the module load: ${((f.ms + sdrLoad) / (d.ms + sdrLoad)).toFixed(1)}x`);
  if (sgdRuns.length) {
    const s = median(sgdRuns.map((r) => r.ms));
    const sLoad = median(sgdRuns.map((r) => r.loadMs));
    console.log(`            sfdx-git-delta:       ${s.toFixed(0)} ms after loading its modules (${sLoad.toFixed(0)} ms) (${sgdDetail}, no zip) | delta package takes ${(d.ms / s).toFixed(2)}x sgd's time (target < 1); with module loads: ${((d.ms + sdrLoad) / (s + sLoad)).toFixed(2)}x`);
  }
  rmSync(sgdOut, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}
if (process.env.BENCH_DELTA !== '0') await benchDelta();
