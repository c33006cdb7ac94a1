import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The validation ledger: a check-only deploy against production, run in a pull request, recorded
 * in an artifact of that run so that the release of the same content can quick deploy it. The
 * artifact proves which run wrote the entry (GitHub sets its `workflow_run`); what the entry says
 * about the validation is then confirmed with Salesforce before anything is quick deployed.
 */
export interface ValidationRecord {
  validationId: string;
  orgId: string;
  /** Digest of the deploy package's contents (packageDigest). */
  contentDigest: string;
  testLevel: string;
  tests: string[];
  /** The commit that was validated (the pull request's head). */
  sha: string;
  /** When the pull request run recorded it; for people only: the age that counts is Salesforce's. */
  validatedAt: string;
}

/** Salesforce keeps a validation quick-deployable for ten days. */
export const QUICK_DEPLOY_DAYS = 10;

const ARTIFACT_PREFIX = 'salesforce-validation-';
/** The file of a ledger artifact holding its ValidationRecord. */
export const VALIDATION_FILE = 'validation.json';

/** `salesforce-validation-<org id>-<run id>-<attempt>`: one per production org, run and attempt. */
export function validationArtifactName(orgId: string, runId: number, attempt: number): string {
  return `${validationArtifactPrefix(orgId)}${runId}-${attempt}`;
}

/** The start of every ledger artifact name for an org. */
export function validationArtifactPrefix(orgId: string): string {
  return `${ARTIFACT_PREFIX}${orgId}-`;
}

/** Writes the record as the artifact's one file; returns the file list to upload. */
export function writeValidationRecord(dir: string, record: ValidationRecord): string[] {
  writeFileSync(path.join(dir, VALIDATION_FILE), `${JSON.stringify(record, null, 2)}\n`);
  return [VALIDATION_FILE];
}

/** Reads a downloaded ledger artifact; undefined when it does not hold a well-formed record. */
export function readValidationRecord(dir: string): ValidationRecord | undefined {
  let value: Partial<ValidationRecord> | null;
  try {
    value = JSON.parse(readFileSync(path.join(dir, VALIDATION_FILE), 'utf8')) as Partial<ValidationRecord> | null;
  } catch {
    return undefined;
  }
  const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  if (
    !value || typeof value !== 'object' || !isText(value.validationId) || !isText(value.orgId) || !isText(value.contentDigest) ||
    !isText(value.testLevel) || !Array.isArray(value.tests) || !value.tests.every((t) => typeof t === 'string') || !isText(value.sha)
  ) {
    return undefined;
  }
  return { validationId: value.validationId, orgId: value.orgId, contentDigest: value.contentDigest, testLevel: value.testLevel, tests: value.tests, sha: value.sha, validatedAt: String(value.validatedAt ?? '') };
}

/**
 * Why a ledger entry does not stand for what the release is about to deploy, or undefined when it
 * does (pure): the same org, content and tests, validated on `sha` (the head of the approved pull
 * request). Its age is not judged here: only Salesforce's clock counts for that.
 */
export function validationMismatch(entry: ValidationRecord, wanted: Pick<ValidationRecord, 'orgId' | 'contentDigest' | 'testLevel' | 'tests' | 'sha'>): string | undefined {
  const sameTests = [...entry.tests].sort().join(',') === [...wanted.tests].sort().join(',');
  if (entry.sha.toLowerCase() !== wanted.sha.toLowerCase()) return `it records commit ${entry.sha.slice(0, 7)}, not the approved head ${wanted.sha.slice(0, 7)}`;
  if (entry.orgId.slice(0, 15) !== wanted.orgId.slice(0, 15)) return `it records org ${entry.orgId}, not ${wanted.orgId}`;
  if (entry.contentDigest !== wanted.contentDigest) return 'it validated other content than this package';
  if (entry.testLevel !== wanted.testLevel || !sameTests) return `it ran ${entry.testLevel}${entry.tests.length ? ` (${entry.tests.join(', ')})` : ''}, not ${wanted.testLevel}${wanted.tests.length ? ` (${wanted.tests.join(', ')})` : ''}`;
  return undefined;
}
