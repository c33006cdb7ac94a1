import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { ActionError, Gate, GateError, errorMessage } from '../errors.js';
import { ArtifactDigestMismatch, type ArtifactStore, type RunArtifact } from '../github/artifacts.js';
import type { ComponentRef } from '../salesforce/manifest.js';
import { orgId18, parseRollbackArtifactName, sameOrg, verifyRollbackBundle, zipRollbackBundle, type RollbackManifest } from './bundle.js';

/** A verified rollback bundle of an earlier run, ready to deploy to production. */
export interface RestoreBundle {
  runId: number;
  artifactName: string;
  manifest: RollbackManifest;
  /** The downloaded, verified bundle. */
  dir: string;
  /** The Metadata API deploy zip built from the verified files. */
  zip: Buffer;
  /** What the restore cannot bring back (data), for the log and the summary. */
  dataLossWarnings: string[];
}

/** Which rollback artifact of a run to restore. */
export interface ArtifactChoice {
  runId: number;
  /** The production org the credentials reach. */
  orgId: string;
  /** Only this attempt of the run (`rollback-run-attempt`); otherwise the latest attempt. */
  attempt?: number;
  /** An explicit `rollback-artifact-name`; otherwise the default name for the org. */
  name?: string;
}

/**
 * Picks the run's rollback artifact for the connected production org: the named one, else the
 * default-named one for this org (the given attempt, or the latest). Refuses an artifact of
 * another org, and says which artifacts the run has when none fits.
 */
export function chooseRollbackArtifact(artifacts: RunArtifact[], choice: ArtifactChoice): RunArtifact {
  const { runId } = choice;
  const orgId = orgId18(choice.orgId);
  const names = [...new Set(artifacts.map((a) => a.name))].sort();
  const found = names.length ? `it has: ${names.join(', ')}` : 'it has no artifacts';

  if (choice.name) {
    const named = artifacts.filter((a) => a.name === choice.name);
    if (named.length === 0) {
      throw new ActionError(`Run ${runId} has no artifact named '${choice.name}'; ${found}. Check rollback-artifact-name and rollback-run-id.`);
    }
    const parsed = parseRollbackArtifactName(choice.name);
    if (parsed && !sameOrg(parsed.orgId, orgId)) refuseOtherOrg(runId, [parsed.orgId], orgId);
    return latest(named);
  }

  const rollbacks = artifacts.flatMap((a) => {
    const parsed = parseRollbackArtifactName(a.name);
    return parsed ? [{ artifact: a, ...parsed }] : [];
  });
  const mine = rollbacks.filter((r) => sameOrg(r.orgId, orgId));
  if (mine.length === 0) {
    const others = [...new Set(rollbacks.map((r) => r.orgId))];
    if (others.length > 0) refuseOtherOrg(runId, others, orgId);
    const hint = names.length ? ' If the release set rollback-artifact-name, pass the same name here.' : '';
    throw new ActionError(`Run ${runId} has no rollback artifact for org ${orgId}; ${found}. Pass the id of a release run that reached the rollback snapshot as rollback-run-id.${hint}`);
  }
  const candidates = choice.attempt === undefined ? mine : mine.filter((r) => r.attempt === choice.attempt);
  if (candidates.length === 0) {
    throw new ActionError(`Run ${runId} has no rollback artifact for org ${orgId} from attempt ${choice.attempt}; ${found}. Check rollback-run-attempt, or leave it empty for the latest attempt.`);
  }
  const highest = Math.max(...candidates.map((r) => r.attempt));
  return latest(candidates.filter((r) => r.attempt === highest).map((r) => r.artifact));
}

/**
 * Downloads the rollback artifact of an earlier run and checks it before anything is deployed:
 * right org, every checksum, nothing added or missing. Returns the deploy zip and what the
 * restore cannot bring back.
 */
export async function fetchRollbackBundle(
  store: ArtifactStore,
  options: { runId: number; attempt?: number; orgId: string; name?: string; workDir: string; log: (line: string) => void },
): Promise<RestoreBundle> {
  const artifacts = await store.listRun(options.runId);
  const artifact = chooseRollbackArtifact(artifacts, {
    runId: options.runId,
    orgId: options.orgId,
    ...(options.attempt !== undefined ? { attempt: options.attempt } : {}),
    ...(options.name ? { name: options.name } : {}),
  });
  options.log(`Restoring from rollback artifact '${artifact.name}' (id ${artifact.id}) of run ${options.runId}.`);

  mkdirSync(options.workDir, { recursive: true });
  const dir = mkdtempSync(path.join(options.workDir, 'rollback-restore-'));
  let digestMismatch: ArtifactDigestMismatch | undefined;
  try {
    await store.downloadFromRun(options.runId, artifact.id, dir, artifact.digest);
  } catch (error) {
    if (!(error instanceof ArtifactDigestMismatch)) throw error;
    // The files are on disk: verifying them first gives the more precise refusal (which file changed).
    digestMismatch = error;
  }
  const manifest = verifyRollbackBundle(dir, options.orgId);
  if (digestMismatch) throw new GateError(Gate.RollbackArtifact, `${errorMessage(digestMismatch)} Nothing was deployed.`);
  const zip = zipRollbackBundle(dir, manifest);
  options.log(
    `Rollback artifact '${artifact.name}' verified: org ${manifest.orgId}, commit ${manifest.commit.slice(0, 12)}, saved ${manifest.createdAt}; ` +
      `restores ${manifest.components.length} component(s), deletes ${manifest.destructive?.length ?? 0}.`,
  );
  return { runId: options.runId, artifactName: artifact.name, manifest, dir, zip, dataLossWarnings: dataLossWarnings(manifest) };
}

/**
 * What a restore cannot undo. Deploying metadata re-creates a field or object the release
 * deleted, but empty; Salesforce keeps deleted fields and objects, with their data, for 15 days.
 * Deleting what the release added also deletes data entered into it since.
 */
export function dataLossWarnings(manifest: RollbackManifest): string[] {
  const warnings: string[] = [];
  for (const c of manifest.release?.deleted ?? []) {
    if (c.type === 'CustomField') {
      warnings.push(
        `The release deleted CustomField ${c.fullName}: the rollback brings back its metadata, not its data. ` +
          `Setup can undelete the field with its data within 15 days of the release (Object Manager → ${c.fullName.split('.')[0]} → Fields & Relationships → Deleted Fields); do that before the rollback re-creates it empty.`,
      );
    } else if (c.type === 'CustomObject') {
      warnings.push(
        `The release deleted CustomObject ${c.fullName}: the rollback brings back its metadata, not its records. ` +
          'Setup can undelete the object with its records within 15 days of the release (Object Manager → Deleted Objects); do that before the rollback re-creates it empty.',
      );
    }
  }
  for (const c of manifest.destructive ?? []) {
    if (c.type === 'CustomField' || c.type === 'CustomObject') {
      warnings.push(`The rollback deletes ${c.type} ${c.fullName}, which the release added: data entered into it since the release goes with it (Setup can undelete it within 15 days).`);
    }
  }
  return warnings;
}

/**
 * What a restore touches, for the rollback's own snapshot (a rollback can be undone too): it
 * redeploys the bundle's components and deletes its destructive ones.
 */
export function restoreScope(manifest: RollbackManifest): { components: ComponentRef[]; deleted: ComponentRef[] } {
  return { components: [...manifest.components], deleted: [...(manifest.destructive ?? [])] };
}

function refuseOtherOrg(runId: number, artifactOrgs: string[], orgId: string): never {
  throw new GateError(
    Gate.RollbackArtifact,
    `Run ${runId} has a rollback artifact for org ${artifactOrgs.join(', ')} only, but the production credentials reach org ${orgId}. ` +
      'A rollback restores only the org it was saved from: check the production credentials, or pick the run that released to this org.',
  );
}

/** The newest of several artifacts of one name (a re-run with an old client can leave duplicates). */
function latest(artifacts: RunArtifact[]): RunArtifact {
  return [...artifacts].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.id - a.id)[0]!;
}
