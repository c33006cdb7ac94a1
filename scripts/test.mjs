// Runs jest (native ESM: node --experimental-vm-modules) on Node 24 when this machine has it (see
// node24.mjs), with the suites named as in package.json:
//   node scripts/test.mjs [unit|emulators|integration|e2e ...] [file or jest option ...]
// Suite names select folders under test/; anything else is passed to jest as is (test files,
// `-t 'name pattern'`, `--coverage`, …). ACTION_DIST=/path runs the end-to-end tests against that
// bundle instead of dist/.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { node24 } from './node24.mjs';

const suites = { unit: 'test/unit/', emulators: 'test/emulators/', integration: 'test/integration/', e2e: 'test/e2e/' };
const args = process.argv.slice(2);
const selected = args.filter((a) => a in suites).map((s) => suites[s]);
const rest = args.filter((a) => !(a in suites));
const jest = createRequire(import.meta.url).resolve('jest/bin/jest');

const result = spawnSync(node24(), ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, ...rest, ...selected], {
  stdio: 'inherit',
  env: { ...process.env, SF_DISABLE_LOG_FILE: 'true' },
});
process.exit(result.status ?? 1);
