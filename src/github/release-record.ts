import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What a release run records after its production deploy succeeded, in an artifact of that run:
 * the commit it deployed and the id Salesforce gave the deploy. A later delta release counts it
 * only as evidence of the run that uploaded it (its `workflow_run`), and only once Salesforce
 * confirms the deploy.
 */
export interface ReleaseRecord {
  /** 18-character id of the production org. */
  orgId: string;
  /** The commit the release deployed (GITHUB_SHA of its run). */
  commit: string;
  /** The production deploy (or quick deploy) id Salesforce returned. */
  deployId: string;
  quickDeployed: boolean;
  /** The rollback artifact saved before the deploy. */
  rollbackArtifact: string;
  runId: number;
  runAttempt: number;
  deployedAt: string;
}

const ARTIFACT_PREFIX = 'salesforce-release-';
/** The file of a release artifact holding its ReleaseRecord. */
export const RELEASE_FILE = 'release.json';

/** `salesforce-release-<org id>-<run id>-<attempt>`: one per production org, run and attempt. */
export function releaseArtifactName(orgId: string, runId: number, attempt: number): string {
  return `${releaseArtifactPrefix(orgId)}${runId}-${attempt}`;
}

/** The start of every release artifact name for an org. */
export function releaseArtifactPrefix(orgId: string): string {
  return `${ARTIFACT_PREFIX}${orgId}-`;
}

/** Writes the record as the artifact's one file; returns the file list to upload. */
export function writeReleaseRecord(dir: string, record: ReleaseRecord): string[] {
  writeFileSync(path.join(dir, RELEASE_FILE), `${JSON.stringify(record, null, 2)}\n`);
  return [RELEASE_FILE];
}

/** Reads a downloaded release artifact; undefined when it does not hold a well-formed record. */
export function readReleaseRecord(dir: string): ReleaseRecord | undefined {
  let value: Partial<ReleaseRecord> | null;
  try {
    value = JSON.parse(readFileSync(path.join(dir, RELEASE_FILE), 'utf8')) as Partial<ReleaseRecord> | null;
  } catch {
    return undefined;
  }
  const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  if (!value || typeof value !== 'object' || !isText(value.orgId) || !isText(value.commit) || !/^[0-9a-f]{40}$/i.test(value.commit) || !isText(value.deployId)) return undefined;
  return {
    orgId: value.orgId,
    commit: value.commit.toLowerCase(),
    deployId: value.deployId,
    quickDeployed: value.quickDeployed === true,
    rollbackArtifact: String(value.rollbackArtifact ?? ''),
    runId: Number(value.runId),
    runAttempt: Number(value.runAttempt),
    deployedAt: String(value.deployedAt ?? ''),
  };
}
