import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { ActionError, Gate, GateError, errorMessage } from '../errors.js';
import { ArchiveRefused } from '../github/artifact-zip.js';
import { ArtifactDigestMismatch, type ArtifactStore, type RunArtifact } from '../github/artifacts.js';
import type { RunAttemptRecord } from '../github/run-provenance.js';
import type { ComponentRef } from '../salesforce/manifest.js';
import { orgId18, parseRollbackArtifactName, sameOrg, verifyRollbackBundle, zipRollbackBundle, type RollbackManifest } from './bundle.js';
import { assertDeclaredContents, planOfDeployZip, type RollbackPlan } from './contents.js';
import { assertRestorableArtifact, type ProvenanceRule } from './provenance.js';

/** A verified rollback bundle of an earlier run, ready to deploy to production. */
export interface RestoreBundle {
  runId: number;
  artifactName: string;
  /** The attempt of the run whose snapshot this is, when GitHub's record or the default name tells. */
  attempt?: number;
  /** Why this attempt (the earliest that saved a snapshot, or the one asked for). */
  attemptNote: string;
  /** Where GitHub says the artifact comes from. */
  provenance: string;
  /** What the deploy zip really restores and deletes. */
  plan: RollbackPlan;
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
  /** Only this attempt of the run (`rollback-run-attempt`); otherwise the earliest attempt that saved one. */
  attempt?: number;
  /** An explicit `rollback-artifact-name`; otherwise the default name for the org. */
  name?: string;
}

/** The chosen artifact and, when its default name tells, the attempt that saved it. */
export type ChosenArtifact = RunArtifact & { attempt?: number };

/**
 * Picks the run's rollback artifact for the connected production org: the named one, else the
 * default-named one for this org. By default the earliest attempt's: that snapshot was taken
 * before the run first changed production, while a re-run's snapshot may hold what attempt 1
 * already deployed (a no-op to restore). `attempt` picks one explicitly. Refuses an artifact of
 * another org, and says which artifacts the run has when none fits.
 */
export function chooseRollbackArtifact(artifacts: RunArtifact[], choice: ArtifactChoice): ChosenArtifact {
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
    return { ...earliest(named), ...(parsed ? { attempt: parsed.attempt } : {}) };
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
    throw new ActionError(`Run ${runId} has no rollback artifact for org ${orgId} from attempt ${choice.attempt}; ${found}. Check rollback-run-attempt, or leave it empty for the earliest attempt that saved one.`);
  }
  const first = Math.min(...candidates.map((r) => r.attempt));
  return { ...earliest(candidates.filter((r) => r.attempt === first).map((r) => r.artifact)), attempt: first };
}

/** How the restore checks where an artifact comes from: the rule, and GitHub's record of the run's attempts. */
export interface ProvenanceCheck {
  rule: Omit<ProvenanceRule, 'runId'>;
  /** One attempt of the run, or its latest when `attempt` is undefined. */
  readAttempt(attempt?: number): Promise<RunAttemptRecord>;
}

/**
 * Downloads the rollback artifact of an earlier run and checks it before anything is deployed:
 * where GitHub says it comes from (a push or dispatch run of this repository on a production
 * branch, the run named), right org, every checksum, nothing added or missing, nothing the
 * rollback.json does not declare. Returns the deploy zip, the plan read from it, and what the
 * restore cannot bring back.
 */
export async function fetchRollbackBundle(
  store: ArtifactStore,
  options: { runId: number; attempt?: number; orgId: string; name?: string; workDir: string; log: (line: string) => void; provenance: ProvenanceCheck },
): Promise<RestoreBundle> {
  const artifacts = await store.listRun(options.runId);
  const artifact = chooseRollbackArtifact(artifacts, {
    runId: options.runId,
    orgId: options.orgId,
    ...(options.attempt !== undefined ? { attempt: options.attempt } : {}),
    ...(options.name ? { name: options.name } : {}),
  });
  const attemptsOfRun = new Set(artifacts.flatMap((a) => {
    const parsed = parseRollbackArtifactName(a.name);
    return parsed && sameOrg(parsed.orgId, orgId18(options.orgId)) ? [parsed.attempt] : [];
  }));
  const attemptNote = options.attempt !== undefined
    ? 'the attempt rollback-run-attempt names'
    : artifact.attempt !== undefined
      ? `the earliest attempt that saved a snapshot, taken before the run first changed production${attemptsOfRun.size > 1 ? `; attempts ${[...attemptsOfRun].sort((a, b) => a - b).join(', ')} saved one` : ''}`
      : 'the earliest artifact of that name';

  // Where it comes from, by GitHub's records only: the attempt its name gives, else every attempt of the run.
  let attempts: RunAttemptRecord[];
  if (artifact.attempt !== undefined) {
    attempts = [await options.provenance.readAttempt(artifact.attempt)];
  } else {
    const latest = await options.provenance.readAttempt();
    attempts = [latest];
    for (let n = 1; n < latest.attempt; n++) attempts.unshift(await options.provenance.readAttempt(n));
  }
  const provenance = assertRestorableArtifact(artifact, attempts, { ...options.provenance.rule, runId: options.runId });
  options.log(`Restoring from rollback artifact '${artifact.name}' (id ${artifact.id}) of ${artifact.attempt !== undefined ? `attempt ${artifact.attempt} of ` : ''}run ${options.runId}: ${attemptNote}; ${provenance}.`);

  mkdirSync(options.workDir, { recursive: true });
  const dir = mkdtempSync(path.join(options.workDir, 'rollback-restore-'));
  let digestMismatch: ArtifactDigestMismatch | undefined;
  try {
    await store.downloadFromRun(options.runId, artifact.id, dir, artifact.digest, artifact.size !== undefined ? { size: artifact.size } : {});
  } catch (error) {
    // A zip over a rollback artifact's limits (a zip bomb) is not a bundle this action saved.
    if (error instanceof ArchiveRefused) throw new GateError(Gate.RollbackArtifact, `${error.message} Nothing was deployed.`);
    if (!(error instanceof ArtifactDigestMismatch)) throw error;
    // The files are on disk: verifying them first gives the more precise refusal (which file changed).
    digestMismatch = error;
  }
  const manifest = verifyRollbackBundle(dir, options.orgId);
  if (digestMismatch) throw new GateError(Gate.RollbackArtifact, `${errorMessage(digestMismatch)} Nothing was deployed.`);
  assertDeclaredContents(manifest);
  if (manifest.release && manifest.release.runId !== options.runId) {
    throw new GateError(Gate.RollbackArtifact, `The rollback bundle's rollback.json says run ${manifest.release.runId} saved it, but GitHub records run ${options.runId} as its uploader. Nothing was deployed.`);
  }
  const zip = zipRollbackBundle(dir, manifest);
  const plan = planOfDeployZip(zip);
  options.log(
    `Rollback artifact '${artifact.name}' verified: org ${manifest.orgId}, commit ${manifest.commit.slice(0, 12)}, saved ${manifest.createdAt}; ` +
      `restores ${plan.restores.length} component(s), deletes ${plan.deletesBefore.length + plan.deletesAfter.length}.`,
  );
  return {
    runId: options.runId,
    artifactName: artifact.name,
    ...(artifact.attempt !== undefined ? { attempt: artifact.attempt } : {}),
    attemptNote,
    provenance,
    plan,
    manifest,
    dir,
    zip,
    dataLossWarnings: dataLossWarnings(manifest),
  };
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

/** The earliest of several artifacts of one name (each attempt of a run can upload its own). */
function earliest(artifacts: RunArtifact[]): RunArtifact {
  return [...artifacts].sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id - b.id)[0]!;
}
