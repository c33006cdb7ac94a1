// Runs a TypeScript script (demo, bench, emulator) on Node 24 through tsx.
import { spawnSync } from 'node:child_process';
import { node24 } from './node24.mjs';

const [script, ...args] = process.argv.slice(2);
const result = spawnSync(node24(), ['--import', 'tsx', script, ...args], { stdio: 'inherit', env: { ...process.env, SF_DISABLE_LOG_FILE: 'true' } });
process.exit(result.status ?? 1);
