// Runs the test suite with Node's test runner on the runtime users get (Node 24), TypeScript
// loaded through tsx. `node scripts/test.mjs [unit|e2e|emulators] [file...]`.
import { spawnSync } from 'node:child_process';
import { node24 } from './node24.mjs';

const suites = { unit: 'test/unit/**/*.test.ts', emulators: 'test/emulators/**/*.test.ts', integration: 'test/integration/**/*.test.ts', e2e: 'test/e2e/**/*.test.ts' };
const args = process.argv.slice(2);
const chosen = args.filter((a) => a in suites);
const files = args.filter((a) => !(a in suites));
const patterns = files.length ? files : (chosen.length ? chosen : Object.keys(suites)).map((s) => suites[s]);
const node = node24();
const testFiles = files.length ? files : patterns.flatMap((p) => runGlob(node, p));

function runGlob(bin, pattern) {
  const out = spawnSync(bin, ['-e', `process.stdout.write(JSON.stringify(require('node:fs').globSync(${JSON.stringify(pattern)})))`], { encoding: 'utf8' });
  return JSON.parse(out.stdout || '[]').sort();
}

const result = spawnSync(
  node,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000', ...testFiles],
  { stdio: 'inherit', env: { ...process.env, SF_DISABLE_LOG_FILE: 'true' } },
);
process.exit(result.status ?? 1);
