/** Every input name of action.yml, spelled once. */
export enum Inputs {
  Environment = 'environment',
  Mode = 'mode',
  SourceDir = 'source-dir',
  Manifest = 'manifest',
  TestLevel = 'test-level',
  Tests = 'tests',
  CoverageThreshold = 'coverage-threshold',
  RequiredApprovals = 'required-approvals',
  Approvers = 'approvers',
  AllowStaleApprovals = 'allow-stale-approvals',
  ProductionBranches = 'production-branches',
  GitHubToken = 'github-token',
  RollbackRunId = 'rollback-run-id',
  RollbackRunAttempt = 'rollback-run-attempt',
  RollbackArtifactName = 'rollback-artifact-name',
  RollbackRequiredApprovals = 'rollback-required-approvals',
  WaitMinutes = 'wait-minutes',
  DryRun = 'dry-run',
  ValidateProduction = 'validate-production',
  Delta = 'delta',
  ApiVersion = 'api-version',
  ResultsDir = 'results-dir',
}

/** Per-org credential inputs; the full name is `<role>-<suffix>`, e.g. `sandbox-auth-url`. */
export enum OrgInputs {
  AuthUrl = 'auth-url',
  Username = 'username',
  ClientId = 'client-id',
  JwtKey = 'jwt-key',
  InstanceUrl = 'instance-url',
  AccessToken = 'access-token',
}

/** Every output name of action.yml, spelled once. */
export enum Outputs {
  Status = 'status',
  ValidationId = 'validation-id',
  ProductionValidationId = 'production-validation-id',
  DeployId = 'deploy-id',
  RollbackArtifact = 'rollback-artifact',
  Components = 'components',
  TestsRun = 'tests-run',
  TestsFailed = 'tests-failed',
  Coverage = 'coverage',
  QuickDeployed = 'quick-deployed',
  OrgId = 'org-id',
  DeploymentId = 'deployment-id',
  JunitFile = 'junit-file',
  CoverageDir = 'coverage-dir',
}

/** Names saved with core.saveState for the post step. */
export enum State {
  IsPost = 'isPost',
  PendingDeploy = 'pendingDeploy',
}

/** The `status` output's values. */
export enum RunStatus {
  Succeeded = 'succeeded',
  Failed = 'failed',
  Blocked = 'blocked',
  Skipped = 'skipped',
}

/** The two org roles a run can talk to. */
export type OrgRole = 'sandbox' | 'production';

/** workerData.role of a packaging worker thread: the bundle's entry runs a share of the packaging instead of the action. */
export const PACKAGE_WORKER_ROLE = 'package-share';
