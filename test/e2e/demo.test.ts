// `npm run demo` is the README's first command after `npm ci`: it must run the whole gated
// pipeline (pull-request validation, two releases, a rollback) against the built-in emulators and
// fail loudly when any step does not end as it should. This runs it the way a user does.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@jest/globals';

const root = fileURLToPath(new URL('../..', import.meta.url));

function runDemo(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts/run-ts.mjs'), path.join(root, 'scripts/demo.ts')], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('npm run demo runs the whole gated pipeline and every step ends as expected', async () => {
  const { code, stdout, stderr } = await runDemo();
  expect({ code, stderr: code === 0 ? '' : stderr, verdict: stdout.slice(stdout.indexOf('Demo verdict')) }).toEqual({
    code: 0,
    stderr: '',
    verdict: expect.stringContaining('✓ every step ended as expected'),
  });
  // What a user sees of each step: the gates in order, the deploy, the rollback's restore.
  expect(stdout).toMatch(/Pull request #1 by carol: validate against the sandbox[\s\S]*Validation succeeded against the sandbox/);
  expect(stdout).toMatch(/Gate 'approvals' passed: 2 of 2 required approval\(s\)/);
  expect(stdout).toMatch(/Roll back the second release[\s\S]*exit code 0; outputs: status=succeeded/);
  expect(stdout).toContain('Production metadata equals the first release exactly: yes ✓');
  expect(stdout).not.toContain('✗');
}, 600_000);
