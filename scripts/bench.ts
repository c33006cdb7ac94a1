// npm run bench: start-up and packaging figures, each quoted as a ratio against a baseline
// measured in the same run on the same machine.
//  1. cold start, each against a bare `node -e 0` spawn-to-exit measured alternately in the same
//     run: (a) an input-error run of dist/index.js (a bad `environment`), spawn to exit, outputs,
//     summary and annotations written as on a runner; (b) a valid run, spawn until the first byte
//     of the Salesforce token request arrives (the request, not just the connection) and, for
//     comparison, until the connection opens. ACTION_DIST=<dir> benches another bundle.
//  2. packaging: SDR conversion of the 10,000-file project test/support/sfdx-project.ts generates
//     (size `large`), time and peak RSS, against reading the same files and zipping them with fflate.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
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
await actionInputError(workspace);
await actionToLoginRequest(workspace);
const bare: number[] = [];
const inputError: number[] = [];
const login: Array<{ connection: number; firstByte: number }> = [];
for (let i = 0; i < runs; i++) {
  bare.push(await bareNode());
  inputError.push(await actionInputError(workspace));
  login.push(await actionToLoginRequest(workspace));
}
const b = median(bare);
const ratio = (ms: number) => `${ms.toFixed(0)} ms, ratio ${(ms / b).toFixed(2)}x`;
console.log(`Node: ${spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()}, bundle ${path.relative(root, dist) || '.'}, ${runs} alternated runs each, medians; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs`);
console.log(`cold start  bare node -e 0: ${b.toFixed(0)} ms`);
console.log(`            input-error run, spawn to exit: ${ratio(median(inputError))}`);
console.log(`            valid run, spawn to first byte of the login request: ${ratio(median(login.map((l) => l.firstByte)))} (connection opened at ${median(login.map((l) => l.connection)).toFixed(0)} ms)`);

// BENCH_PACKAGE_RUNS=0 skips the packaging figures (start-up only).
const packageRuns = Number(process.env.BENCH_PACKAGE_RUNS ?? 3);
if (packageRuns > 0) {
  const project = generateProject();
  const packaging: Array<{ ms: number; rssMiB: number; detail: string }> = [];
  const zipping: Array<{ ms: number; rssMiB: number; detail: string }> = [];
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
}
rmSync(workspace, { recursive: true, force: true });
