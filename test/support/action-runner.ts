import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
// @ts-expect-error plain ESM helper shared with the scripts
import { node24 } from '../../scripts/node24.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** An annotation parsed from a workflow command line (`::error file=…,line=…::message`). */
export interface ParsedAnnotation {
  level: string;
  file?: string;
  line?: number;
  title?: string;
  message: string;
}

/** Everything a run of the action left behind, as the runner would see it. */
export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state: Record<string, string>;
  annotations: ParsedAnnotation[];
  /** Values the action asked the runner to mask (::add-mask::). */
  masked: string[];
}

/** How to run the action: inputs as a workflow's `with:` block, the event, and the GITHUB_* context. */
export interface RunOptions {
  inputs?: Record<string, string | number | boolean>;
  eventName: string;
  payload?: Record<string, unknown>;
  workspace: string;
  ref?: string;
  sha?: string;
  repository?: string;
  runId?: number;
  runAttempt?: number;
  actor?: string;
  githubToken?: string;
  env?: Record<string, string>;
  /** Run the post step with this saved state instead of the main step. */
  postState?: Record<string, string>;
}

/** The inputs of action.yml with their defaults, `${{ github.token }}` resolved as the runner does. */
export function actionDefaults(githubToken: string): Record<string, string> {
  const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'));
  const defaults: Record<string, string> = {};
  for (const [name, spec] of Object.entries<Record<string, unknown>>(action.inputs)) {
    if (spec.default === undefined) continue;
    defaults[name] = String(spec.default).replace(/\$\{\{\s*github\.token\s*\}\}/g, githubToken);
  }
  return defaults;
}

/**
 * Runs dist/index.js on Node 24 the way GitHub's runner does: INPUT_* variables (name upper-cased,
 * spaces to underscores, hyphens kept) with action.yml defaults applied, an event payload file,
 * and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE files.
 */
/** The bundle the end-to-end tests run: dist/index.js, or ACTION_DIST's index.js when set. */
export function actionEntry(): string {
  // ACTION_DIST lets a developer run the suite against a bundle built elsewhere (node scripts/build.mjs <dir>).
  return path.resolve(root, process.env.ACTION_DIST ?? 'dist', 'index.js');
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const temp = mkdtempSync(path.join(tmpdir(), 'action-run-'));
  const files = { output: path.join(temp, 'output'), summary: path.join(temp, 'summary'), state: path.join(temp, 'state'), event: path.join(temp, 'event.json') };
  for (const f of [files.output, files.summary, files.state]) writeFileSync(f, '');
  writeFileSync(files.event, JSON.stringify(options.payload ?? {}));
  const token = options.githubToken ?? 'ghs_emulator';
  const inputs = { ...actionDefaults(token), ...Object.fromEntries(Object.entries(options.inputs ?? {}).map(([k, v]) => [k, String(v)])) };

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: options.repository ?? 'acme/crm',
    GITHUB_REF: options.ref ?? 'refs/heads/main',
    GITHUB_SHA: options.sha ?? 'a'.repeat(40),
    GITHUB_RUN_ID: String(options.runId ?? 1001),
    GITHUB_RUN_ATTEMPT: String(options.runAttempt ?? 1),
    GITHUB_ACTOR: options.actor ?? 'octocat',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  for (const [name, value] of Object.entries(options.postState ?? {})) env[`STATE_${name}`] = value;

  const entry = actionEntry();
  const child = spawn(node24(), [entry], { cwd: options.workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exitCode: number = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseCommandFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    state: parseCommandFile(readFileSync(files.state, 'utf8')),
    annotations: parseAnnotations(stdout),
    masked: [...stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) => unescapeData(m[1])),
  };
}

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file (`name<<delimiter` blocks); later values win. */
export function parseCommandFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]);
      result[heredoc[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      result[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return result;
}

function parseAnnotations(stdout: string): ParsedAnnotation[] {
  return [...stdout.matchAll(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm)].map((m) => {
    const props = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((p) => {
      const at = p.indexOf('=');
      return [p.slice(0, at), unescapeProperty(p.slice(at + 1))];
    }));
    return { level: m[1], file: props.file, line: props.line ? Number(props.line) : undefined, title: props.title, message: unescapeData(m[3]) };
  });
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** A fresh copy of the fixture SFDX project, to change freely in one test. */
export function copyFixtureProject(name = 'project'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sfdx-project-'));
  cpSync(path.join(root, 'test/fixtures', name), dir, { recursive: true });
  return dir;
}
