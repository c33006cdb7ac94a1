import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Inputs, OrgInputs, Outputs } from '../../src/constants.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const action = parse(readFileSync(`${root}/action.yml`, 'utf8'));
const readme = readFileSync(`${root}/README.md`, 'utf8');

/** Names in the first column of a table under a SPEC.md heading, as the contract lists them. */
function specNames(section: string): string[] {
  const spec = readFileSync(`${root}/../shared/SPEC.md`, 'utf8');
  const start = spec.indexOf(section);
  const body = spec.slice(start, spec.indexOf('\n## ', start + section.length));
  return body.split('\n').filter((l) => l.startsWith('| `')).flatMap((l) => [...l.split('|')[1].matchAll(/`([a-z][a-z0-9-]*)`/g)].map((m) => m[1]));
}

test('action.yml declares every input and output of SPEC.md', () => {
  for (const name of specNames('## Inputs')) assert.ok(name in action.inputs, `input ${name} missing from action.yml`);
  for (const name of specNames('## Outputs')) assert.ok(name in action.outputs, `output ${name} missing from action.yml`);
});

test('constants.ts spells every action.yml input and output, and nothing else', () => {
  const orgInputs = ['sandbox', 'production'].flatMap((role) => Object.values(OrgInputs).map((suffix) => `${role}-${suffix}`));
  assert.deepEqual([...Object.values(Inputs), ...orgInputs].sort(), Object.keys(action.inputs).sort());
  assert.deepEqual(Object.values(Outputs).sort(), Object.keys(action.outputs).sort());
});

test('the README usage block lists exactly the inputs of action.yml', () => {
  const usage = readme.slice(readme.indexOf('<!-- start usage -->'), readme.indexOf('<!-- end usage -->'));
  const listed = [...usage.matchAll(/^\s{4}([a-z][a-z0-9-]*):/gm)].map((m) => m[1]).sort();
  assert.deepEqual(listed, Object.keys(action.inputs).sort());
});

test('the action runs on node24 with a post step from the committed bundle', () => {
  assert.deepEqual(action.runs, { using: 'node24', main: 'dist/index.js', post: 'dist/index.js', 'post-if': 'always()' });
});

test('the README quick start names the demo and test commands', () => {
  assert.match(readme, /npm ci\nnpm run demo/);
  assert.match(readme, /npm test/);
});
