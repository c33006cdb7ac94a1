import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import * as actionsCore from '@actions/core';
import * as commands from '../../src/workflow-commands.js';

// src/workflow-commands.ts is the slice of @actions/core the action's entry uses, without the OIDC
// client @actions/core's index loads. Both are driven here through the same calls, with and
// without the runner's command files, and must write the same bytes to stdout and to each file.

type Api = typeof commands;

const EXERCISE = (api: Api): void => {
  api.info('plain line with %25 and :: and \r\n inside');
  api.debug('debug: 100% done\nsecond line');
  api.setSecret('s3cr3t,with:colons');
  api.startGroup('Report: a, b');
  api.warning('careful\nnext', { title: 'a:b, c', file: 'force-app/x.cls', startLine: 3, startColumn: 7 });
  api.warning(new Error('an error object'));
  api.error('broken', { title: 'Compile', file: 'src/a.ts', startLine: 1, startColumn: undefined });
  api.error('no properties');
  api.endGroup();
  api.setOutput('status', 'succeeded');
  api.setOutput('multi', 'line one\nline two');
  api.setOutput('object', { a: 1 });
  api.saveState('isPost', 'true');
  api.saveState('pending', JSON.stringify({ id: '0Af' }));
  api.setFailed('The run ended with status failed.');
};

const INPUT_ENV = {
  'INPUT_SANDBOX-AUTH-URL': '  force://x  ',
  INPUT_MY_INPUT: 'spaces become underscores',
  INPUT_EMPTY: '',
};

let dir: string;
const saved = { ...process.env };
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'workflow-commands-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  process.env = saved;
});

/** Runs `fn` with stdout captured and process.exitCode restored; returns what was written. */
function capture(fn: () => void): { stdout: string; exitCode: typeof process.exitCode } {
  const write = process.stdout.write;
  const before = process.exitCode;
  let stdout = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    fn();
    return { stdout, exitCode: process.exitCode };
  } finally {
    process.stdout.write = write;
    process.exitCode = before;
  }
}

/** @actions/core's heredoc delimiter is a fresh UUID each call; compare the shape, not the UUID. */
const sameDelimiters = (text: string): string => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_<uuid>');

function runWithFiles(api: Api, label: string): { stdout: string; exitCode: typeof process.exitCode; output: string; state: string } {
  const output = path.join(dir, `${label}-output`);
  const state = path.join(dir, `${label}-state`);
  writeFileSync(output, '');
  writeFileSync(state, '');
  process.env.GITHUB_OUTPUT = output;
  process.env.GITHUB_STATE = state;
  const run = capture(() => EXERCISE(api));
  return { ...run, output: sameDelimiters(readFileSync(output, 'utf8')), state: sameDelimiters(readFileSync(state, 'utf8')) };
}

describe('the workflow commands the entry uses', () => {
  test('write what @actions/core writes, with the runner command files', () => {
    const ours = runWithFiles(commands, 'ours');
    const theirs = runWithFiles(actionsCore as unknown as Api, 'core');
    assert.equal(ours.stdout, theirs.stdout);
    assert.equal(ours.output, theirs.output);
    assert.equal(ours.state, theirs.state);
    assert.equal(ours.exitCode, 1);
    assert.equal(theirs.exitCode, 1);
    assert.match(ours.output, /^multi<<ghadelimiter_<uuid>\nline one\nline two\nghadelimiter_<uuid>$/m);
    assert.match(ours.stdout, /^::warning title=a%3Ab%2C c,file=force-app\/x.cls,line=3,col=7::careful%0Anext$/m);
  });

  test('write what @actions/core writes, without them (the legacy stdout commands)', () => {
    delete process.env.GITHUB_OUTPUT;
    delete process.env.GITHUB_STATE;
    const ours = capture(() => EXERCISE(commands));
    const theirs = capture(() => EXERCISE(actionsCore as unknown as Api));
    assert.equal(ours.stdout, theirs.stdout);
    assert.match(ours.stdout, /^::set-output name=object::\{"a":1\}$/m);
  });

  test('read inputs and state as @actions/core does', () => {
    Object.assign(process.env, INPUT_ENV, { STATE_isPost: 'true' });
    for (const name of ['sandbox-auth-url', 'my input', 'empty', 'absent']) {
      assert.equal(commands.getInput(name), actionsCore.getInput(name), name);
      assert.equal(commands.getInput(name, { trimWhitespace: false }), actionsCore.getInput(name, { trimWhitespace: false }), name);
    }
    assert.equal(commands.getInput('sandbox-auth-url'), 'force://x');
    assert.throws(() => commands.getInput('absent', { required: true }), { message: 'Input required and not supplied: absent' });
    assert.equal(commands.getState('isPost'), actionsCore.getState('isPost'));
    assert.equal(commands.getState('isPost'), 'true');
    assert.equal(commands.getState('missing'), '');
  });

  test('share the job summary with @actions/core (one buffer, one file)', async () => {
    const file = path.join(dir, 'summary');
    writeFileSync(file, '');
    process.env.GITHUB_STEP_SUMMARY = file;
    assert.equal(commands.summary, actionsCore.summary);
    await commands.summary.addRaw('# Heading\n').write();
    await actionsCore.summary.addRaw('more').write();
    assert.equal(readFileSync(file, 'utf8'), '# Heading\nmore');
  });
});
