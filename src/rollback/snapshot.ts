import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { RunStatus } from '../constants.js';
import { Gate, GateError, errorMessage } from '../errors.js';
import type { ArtifactStore } from '../github/artifacts.js';
import type { OrgSession } from '../salesforce/connection.js';
import type { ComponentRef } from '../salesforce/manifest.js';
import { retrieveComponents } from '../salesforce/retrieve.js';
import { noteSnapshot } from '../salesforce/org-lock.js';
import { ROLLBACK_MANIFEST, verifyRollbackBundle, writeRollbackBundle, type RollbackManifest } from './bundle.js';

/** A rollback artifact that was stored and read back intact. */
export interface RollbackSnapshot {
  /** Artifact name (the `rollback-artifact` output). */
  name: string;
  artifactId: number;
  manifest: RollbackManifest;
  /** The bundle as read back from the artifact service and verified. */
  dir: string;
}

/** What saveRollbackSnapshot needs besides the production session and the components. */
export interface SnapshotOptions {
  name: string;
  commit: string;
  /** A folder the snapshot may create subfolders in (e.g. RUNNER_TEMP). */
  workDir: string;
  store: ArtifactStore;
  apiVersion: string;
  timeoutMs: number;
  log: (line: string) => void;
  /** The release this snapshot guards; its `deleted` components are retrieved too, so they can be restored. */
  release?: RollbackManifest['release'];
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

/**
 * Gate 5: retrieves the production versions of every component the release touches, writes the
 * rollback bundle, uploads it, downloads it again and verifies every checksum. Any failure
 * refuses the gate, and production is not touched.
 */
export async function saveRollbackSnapshot(production: OrgSession, components: ComponentRef[], options: SnapshotOptions): Promise<RollbackSnapshot> {
  const orgId = production.identity.id;
  const touched = [...components, ...(options.release?.deleted ?? [])];
  const untouched = 'Production was not touched: the deploy runs only after its rollback artifact is stored and verified.';
  mkdirSync(options.workDir, { recursive: true });
  const work = mkdtempSync(path.join(options.workDir, 'rollback-snapshot-'));
  const bundleDir = path.join(work, 'bundle');
  const readBackDir = path.join(work, 'read-back');
  mkdirSync(bundleDir);
  mkdirSync(readBackDir);

  // A deploy completed after this point makes the snapshot stale; the deploy step checks for one.
  noteSnapshot(production);
  const retrieved = await step(`Retrieving the production versions of ${touched.length} component(s) failed`, untouched, () =>
    retrieveComponents(production, touched, { apiVersion: options.apiVersion, timeoutMs: options.timeoutMs, log: options.log, ...(options.sleep ? { sleep: options.sleep } : {}) }),
  );
  options.log(`Retrieved ${retrieved.present.length} of ${touched.length} component(s) from production org ${orgId}; ${retrieved.absent.length} absent from production.`);

  const written = await step('Writing the rollback bundle failed', untouched, async () =>
    writeRollbackBundle(bundleDir, retrieved, {
      orgId,
      commit: options.commit,
      createdAt: (options.now?.() ?? new Date()).toISOString(),
      apiVersion: options.apiVersion,
      ...(options.release ? { release: options.release } : {}),
    }),
  );
  const deletes = written.manifest.destructive?.length ?? 0;
  options.log(`Rollback bundle: restores ${written.manifest.components.length} component(s), deletes ${deletes}${deletes ? ` (${written.manifest.destructive!.map((c) => `${c.type} ${c.fullName}`).join(', ')})` : ''}.`);

  const artifactId = await step(`Uploading the rollback artifact '${options.name}' failed`, untouched, () => options.store.upload(options.name, bundleDir, written.files));
  options.log(`Uploaded rollback artifact '${options.name}' (id ${artifactId}, ${written.files.length} files).`);

  await step(`Reading the rollback artifact '${options.name}' back failed`, untouched, () => options.store.downloadOwn(options.name, readBackDir));
  const manifest = await step(`The rollback artifact '${options.name}' read back does not match what was uploaded`, untouched, async () => {
    const readBack = verifyRollbackBundle(readBackDir, orgId);
    // Self-consistent is not enough: it must be the bundle this run wrote.
    if (JSON.stringify(readBack) !== JSON.stringify(written.manifest)) throw new Error(`its ${ROLLBACK_MANIFEST} differs from the one uploaded.`);
    return readBack;
  }, RunStatus.Blocked);
  options.log(`Read back rollback artifact '${options.name}': checksums of ${Object.keys(manifest.files).length} file(s) verified.`);
  return { name: options.name, artifactId, manifest, dir: readBackDir };
}

/** Runs one step of the snapshot, turning its failure into the snapshot gate's refusal. */
async function step<T>(what: string, consequence: string, run: () => Promise<T>, status: RunStatus = RunStatus.Failed): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const reason = errorMessage(error).replace(/^Gate '[^']+' refused: /, '');
    throw new GateError(Gate.Snapshot, `${what}: ${reason} ${consequence}`, status);
  }
}
