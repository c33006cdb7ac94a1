import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from '@jest/globals';
import { unzipSync, zipSync } from 'fflate';
import { RunStatus } from '../../src/constants.js';
import { ActionError, Gate, GateError } from '../../src/errors.js';
import type { ArtifactStore, RunArtifact } from '../../src/github/artifacts.js';
import { rollbackArtifactName, type RollbackManifest } from '../../src/rollback/bundle.js';
import type { RunAttemptRecord } from '../../src/github/run-provenance.js';
import { assertRestorableArtifact } from '../../src/rollback/provenance.js';
import { chooseRollbackArtifact, dataLossWarnings, fetchRollbackBundle, restoreScope, type ProvenanceCheck } from '../../src/rollback/restore.js';
import { saveRollbackSnapshot } from '../../src/rollback/snapshot.js';
import type { OrgSession } from '../../src/salesforce/connection.js';
import { readPackageXml, type ComponentRef } from '../../src/salesforce/manifest.js';

const ORG = '00D5g000004SnqbEAC';
const OTHER_ORG = '00D5g000009ZzzzEAC';
const REPO_ID = 700_000_001;
const HEAD = 'a'.repeat(40);
const roots: string[] = [];

/** GitHub's record of a run's attempts: `event` on `branch` of acme/crm (or of a fork). */
function provenance(runId: number, run: { event?: string; branch?: string; attempts?: number; fork?: boolean } = {}): ProvenanceCheck {
  const head = run.fork ? { id: REPO_ID + 1, fullName: 'mallory/crm', fork: true } : { id: REPO_ID, fullName: 'acme/crm', fork: false };
  return {
    rule: { repository: 'acme/crm', productionBranches: ['main'] },
    readAttempt: async (attempt?: number): Promise<RunAttemptRecord> => ({
      runId, attempt: attempt ?? run.attempts ?? 1, event: run.event ?? 'push', headBranch: run.branch ?? 'main', headSha: HEAD,
      repository: { id: REPO_ID, fullName: 'acme/crm', fork: false }, headRepository: head,
    }),
  };
}
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rollback-flow-test-'));
  roots.push(dir);
  return dir;
};

/** Workflow-run artifacts kept in memory, zipped as the artifact service keeps them. */
class MemoryArtifactStore implements ArtifactStore {
  runs = new Map<number, Array<RunArtifact & { zip: Buffer }>>();
  failUpload?: Error;
  private nextId = 1000;

  constructor(public currentRun: number) {}

  async upload(name: string, rootDir: string, files: string[]): Promise<number> {
    if (this.failUpload) throw this.failUpload;
    const entries = Object.fromEntries(files.map((f) => [f, new Uint8Array(readFileSync(path.join(rootDir, f)))]));
    return this.add(this.currentRun, name, Buffer.from(zipSync(entries)));
  }
  add(runId: number, name: string, zip: Buffer, createdAt = new Date().toISOString()): number {
    const artifacts = this.runs.get(runId) ?? [];
    if (artifacts.some((a) => a.name === name)) throw new Error(`Conflict: an artifact named ${name} already exists in run ${runId}`);
    const id = this.nextId++;
    artifacts.push({ id, name, createdAt, zip });
    this.runs.set(runId, artifacts);
    return id;
  }
  async downloadOwn(name: string, dir: string): Promise<void> {
    const artifact = (this.runs.get(this.currentRun) ?? []).find((a) => a.name === name);
    if (!artifact) throw new Error(`Artifact not found for name: ${name}`);
    this.extract(artifact.zip, dir);
  }
  async listRun(runId: number): Promise<RunArtifact[]> {
    // As GitHub records them: uploaded by that run, a push of this repository on main.
    return (this.runs.get(runId) ?? []).map(({ id, name, createdAt }) => ({
      id, name, createdAt: createdAt!, workflowRun: { id: runId, repositoryId: REPO_ID, headRepositoryId: REPO_ID, headBranch: 'main', headSha: HEAD },
    }));
  }
  async downloadFromRun(runId: number, artifactId: number, dir: string): Promise<void> {
    const artifact = (this.runs.get(runId) ?? []).find((a) => a.id === artifactId);
    if (!artifact) throw new Error(`Artifact ${artifactId} not found in run ${runId}`);
    this.extract(artifact.zip, dir);
  }
  /** Rewrites one file inside a stored artifact, as someone with write access to storage could. */
  tamper(runId: number, name: string, file: string, content: string): void {
    const artifact = this.runs.get(runId)!.find((a) => a.name === name)!;
    const entries = unzipSync(artifact.zip);
    entries[file] = Buffer.from(content);
    artifact.zip = Buffer.from(zipSync(entries));
  }
  private extract(zip: Buffer, dir: string): void {
    for (const [name, bytes] of Object.entries(unzipSync(zip))) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), bytes);
    }
  }
}

/** A production org with two classes and Account.Tier__c that answers a retrieve at once. */
function productionOrg(orgId = ORG): OrgSession {
  const classes: Record<string, string> = { Invoice: 'public class Invoice { /* v1 */ }', Ledger: 'public class Ledger {}' };
  const fields: Record<string, string[]> = { Account: ['Tier__c'] };
  let request: any;
  const metadata = {
    retrieve: async (r: any) => ((request = r), { id: '09S000000000001AAA' }),
    checkRetrieveStatus: async (id: string) => {
      const files: Record<string, Uint8Array> = {};
      const fileProperties: Array<{ type: string; fullName: string; fileName: string }> = [];
      const objectFields = new Map<string, string[]>();
      for (const { name: type, members } of request.unpackaged.types) {
        for (const member of members as string[]) {
          if (type === 'ApexClass' && classes[member]) {
            files[`classes/${member}.cls`] = Buffer.from(classes[member]!);
            files[`classes/${member}.cls-meta.xml`] = Buffer.from('<ApexClass/>');
            fileProperties.push({ type, fullName: member, fileName: `classes/${member}.cls` });
          }
          if (type === 'CustomField') {
            const [object, field] = member.split('.') as [string, string];
            if (fields[object]) objectFields.set(object, [...(objectFields.get(object) ?? []), ...(fields[object]!.includes(field) ? [field] : [])]);
          }
        }
      }
      for (const [object, list] of objectFields) {
        files[`objects/${object}.object`] = Buffer.from(`<CustomObject>${list.map((f) => `<fields><fullName>${f}</fullName></fields>`).join('')}</CustomObject>`);
      }
      return { id, done: true, status: 'Succeeded', success: true, fileProperties, messages: [], zipFile: Buffer.from(zipSync(files)).toString('base64') };
    },
    list: async (queries: Array<{ type: string }>) =>
      queries.flatMap((q) =>
        q.type === 'ApexClass' ? Object.keys(classes).map((fullName) => ({ type: q.type, fullName }))
          : q.type === 'CustomField' ? Object.entries(fields).flatMap(([o, fs]) => fs.map((f) => ({ type: q.type, fullName: `${o}.${f}` })))
            : []),
  };
  const connection = { metadata } as unknown as OrgSession['connection'];
  return {
    role: 'production',
    connection,
    identity: { id: orgId, name: 'Acme', isSandbox: false, organizationType: 'Enterprise Edition', instanceUrl: 'https://acme.my.salesforce.com' },
    retrying: (_what, call) => call(connection),
    once: (_what, call) => call(connection),
  };
}

const release: ComponentRef[] = [
  { type: 'ApexClass', fullName: 'Invoice' },
  { type: 'ApexClass', fullName: 'InvoiceMailer' },
  { type: 'CustomField', fullName: 'Account.Tier__c' },
  { type: 'CustomField', fullName: 'Account.Region__c' },
];

async function snapshot(store: MemoryArtifactStore, runId: number, attempt = 1, session = productionOrg(), extra: Partial<Parameters<typeof saveRollbackSnapshot>[2]> = {}) {
  store.currentRun = runId;
  return saveRollbackSnapshot(session, release, {
    name: rollbackArtifactName(session.identity.id, runId, attempt),
    commit: 'c0ffee'.padEnd(40, '0'),
    workDir: tempDir(),
    store,
    apiVersion: '62.0',
    timeoutMs: 60000,
    log: () => {},
    sleep: async () => {},
    release: { runId, runAttempt: attempt },
    ...extra,
  });
}

describe('saveRollbackSnapshot', () => {
  it('uploads the production versions and a deletion list for what production lacks, and reads them back verified', async () => {
    const store = new MemoryArtifactStore(42);
    const log: string[] = [];
    const saved = await snapshot(store, 42, 1, productionOrg(), { log: (l) => log.push(l) });
    assert.equal(saved.name, `salesforce-rollback-${ORG}-42-1`);
    assert.equal(saved.artifactId, 1000);
    assert.deepEqual(saved.manifest.components, [{ type: 'ApexClass', fullName: 'Invoice' }, { type: 'CustomField', fullName: 'Account.Tier__c' }]);
    assert.deepEqual(saved.manifest.destructive, [{ type: 'ApexClass', fullName: 'InvoiceMailer' }, { type: 'CustomField', fullName: 'Account.Region__c' }]);
    assert.equal(readFileSync(path.join(saved.dir, 'classes/Invoice.cls'), 'utf8'), 'public class Invoice { /* v1 */ }');
    assert.ok(log.some((l) => /checksums of 5 file\(s\) verified/.test(l)), log.join('\n'));
  });

  it('refuses the snapshot gate when the upload fails, saying production was not touched', async () => {
    const store = new MemoryArtifactStore(42);
    store.failUpload = new Error('Create Artifact Container failed: 503 Service Unavailable');
    await assert.rejects(snapshot(store, 42), (error: GateError) => {
      assert.ok(error instanceof GateError);
      assert.equal(error.gate, Gate.Snapshot);
      assert.equal(error.status, RunStatus.Failed);
      assert.match(error.message, /Uploading the rollback artifact 'salesforce-rollback-.*-42-1' failed: Create Artifact Container failed: 503/);
      assert.match(error.message, /Production was not touched/);
      return true;
    });
  });

  it('refuses the snapshot gate when what is read back differs from what was uploaded', async () => {
    const store = new MemoryArtifactStore(42);
    const original = store.downloadOwn.bind(store);
    store.downloadOwn = async (name, dir) => {
      await original(name, dir);
      writeFileSync(path.join(dir, 'classes/Invoice.cls'), 'corrupted in transit');
    };
    await assert.rejects(snapshot(store, 42), (error: GateError) => {
      assert.equal(error.gate, Gate.Snapshot);
      assert.equal(error.status, RunStatus.Blocked);
      assert.match(error.message, /'classes\/Invoice\.cls' does not match its checksum/);
      assert.match(error.message, /Production was not touched/);
      return true;
    });
  });

  it('refuses the snapshot gate when a consistent but different bundle comes back', async () => {
    const store = new MemoryArtifactStore(42);
    store.downloadOwn = async (_name, dir) => {
      const other = await snapshot(new MemoryArtifactStore(9), 9);
      for (const file of ['package.xml', 'rollback.json', 'classes/Invoice.cls', 'classes/Invoice.cls-meta.xml', 'objects/Account.object', 'destructiveChanges.xml']) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), readFileSync(path.join(other.dir, file)));
      }
    };
    await assert.rejects(snapshot(store, 42), /rollback\.json differs from the one uploaded/);
  });

  it('refuses the snapshot gate when the retrieve fails', async () => {
    const session = productionOrg();
    (session.connection.metadata as any).checkRetrieveStatus = async () => ({ id: 'x', done: true, status: 'Failed', errorStatusCode: 'UNKNOWN_EXCEPTION', errorMessage: 'boom' });
    await assert.rejects(snapshot(new MemoryArtifactStore(42), 42, 1, session), /Gate 'rollback snapshot' refused: Retrieving the production versions of 4 component\(s\) failed: .*UNKNOWN_EXCEPTION: boom.*Production was not touched/);
  });

  it('retrieves what the release deletes so the rollback can bring it back, and never lists it for deletion', async () => {
    const store = new MemoryArtifactStore(43);
    const saved = await snapshot(store, 43, 1, productionOrg(), {
      release: { runId: 43, runAttempt: 1, deleted: [{ type: 'ApexClass', fullName: 'Ledger' }, { type: 'ApexClass', fullName: 'NeverExisted' }] },
    });
    assert.ok(saved.manifest.components.some((c) => c.fullName === 'Ledger'));
    assert.ok(!(saved.manifest.destructive ?? []).some((c) => c.fullName === 'NeverExisted'));
  });
});

describe('chooseRollbackArtifact', () => {
  const artifact = (id: number, name: string, createdAt = '2026-11-22T10:00:00Z'): RunArtifact => ({ id, name, createdAt });
  const mine = (attempt: number) => `salesforce-rollback-${ORG}-42-${attempt}`;

  it('picks the earliest attempt of this org\'s artifact: the snapshot taken before the run first changed production', () => {
    const chosen = chooseRollbackArtifact([artifact(1, mine(2)), artifact(2, mine(3)), artifact(3, mine(1)), artifact(4, 'coverage')], { runId: 42, orgId: ORG });
    assert.equal(chosen.id, 3);
    assert.equal(chosen.attempt, 1);
  });

  it('picks exactly the attempt asked for', () => {
    assert.equal(chooseRollbackArtifact([artifact(1, mine(1)), artifact(2, mine(2))], { runId: 42, orgId: ORG, attempt: 1 }).id, 1);
    assert.throws(() => chooseRollbackArtifact([artifact(1, mine(1))], { runId: 42, orgId: ORG, attempt: 2 }), /no rollback artifact for org .* from attempt 2; it has: salesforce-rollback-/);
  });

  it('picks this org\'s artifact in a matrix run that released several orgs', () => {
    const other = `salesforce-rollback-${OTHER_ORG}-42-1`;
    assert.equal(chooseRollbackArtifact([artifact(1, other), artifact(2, mine(1))], { runId: 42, orgId: ORG }).id, 2);
  });

  it('accepts the 15-character form of the connected org id', () => {
    assert.equal(chooseRollbackArtifact([artifact(1, mine(1))], { runId: 42, orgId: ORG.slice(0, 15) }).id, 1);
  });

  it('uses an explicit artifact name, the earliest of duplicates (one per attempt)', () => {
    const chosen = chooseRollbackArtifact([artifact(2, 'prod-rollback', '2026-11-22T11:00:00Z'), artifact(1, 'prod-rollback', '2026-11-22T10:00:00Z')], { runId: 42, orgId: ORG, name: 'prod-rollback' });
    assert.equal(chosen.id, 1);
    assert.equal(chosen.attempt, undefined);
  });

  it('names the run and the artifacts it has when none is for this org', () => {
    assert.throws(
      () => chooseRollbackArtifact([artifact(1, 'coverage'), artifact(2, 'test-results')], { runId: 42, orgId: ORG }),
      (error: Error) => error instanceof ActionError && !(error instanceof GateError) && error.message.startsWith(`Run 42 has no rollback artifact for org ${ORG}; it has: coverage, test-results.`),
    );
    assert.throws(() => chooseRollbackArtifact([], { runId: 42, orgId: ORG }), /Run 42 has no rollback artifact for org .*; it has no artifacts/);
    assert.throws(() => chooseRollbackArtifact([artifact(1, 'coverage')], { runId: 42, orgId: ORG, name: 'prod-rollback' }), /Run 42 has no artifact named 'prod-rollback'; it has: coverage/);
  });

  it('refuses when the run only has another org\'s artifact, naming both orgs', () => {
    assert.throws(
      () => chooseRollbackArtifact([artifact(1, `salesforce-rollback-${OTHER_ORG}-42-1`)], { runId: 42, orgId: ORG }),
      (error: Error) => error instanceof GateError && error.gate === Gate.RollbackArtifact && error.message.includes(OTHER_ORG) && error.message.includes(ORG),
    );
    assert.throws(() => chooseRollbackArtifact([artifact(1, `salesforce-rollback-${OTHER_ORG}-42-1`)], { runId: 42, orgId: ORG, name: `salesforce-rollback-${OTHER_ORG}-42-1` }), GateError);
  });
});

describe('fetchRollbackBundle', () => {
  it('restores from the artifact of another run: verified files and a deploy zip', async () => {
    const store = new MemoryArtifactStore(42);
    const saved = await snapshot(store, 42);
    store.currentRun = 77;
    const bundle = await fetchRollbackBundle(store, { runId: 42, orgId: ORG, workDir: tempDir(), log: () => {}, provenance: provenance(42) });
    assert.equal(bundle.artifactName, saved.name);
    assert.deepEqual(bundle.manifest, saved.manifest);
    const zip = unzipSync(bundle.zip);
    assert.deepEqual(Object.keys(zip).sort(), ['classes/Invoice.cls', 'classes/Invoice.cls-meta.xml', 'destructiveChangesPost.xml', 'objects/Account.object', 'package.xml']);
    assert.deepEqual(readPackageXml(Buffer.from(zip['package.xml']!).toString()), saved.manifest.components);
    assert.deepEqual(bundle.dataLossWarnings, ['The rollback deletes CustomField Account.Region__c, which the release added: data entered into it since the release goes with it (Setup can undelete it within 15 days).']);
  });

  it('refuses a tampered artifact, naming the file, before anything is deployed', async () => {
    const store = new MemoryArtifactStore(42);
    const saved = await snapshot(store, 42);
    store.tamper(42, saved.name, 'classes/Invoice.cls', 'public class Invoice { /* evil */ }');
    await assert.rejects(fetchRollbackBundle(store, { runId: 42, orgId: ORG, workDir: tempDir(), log: () => {}, provenance: provenance(42) }), (error: GateError) => {
      assert.equal(error.gate, Gate.RollbackArtifact);
      assert.match(error.message, /'classes\/Invoice\.cls' does not match its checksum/);
      return true;
    });
  });

  it('refuses a bundle saved from another org under this org\'s name', async () => {
    const store = new MemoryArtifactStore(42);
    const saved = await snapshot(store, 42, 1, productionOrg(OTHER_ORG));
    // Renamed in storage so the name matches the connected org; rollback.json still says where it came from.
    store.runs.get(42)![0]!.name = rollbackArtifactName(ORG, 42, 1);
    await assert.rejects(fetchRollbackBundle(store, { runId: 42, orgId: ORG, workDir: tempDir(), log: () => {}, provenance: provenance(42) }), (error: GateError) => {
      assert.equal(error.gate, Gate.RollbackArtifact);
      assert.match(error.message, new RegExp(`retrieved from org ${saved.manifest.orgId}.*reach org ${ORG}`));
      return true;
    });
  });
});

describe('dataLossWarnings', () => {
  const manifest = (deleted: ComponentRef[], destructive: ComponentRef[] = []): RollbackManifest => ({
    orgId: ORG, commit: 'c', createdAt: 't', components: [], destructive, files: {}, release: { runId: 1, runAttempt: 1, deleted },
  });

  it('says a field the release deleted comes back without its data, and that Setup can undelete it within 15 days', () => {
    const [warning] = dataLossWarnings(manifest([{ type: 'CustomField', fullName: 'Account.Legacy__c' }]));
    assert.match(warning!, /deleted CustomField Account\.Legacy__c: the rollback brings back its metadata, not its data/);
    assert.match(warning!, /undelete .* within 15 days/);
  });

  it('warns about deleted objects too, and says nothing about classes', () => {
    const warnings = dataLossWarnings(manifest([{ type: 'CustomObject', fullName: 'Shipment__c' }, { type: 'ApexClass', fullName: 'Old' }]));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /CustomObject Shipment__c: .* not its records/);
  });

  it('has nothing to say about a release that deleted nothing and added no field', () => {
    assert.deepEqual(dataLossWarnings(manifest([], [{ type: 'ApexClass', fullName: 'New' }])), []);
  });
});

describe('restoreScope', () => {
  it('is what the restore deploys and what it deletes, for the rollback\'s own snapshot', () => {
    const m: RollbackManifest = { orgId: ORG, commit: 'c', createdAt: 't', components: [{ type: 'ApexClass', fullName: 'A' }], destructive: [{ type: 'ApexClass', fullName: 'B' }], files: {} };
    assert.deepEqual(restoreScope(m), { components: [{ type: 'ApexClass', fullName: 'A' }], deleted: [{ type: 'ApexClass', fullName: 'B' }] });
  });
});
