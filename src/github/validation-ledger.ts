import type { GitHubClient } from './client.js';

/**
 * The validation ledger: a check-only deploy against production, run in a pull request, recorded
 * as a GitHub Deployment so that the release can quick deploy it. An entry is only used for
 * exactly the same content, org and tests, within the ten days Salesforce keeps a validation.
 */
export interface ValidationRecord {
  validationId: string;
  orgId: string;
  /** Digest of the deploy package's contents (packageDigest). */
  contentDigest: string;
  testLevel: string;
  tests: string[];
  /** The commit that was validated. */
  sha: string;
  validatedAt: string;
}

/** The deployment task of ledger entries; the environment is `<environment>-validation`. */
export const LEDGER_TASK = 'salesforce:validation';
/** Salesforce keeps a validation quick-deployable for ten days. */
export const QUICK_DEPLOY_DAYS = 10;

/** Environment under which ledger entries are kept, apart from the real deployments. */
export function ledgerEnvironment(environment: string): string {
  return `${environment}-validation`;
}

/** Records a production validation so a later release of the same content can quick deploy it. */
export async function recordValidation(client: GitHubClient, environment: string, record: ValidationRecord): Promise<void> {
  const { octokit, owner, repo } = client;
  const { data } = await octokit.rest.repos.createDeployment({
    owner,
    repo,
    ref: record.sha,
    task: LEDGER_TASK,
    environment: ledgerEnvironment(environment),
    description: `Check-only validation ${record.validationId} against ${record.orgId}`,
    payload: { ...record } as Record<string, unknown>,
    auto_merge: false,
    required_contexts: [],
    transient_environment: true,
    production_environment: false,
  });
  const id = (data as { id?: number }).id;
  if (id !== undefined) {
    await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: id, state: 'success', description: `Quick-deployable until ${expiry(record.validatedAt)}`, auto_inactive: false });
  }
}

/**
 * The newest ledger entry that matches what the release is about to deploy, if any (pure): the
 * same org, content and tests, validated on `sha` (the head of the approved pull request, so an
 * entry recorded for another commit is never used) within the days Salesforce keeps it. Anyone
 * with `deployments: write` can write an entry, so a match still has to be checked against
 * Salesforce before it is quick deployed.
 */
export function matchValidation(entries: ValidationRecord[], wanted: Pick<ValidationRecord, 'orgId' | 'contentDigest' | 'testLevel' | 'tests' | 'sha'>, now: Date): ValidationRecord | undefined {
  const sameTests = (a: string[], b: string[]): boolean => [...a].sort().join(',') === [...b].sort().join(',');
  const sameSha = (a: unknown): boolean => typeof a === 'string' && a.length > 0 && a.toLowerCase() === wanted.sha.toLowerCase();
  return entries
    .filter((e) => sameSha(e.sha) && e.orgId === wanted.orgId && e.contentDigest === wanted.contentDigest && e.testLevel === wanted.testLevel && Array.isArray(e.tests) && sameTests(e.tests, wanted.tests))
    .filter((e) => now.getTime() - Date.parse(e.validatedAt) < QUICK_DEPLOY_DAYS * 86400000)
    .sort((a, b) => Date.parse(b.validatedAt) - Date.parse(a.validatedAt))[0];
}

/** Reads the recent ledger entries of an environment, newest first. */
export async function readValidations(client: GitHubClient, environment: string): Promise<ValidationRecord[]> {
  const { octokit, owner, repo } = client;
  const { data } = await octokit.rest.repos.listDeployments({ owner, repo, environment: ledgerEnvironment(environment), task: LEDGER_TASK, per_page: 30 });
  return data.map((d) => (typeof d.payload === 'string' ? safeJson(d.payload) : d.payload) as unknown as ValidationRecord).filter((p) => p && typeof p.validationId === 'string');
}

function expiry(validatedAt: string): string {
  return new Date(Date.parse(validatedAt) + QUICK_DEPLOY_DAYS * 86400000).toISOString().slice(0, 10);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
