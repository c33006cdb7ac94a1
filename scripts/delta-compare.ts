// npm run delta-compare: the delta of every regression range (test/fixtures/delta-history) next
// to sfdx-git-delta's on the same git range, run with the range's own .forceignore. Kept out of
// `npm test`: it installs sgd from the npm registry (once, into .tmp/sgd/).
//
// Each difference is either intended, and then written down in the fixture's `sgd` entry (its
// members and why) and in docs/delta.md, or a finding: the script lists both and exits 1 on a finding.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { computeDelta } from '../src/salesforce/delta.js';
import { buildPackage } from '../src/salesforce/package.js';
import { DESTRUCTIVE_CHANGES_POST, readPackageXml } from '../src/salesforce/manifest.js';
import { buildHistory, loadHistoryRanges, sourceDirsOf } from '../test/support/delta-history.js';
import { SGD_VERSION, installSgd, runSgd } from './sgd.js';
import { strFromU8, unzipSync } from 'fflate';

process.env.SF_DISABLE_LOG_FILE ??= 'true';
installSgd();
const only = process.argv.slice(2);
const names = (refs: Array<{ type: string; fullName: string }>) => refs.map((c) => `${c.type}:${c.fullName}`).sort();
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const diff = (ours: string[], theirs: string[]) => [...ours.filter((x) => !theirs.includes(x)).map((x) => `+${x}`), ...theirs.filter((x) => !ours.includes(x)).map((x) => `-${x}`)].join(' ');
let findings = 0;
let intended = 0;
const work = mkdtempSync(path.join(tmpdir(), 'delta-compare-'));
try {
  for (const range of loadHistoryRanges().filter((r) => !only.length || only.includes(r.name))) {
    const repo = buildHistory(range, work);
    const sourceDirs = sourceDirsOf(range);
    const delta = await computeDelta({ workspace: repo.dir, base: repo.base, head: repo.head, sourceDirs, apiVersion: '62.0' });
    let ours = { deploy: [] as string[], destructive: [] as string[] };
    if (!delta.fallback) {
      const zip = unzipSync((await buildPackage({ workspace: repo.dir, sourceDirs, apiVersion: '62.0', delta })).zip);
      ours = { deploy: names(readPackageXml(strFromU8(zip['package.xml']!))), destructive: zip[DESTRUCTIVE_CHANGES_POST] ? names(readPackageXml(strFromU8(zip[DESTRUCTIVE_CHANGES_POST]))) : [] };
    }
    const sgd = runSgd(repo.dir, repo.base, repo.head, sourceDirs, path.join(work, `${range.name}-sgd`));
    const documented = { deploy: range.sgd?.deploy ?? ours.deploy, destructive: range.sgd?.destructive ?? ours.destructive };
    const agrees = same(ours.deploy, sgd.deploy) && same(ours.destructive, sgd.destructive);
    const asDocumented = same(documented.deploy, sgd.deploy) && same(documented.destructive, sgd.destructive);
    const status = delta.fallback ? 'FALLBACK' : agrees ? 'same' : asDocumented ? 'intended' : 'FINDING';
    if (status === 'FINDING' || status === 'FALLBACK') findings++;
    if (status === 'intended') intended++;
    console.log(`${status.padEnd(8)} ${range.name} (${range.source} ${range.range.replace(/([0-9a-f]{10})[0-9a-f]{30}/g, '$1')})`);
    if (delta.fallback) console.log(`         fallback: ${delta.fallback}`);
    if (agrees) console.log(`         package.xml: ${ours.deploy.join(', ') || '(none)'}; destructive: ${ours.destructive.join(', ') || '(none)'}`);
    if (!agrees) {
      console.log(`         package.xml     ours: ${ours.deploy.join(', ') || '(none)'}\n                         sgd:  ${sgd.deploy.join(', ') || '(none)'}  [ours vs sgd: ${diff(ours.deploy, sgd.deploy) || 'same'}]`);
      console.log(`         destructive     ours: ${ours.destructive.join(', ') || '(none)'}\n                         sgd:  ${sgd.destructive.join(', ') || '(none)'}  [ours vs sgd: ${diff(ours.destructive, sgd.destructive) || 'same'}]`);
      if (status === 'intended') console.log(`         why: ${range.sgd!.why}`);
    }
    if (!same(ours.deploy, range.expect.deploy) || !same(ours.destructive, range.expect.destructive)) {
      findings++;
      console.log(`FINDING  ${range.name}: ours differs from the fixture's expectation (npm test fails too)`);
    }
    repo.cleanup();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`delta-compare: sfdx-git-delta ${SGD_VERSION}; ${intended} intended difference(s) (each written down), ${findings} finding(s)`);
process.exit(findings ? 1 : 0);
