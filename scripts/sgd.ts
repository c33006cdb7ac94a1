// sfdx-git-delta (https://github.com/scolladon/sfdx-git-delta), the community's delta tool, as a
// yardstick for `delta: true`. Not a dependency of the action: it is installed from the npm
// registry, once, into .tmp/sgd/<version>/ (as scripts/sf-cli-check.sh does for the CLI), and
// called through its library entry (lib/main.js, what `sf sgd source delta` runs) so no CLI is needed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
// @ts-expect-error plain ESM helper
import { node24 } from './node24.mjs';
import { readPackageXml } from '../src/salesforce/manifest.js';

export const SGD_VERSION = '6.31.0';
const root = fileURLToPath(new URL('..', import.meta.url));
const cache = path.join(root, '.tmp', 'sgd', SGD_VERSION);

/** The folder holding node_modules/sfdx-git-delta, installed on first use. */
export function installSgd(log: (line: string) => void = console.log): string {
  if (existsSync(path.join(cache, '.complete'))) return cache;
  mkdirSync(path.dirname(cache), { recursive: true });
  const stage = mkdtempSync(`${cache}.install-`);
  log(`Installing sfdx-git-delta@${SGD_VERSION} into ${path.relative(root, cache)} (once) ...`);
  // --ignore-scripts: sgd needs none; the registry is the only network it touches.
  execFileSync('npm', ['install', '--prefix', stage, '--save-exact', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `sfdx-git-delta@${SGD_VERSION}`], { stdio: 'inherit' });
  writeFileSync(path.join(stage, '.complete'), '');
  try {
    renameSync(stage, cache);
  } catch {
    rmSync(stage, { recursive: true, force: true }); // another run finished first
  }
  return cache;
}

export interface SgdResult {
  deploy: string[];
  destructive: string[];
  warnings: string[];
}

/**
 * Runs sgd on `from..to` of the repository, with its .forceignore as sgd's --ignore-file, in a
 * process of its own (sgd keeps module-level caches between runs in one process).
 */
export function runSgd(repo: string, from: string, to: string, sourceDirs: string[], output: string): SgdResult & { ms: number; loadMs: number } {
  const dir = installSgd();
  mkdirSync(output, { recursive: true });
  const forceignore = path.join(repo, '.forceignore');
  const config = { from, to, output, source: sourceDirs, repo, ignore: existsSync(forceignore) ? forceignore : undefined, ignoreWhitespace: false, generateDelta: false, apiVersion: 62 };
  const runner = `
    const started = performance.now();
    const { default: sgd } = await import(${JSON.stringify(pathToFileURL(path.join(dir, 'node_modules/sfdx-git-delta/lib/main.js')).href)});
    const loaded = performance.now();
    const work = await sgd(JSON.parse(process.argv[1]));
    console.log(JSON.stringify({ loadMs: loaded - started, ms: performance.now() - loaded, warnings: (work.warnings ?? []).map((w) => String(w?.message ?? w)) }));`;
  const out = execFileSync(node24(), ['--input-type=module', '-e', runner, JSON.stringify(config)], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const { ms, loadMs, warnings } = JSON.parse(out.trim().split('\n').at(-1)!);
  const read = (file: string) => (existsSync(file) ? readPackageXml(readFileSync(file, 'utf8')).map((c) => `${c.type}:${c.fullName}`).sort() : []);
  return {
    deploy: read(path.join(output, 'package', 'package.xml')),
    destructive: read(path.join(output, 'destructiveChanges', 'destructiveChanges.xml')),
    warnings,
    ms,
    loadMs,
  };
}
