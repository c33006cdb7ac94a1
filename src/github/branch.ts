import { minimatch } from 'minimatch';
import { Inputs } from '../constants.js';
import { Gate, GateError, sanitize } from '../errors.js';
import type { RunContext } from '../settings.js';
import { describe, httpStatus, type GitHubClient } from './client.js';

/**
 * Gate 1, second half: the run's ref is a branch matching `production-branches` (the repository's
 * default branch when empty), GitHub reports it as protected, requiring pull-request reviews
 * where the token can read that (rulesets always; classic protection needs administration read,
 * which the workflow token lacks: then `note` says so and the gate relies on the approvals gate
 * comparing the released files with the approved head), and the run's commit is the branch's
 * current head. Returns a one-line evidence string for the report; throws GateError(Gate.Branch)
 * naming the branch and what would satisfy.
 */
export async function assertProductionBranch(client: GitHubClient, context: RunContext, productionBranches: string[], note: (line: string) => void = () => {}): Promise<string> {
  const { octokit, owner, repo } = client;
  let patterns = productionBranches;
  if (patterns.length === 0) {
    const { data } = await octokit.rest.repos.get({ owner, repo });
    patterns = [data.default_branch];
  }
  const allowed = patterns.join(', ');

  const branch = branchOfRef(context.ref);
  if (branch === undefined) {
    throw new GateError(
      Gate.Branch,
      `ref '${sanitize(context.ref)}' is not a branch; a production deploy runs only from a production branch (${allowed}). Run the release from ${patterns[0]}.`,
    );
  }
  if (!matchesAnyBranchPattern(branch, patterns)) {
    throw new GateError(
      Gate.Branch,
      `Branch '${sanitize(branch)}' is not in ${Inputs.ProductionBranches} (${allowed}). Run the release from ${patterns[0]} or add the branch to ${Inputs.ProductionBranches}.`,
    );
  }

  let isProtected: boolean;
  let head: string;
  try {
    const { data } = await octokit.rest.repos.getBranch({ owner, repo, branch });
    isProtected = data.protected === true;
    head = data.commit.sha;
  } catch (error) {
    if (httpStatus(error) !== 404) throw error;
    throw new GateError(Gate.Branch, `Branch '${sanitize(branch)}' was not found on GitHub (${describe(error)}), so its protection cannot be confirmed. Run the release from a branch that exists and is protected.`);
  }

  // Repository rulesets protect a branch without setting the classic `protected` flag; a ruleset
  // that requires pull requests gives the same guarantee, and anyone who can read the repository
  // can read a branch's rules.
  const ruleset = await hasPullRequestRule(client, branch);
  const classic = isProtected ? await classicReviewRequirement(client, branch) : undefined;
  const protection = describeProtection(branch, isProtected, ruleset, classic);
  if (protection.refusal) throw new GateError(Gate.Branch, protection.refusal);
  if (protection.note) note(protection.note);

  assertBranchHead(branch, head, context.sha);
  return `Branch '${branch}' matches ${Inputs.ProductionBranches} (${allowed}), ${protection.evidence}, and ${context.sha.slice(0, 7)} is its current head.`;
}

/** What classic branch protection says about pull-request reviews: required, not required, or unreadable (with why). */
export type ClassicReviewRequirement = 'required' | 'not required' | { unreadable: string };

/**
 * The protection half of gate 1 as a pure decision: `ruleset` is whether an active ruleset
 * requires pull requests on the branch, `classic` what classic protection says (undefined when
 * the branch has none).
 */
export function describeProtection(branch: string, isProtected: boolean, ruleset: boolean, classic: ClassicReviewRequirement | undefined): { evidence: string; note?: string; refusal?: string } {
  const name = sanitize(branch);
  if (classic === 'required') return { evidence: 'is protected on GitHub and requires pull-request reviews' };
  if (ruleset) return { evidence: 'a repository ruleset requires pull requests on it' };
  if (!isProtected) {
    return { evidence: '', refusal: `Branch '${name}' is not protected on GitHub. Protect it (Settings → Branches, or a ruleset that requires pull requests) so that changes reach it only through reviewed pull requests.` };
  }
  if (classic === 'not required') {
    return {
      evidence: '',
      refusal:
        `Branch '${name}' is protected on GitHub, but its protection does not require pull-request reviews: anyone who can push may put a commit on it that no pull request approved. ` +
        `Require a pull request before merging (Settings → Branches, or a ruleset that requires pull requests).`,
    };
  }
  const reason = classic?.unreadable ?? 'unknown';
  return {
    evidence: 'is protected on GitHub (whether it requires pull-request reviews could not be read)',
    note:
      `Branch '${name}' is protected, but this token cannot read whether the protection requires pull-request reviews (${reason}; reading classic branch protection needs administration: read, which the workflow's GITHUB_TOKEN never has, and no ruleset requiring pull requests applies). ` +
      `The approvals gate still checks that every file the release commit changes holds its approved content.`,
  };
}

/**
 * Gate 1: a release commit must be the production branch's current head. An older commit would
 * take production back to earlier content with none of a rollback's gates: that is a rollback.
 */
export function assertBranchHead(branch: string, head: string, sha: string): void {
  if (head.toLowerCase() === sha.toLowerCase()) return;
  throw new GateError(
    Gate.Branch,
    `commit ${sha.slice(0, 7)} is not the current head of '${sanitize(branch)}' (${head.slice(0, 7)}): releasing an older commit would take production back to earlier content without a rollback's gates. ` +
      `To go back to an earlier release, run a rollback (workflow_dispatch with rollback-run-id); the release of ${head.slice(0, 7)} runs on its own push.`,
  );
}

/** The branch name of a `refs/heads/…` ref; undefined for tags, pull-request refs and anything else. */
export function branchOfRef(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') && ref.length > 'refs/heads/'.length ? ref.slice('refs/heads/'.length) : undefined;
}

/** Whether a branch name matches any of the patterns. */
export function matchesAnyBranchPattern(branch: string, patterns: string[]): boolean {
  return patterns.some((pattern) => matchesBranchPattern(branch, pattern));
}

/**
 * GitHub's branch-pattern matching (branch protection rules use fnmatch with path-name semantics):
 * `*` matches within one `/`-separated segment, `**` across segments (also none, before a `/`),
 * `?` one character other than `/`, `[…]` a character class and `[!…]` its negation. Everything
 * else is literal: no braces, no extglobs, no `!` negation or `#` comments, so `release.1` does not
 * match `release-1`. minimatch does the matching with those features off, and with POSIX
 * separators on every runner OS (a branch name always uses `/`).
 */
export function matchesBranchPattern(branch: string, pattern: string): boolean {
  return minimatch(branch, pattern.replace(/^refs\/heads\//, ''), BRANCH_GLOB);
}

const BRANCH_GLOB = { dot: true, nobrace: true, noext: true, nonegate: true, nocomment: true, platform: 'linux' } as const;

async function hasPullRequestRule(client: GitHubClient, branch: string): Promise<boolean> {
  const { octokit, owner, repo } = client;
  try {
    const { data } = await octokit.rest.repos.getBranchRules({ owner, repo, branch });
    return data.some((rule) => rule.type === 'pull_request');
  } catch (error) {
    // Older GitHub Enterprise servers have no rulesets; without the endpoint only classic protection counts.
    if (httpStatus(error) === 404) return false;
    throw error;
  }
}

async function classicReviewRequirement(client: GitHubClient, branch: string): Promise<ClassicReviewRequirement> {
  const { octokit, owner, repo } = client;
  try {
    const { data } = await octokit.rest.repos.getBranchProtection({ owner, repo, branch });
    return data.required_pull_request_reviews ? 'required' : 'not required';
  } catch (error) {
    const status = httpStatus(error);
    // 403 (no administration read, the workflow token's case) and 404 (GitHub's answer to
    // tokens that may not see the protection) mean "cannot tell", not "unprotected".
    if (status === 403 || status === 404) return { unreadable: describe(error) };
    throw error;
  }
}
