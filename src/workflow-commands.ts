import { EOL } from 'node:os';
import type { AnnotationProperties, InputOptions } from '@actions/core';
// @actions/core's own protocol files (escaping, the GITHUB_* file commands with their random
// heredoc delimiter, the job summary), imported by path because the package exports only its
// index. Its index, lib/core.js, also imports lib/oidc-utils.js for `getIDToken`, which pulls in
// @actions/http-client and undici (~900 KiB, ~95 modules) at start-up although the action never
// asks for an OIDC token. Importing the same files the index re-exports keeps the runner protocol
// byte for byte @actions/core's (test/unit/workflow-commands.test.ts runs both side by side), and
// the bundle shares one copy of them with the libraries that load @actions/core later.
import { issue, issueCommand } from '../node_modules/@actions/core/lib/command.js';
import { issueFileCommand, prepareKeyValueMessage } from '../node_modules/@actions/core/lib/file-command.js';
import { toCommandProperties, toCommandValue } from '../node_modules/@actions/core/lib/utils.js';

export { summary } from '../node_modules/@actions/core/lib/summary.js';

/*
 * The functions of @actions/core 3.0.1 (lib/core.js) the action calls, same names, same
 * signatures, same bodies; nothing else. A future @actions/core that moves these files breaks the
 * build, not a run.
 */

export function getInput(name: string, options?: InputOptions): string {
  const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
  if (options && options.required && !val) throw new Error(`Input required and not supplied: ${name}`);
  if (options && options.trimWhitespace === false) return val;
  return val.trim();
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function setOutput(name: string, value: unknown): void {
  if (process.env['GITHUB_OUTPUT'] || '') return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

export function saveState(name: string, value: unknown): void {
  if (process.env['GITHUB_STATE'] || '') return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
  issueCommand('save-state', { name }, toCommandValue(value));
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || '';
}

export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function error(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}

export function warning(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function startGroup(name: string): void {
  issue('group', name);
}

export function endGroup(): void {
  issue('endgroup');
}
