import type { OrgRole } from './constants.js';

/** How the action reaches one org; exactly one method per configured org. */
export type OrgCredentials =
  | {
      method: 'auth-url';
      role: OrgRole;
      clientId: string;
      clientSecret: string;
      refreshToken: string;
      /** Where the refresh token is redeemed, e.g. https://acme.my.salesforce.com. */
      loginUrl: string;
    }
  | {
      method: 'jwt';
      role: OrgRole;
      username: string;
      clientId: string;
      privateKey: string;
      /** Login or My Domain URL; also the JWT audience. */
      loginUrl: string;
    }
  | {
      method: 'access-token';
      role: OrgRole;
      accessToken: string;
      instanceUrl: string;
    };

/** What the run does, after `mode: auto` is resolved from the event. */
export type ResolvedMode = 'validate' | 'deploy' | 'rollback';

/** Every input of action.yml, parsed and validated: the only thing later phases read. */
export interface Settings {
  /** Target org of a deploy and name of the GitHub Deployment environment. */
  environment: OrgRole;
  /** The mode input as given (`auto` kept, so reports can say how the mode was chosen). */
  requestedMode: 'auto' | ResolvedMode;
  /** The mode this run executes. */
  mode: ResolvedMode;
  /** SFDX source folders, relative to the workspace; empty when a manifest drives packaging alone. */
  sourceDirs: string[];
  /** package.xml path relative to the workspace, when given. */
  manifest?: string;
  testLevel: string;
  tests: string[];
  coverageThreshold: number;
  requiredApprovals: number;
  approvers: string[];
  allowStaleApprovals: boolean;
  /** Branch globs; empty means the repository's default branch. */
  productionBranches: string[];
  sandbox?: OrgCredentials;
  production?: OrgCredentials;
  githubToken: string;
  rollbackRunId?: number;
  rollbackRunAttempt?: number;
  rollbackArtifactName?: string;
  rollbackRequiredApprovals: number;
  waitMinutes: number;
  dryRun: boolean;
  validateProduction: boolean;
  delta: boolean;
  /**
   * The API version of every call: the input, else sourceApiVersion of sfdx-project.json; empty
   * until the orgs are asked for their highest version (ensureApiVersion), when neither is set.
   */
  apiVersion: string;
  /** Absolute folder for the JUnit XML and coverage reports of the Apex tests. */
  resultsDir: string;
}

/** What the runner tells a step about its workflow run (GITHUB_* variables and the event payload). */
export interface RunContext {
  eventName: string;
  /** Full ref, e.g. refs/heads/main. */
  ref: string;
  sha: string;
  owner: string;
  repo: string;
  runId: number;
  runAttempt: number;
  actor: string;
  workspace: string;
  serverUrl: string;
  apiUrl: string;
  payload: Record<string, any>;
}
