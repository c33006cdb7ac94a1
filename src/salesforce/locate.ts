import path from 'node:path';
import { TEST_FAILURE_RANK, componentFailureRank } from '../report/annotations.js';
import type { Annotation } from '../report/run-report.js';
import type { DeployOutcome } from './deploy-result.js';
import { packageComponentSet, type DeployPackage } from './package.js';

/**
 * Turns the failures of an outcome into annotations on repository files. Component failures are
 * mapped to source paths by source-deploy-retrieve's own DeployResult (by type and fullName, so a
 * CustomField failure lands on its .field-meta.xml); test failures on their test class.
 */
export async function locateFailures(outcome: DeployOutcome, raw: Record<string, any>, pkg: DeployPackage, workspace: string, label: string): Promise<Annotation[]> {
  const annotations: Annotation[] = [];
  const relative = (file: string | undefined): string | undefined => (file ? path.relative(workspace, path.resolve(workspace, file)).split(path.sep).join('/') : undefined);

  const mapped = new Map<string, { file?: string; line?: number; column?: number }>();
  // A package built in worker threads has its component set resolved here, only when it is needed.
  const componentSet = outcome.componentFailures.length > 0 ? await packageComponentSet(pkg) : pkg.componentSet;
  if (componentSet) {
    const { DeployResult } = await import('@salesforce/source-deploy-retrieve');
    for (const response of new DeployResult(raw as any, componentSet).getFileResponses()) {
      if (response.state !== 'Failed') continue;
      const key = `${response.type}#${response.fullName}`;
      if (!mapped.has(key) || response.lineNumber) mapped.set(key, { file: response.filePath, line: response.lineNumber, column: response.columnNumber });
    }
  }
  for (const failure of outcome.componentFailures) {
    const place = mapped.get(`${failure.type}#${failure.fullName}`);
    const file = relative(place?.file) ?? (componentSet ? undefined : failure.fileName || undefined);
    const line = failure.line ?? place?.line;
    annotations.push({
      title: `${label}: ${failure.type} ${failure.fullName}`,
      message: failure.problem,
      file,
      line,
      column: failure.column ?? place?.column,
      rank: componentFailureRank(failure.problem, line !== undefined),
    });
  }
  for (const failure of outcome.testFailures) {
    const file = relative(apexClassPath(pkg, failure.className));
    annotations.push({
      title: `${label}: test ${failure.className}.${failure.methodName} failed`,
      message: `${failure.message}${failure.stackTrace ? `\n${failure.stackTrace}` : ''}`,
      file,
      line: failure.line,
      rank: TEST_FAILURE_RANK,
    });
  }
  // A sandbox reports coverage warnings on a deploy that succeeded (it does not enforce 75 %): they
  // are the run's warnings then, not errors (salesforce-steps.ts).
  if (!outcome.success) for (const warning of outcome.coverageWarnings) annotations.push({ title: `${label}: code coverage`, message: warning, rank: 20 });
  if (outcome.errorMessage && annotations.length === 0) annotations.push({ title: `${label} failed`, message: outcome.errorMessage, rank: 25 });
  return annotations;
}

function apexClassPath(pkg: DeployPackage, className: string): string | undefined {
  if (pkg.apexFiles) return pkg.apexFiles[`ApexClass:${className}`];
  if (!pkg.componentSet) return undefined;
  const [component] = pkg.componentSet.getSourceComponents({ fullName: className, type: 'ApexClass' }).toArray();
  return component?.content ?? component?.xml;
}
