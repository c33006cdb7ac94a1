import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Inputs, OrgInputs, Outputs } from '../../src/constants.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const action = parse(readFileSync(`${root}/action.yml`, 'utf8'));
const readme = readFileSync(`${root}/README.md`, 'utf8');

test('constants.ts spells every action.yml input and output, and nothing else', () => {
  const orgInputs = ['sandbox', 'production'].flatMap((role) => Object.values(OrgInputs).map((suffix) => `${role}-${suffix}`));
  assert.deepEqual([...Object.values(Inputs), ...orgInputs].sort(), Object.keys(action.inputs).sort());
  assert.deepEqual(Object.values(Outputs).sort(), Object.keys(action.outputs).sort());
});

test('every action.yml input and output has a description', () => {
  for (const [name, spec] of Object.entries<Record<string, unknown>>(action.inputs)) {
    assert.ok(typeof spec.description === 'string' && spec.description.trim(), `input ${name} has no description`);
  }
  for (const [name, spec] of Object.entries<Record<string, unknown>>(action.outputs)) {
    assert.ok(typeof spec.description === 'string' && spec.description.trim(), `output ${name} has no description`);
  }
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
