// Regression ranges cut from real public histories (test/fixtures/delta-history/*.json, made by
// scripts/delta-fixture.ts): each is built back into a two-commit git repository at test time.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const HISTORY_DIR = path.resolve(import.meta.dirname, '../fixtures/delta-history');

export interface HistoryRange {
  /** The fixture's file name without .json. */
  name: string;
  /** Where it was cut from: github:<owner>/<repo>, and the real commits. */
  source: string;
  range: string;
  subject: string;
  /** The path prefixes the range was restricted to. */
  scope: string[];
  /** What the range exercises, and how the expectation was checked. */
  why: string;
  /** Files of the base commit. */
  base: Record<string, string>;
  /** Files the head commit changes: new content, or null when deleted. */
  head: Record<string, string | null>;
  /** The package.xml members (Type:fullName) and destructiveChangesPost.xml members the delta must produce. */
  expect: { deploy: string[]; destructive: string[] };
  /** sfdx-git-delta's answer where it differs on purpose, with the reason (scripts/delta-compare.ts). */
  sgd?: { deploy?: string[]; destructive?: string[]; why: string };
}

export function loadHistoryRanges(): HistoryRange[] {
  return readdirSync(HISTORY_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.replace(/\.json$/, ''), ...JSON.parse(readFileSync(path.join(HISTORY_DIR, file), 'utf8')) }));
}

/** The source folders of the range's sfdx-project.json (force-app when it has none). */
export function sourceDirsOf(range: HistoryRange): string[] {
  const project = range.base['sfdx-project.json'] ?? range.head['sfdx-project.json'];
  const dirs = project ? (JSON.parse(project).packageDirectories ?? []).map((d: { path: string }) => d.path.replace(/\/$/, '')) : [];
  return dirs.length ? dirs : ['force-app'];
}

/** The files of the range's head commit: its base with the head's changes applied. */
export function headTree(range: HistoryRange): Record<string, string> {
  const files: Record<string, string> = { ...range.base };
  for (const [file, content] of Object.entries(range.head)) {
    if (content === null) delete files[file];
    else files[file] = content;
  }
  return files;
}

/** Builds the range as a repository with two commits; returns its folder and the two SHAs. */
export function buildHistory(range: HistoryRange, parent = tmpdir()): { dir: string; base: string; head: string; cleanup(): void } {
  const root = mkdtempSync(path.join(parent, `delta-history-${range.name}-`));
  const dir = path.join(root, 'repo');
  mkdirSync(dir);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', '-c', 'core.ignorecase=false', ...args], { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  for (const [file, content] of Object.entries(range.base)) write(dir, file, content);
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', `base of ${range.range}`);
  const base = git('rev-parse', 'HEAD');
  for (const [file, content] of Object.entries(range.head)) {
    if (content === null) remove(dir, file);
    else write(dir, file, content);
  }
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', range.subject);
  return { dir, base, head: git('rev-parse', 'HEAD'), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function write(dir: string, file: string, content: string): void {
  const target = path.join(dir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
}

/** Deletes a file and the folders it leaves empty, as a checkout of the head commit has them. */
function remove(dir: string, file: string): void {
  rmSync(path.join(dir, file), { force: true });
  for (let folder = path.dirname(path.join(dir, file)); folder !== dir && readdirSync(folder).length === 0; folder = path.dirname(folder)) rmSync(folder, { recursive: true });
}
