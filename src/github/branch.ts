import { minimatch } from 'minimatch';
import { Inputs } from '../constants.js';
import { Gate, GateError, sanitize } from '../errors.js';
import type { RunContext } from '../settings.js';
import { describe, httpStatus, type GitHubClient } from './client.js';

/**
 * Gate 1, second half: the run's ref is a branch matching `production-branches` (the repository's
 * default branch when empty) and GitHub reports it as protected. Returns a one-line evidence
 * string for the report; throws GateError(Gate.Branch) naming the branch and what would satisfy.
 */
export async function assertProductionBranch(client: GitHubClient, context: RunContext, productionBranches: string[]): Promise<string> {
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
  try {
    const { data } = await octokit.rest.repos.getBranch({ owner, repo, branch });
    isProtected = data.protected === true;
  } catch (error) {
    if (httpStatus(error) !== 404) throw error;
    throw new GateError(Gate.Branch, `Branch '${sanitize(branch)}' was not found on GitHub (${describe(error)}), so its protection cannot be confirmed. Run the release from a branch that exists and is protected.`);
  }
  if (isProtected) return `Branch '${branch}' matches ${Inputs.ProductionBranches} (${allowed}) and is protected on GitHub.`;

  // Repository rulesets protect a branch without setting the classic `protected` flag; a ruleset
  // that requires pull requests gives the same guarantee, so it counts too.
  if (await hasPullRequestRule(client, branch)) {
    return `Branch '${branch}' matches ${Inputs.ProductionBranches} (${allowed}) and a repository ruleset requires pull requests on it.`;
  }
  throw new GateError(
    Gate.Branch,
    `Branch '${sanitize(branch)}' is not protected on GitHub. Protect it (Settings → Branches, or a ruleset that requires pull requests) so that changes reach it only through reviewed pull requests.`,
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
