import type { OperationRecord } from './run-report.js';

/** What a JUnit file describes beside the outcome: where and when the tests ran. */
export interface JunitContext {
  /** ISO time the report was written (the deploy result carries no start time). */
  timestamp: string;
  orgId?: string;
  username?: string;
}

/**
 * The Apex test results of one Salesforce operation as JUnit XML, in the shape `sf project deploy
 * --junit` writes (one `force.apex` testsuite, a testcase per method with `classname` the Apex
 * class, a `failure` carrying the message and the stack trace, times in seconds) so CI test
 * reporters read it as they read the CLI's.
 */
export function junitXml(operation: OperationRecord, context: JunitContext): string {
  const o = operation.outcome;
  const cases = [
    ...o.testFailures.map((t) => ({ ...t, failed: true })),
    ...o.testSuccesses.map((t) => ({ ...t, failed: false, message: '', stackTrace: '' })),
  ].sort((a, b) => a.className.localeCompare(b.className) || a.methodName.localeCompare(b.methodName));
  const tests = Math.max(o.testsRun, cases.length);
  const failures = Math.max(o.testsFailed, o.testFailures.length);
  const seconds = (ms: number): string => (ms / 1000).toFixed(3);
  const totalMs = o.testTime || cases.reduce((sum, c) => sum + c.time, 0);
  const properties: Array<[string, string | number | undefined]> = [
    ['outcome', failures ? 'Failed' : 'Passed'],
    ['operation', operation.label],
    ['deployId', o.id],
    ['deployStatus', o.status],
    ['orgId', context.orgId],
    ['instanceUrl', operation.instanceUrl],
    ['testsRan', tests],
    ['passing', tests - failures],
    ['failing', failures],
    ['skipped', 0],
    ['passRate', tests ? `${Math.round(((tests - failures) / tests) * 100)}%` : undefined],
    ['testExecutionTime', `${seconds(totalMs)} s`],
    ['orgWideCoverage', o.coverage !== undefined ? `${o.coverage}%` : undefined],
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(operation.label)}" tests="${tests}" failures="${failures}" errors="0" time="${seconds(totalMs)}">`,
    `  <testsuite name="force.apex" timestamp="${attr(context.timestamp)}" hostname="${attr(operation.instanceUrl)}" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="${seconds(totalMs)}">`,
    '    <properties>',
    ...properties.filter(([, value]) => value !== undefined && value !== '').map(([name, value]) => `      <property name="${attr(name)}" value="${attr(String(value))}"/>`),
    '    </properties>',
  ];
  for (const c of cases) {
    const open = `    <testcase name="${attr(c.methodName)}" classname="${attr(c.className)}" time="${seconds(c.time)}"`;
    if (!c.failed) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`, `      <failure message="${attr(c.message)}" type="${attr(failureType(c.message))}">${text([c.message, c.stackTrace].filter(Boolean).join('\n'))}</failure>`, '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}

/** The exception type Apex puts before the first colon of a failure message (System.AssertException: …). */
function failureType(message: string): string {
  return /^([A-Za-z_][\w.]*Exception)\b/.exec(message)?.[1] ?? 'AssertionError';
}

/** Characters XML 1.0 cannot carry at all are dropped; the five special ones escaped. */
function text(value: string): string {
  return value
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
