import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from '@jest/globals';
import { packagedChanges, packagingPaths, parsePorcelainStatus, redactUrlCredentials, unapprovedChanges } from '../../src/git/checkout.js';
import { hasDotSegment, isInside, packageContentProblems } from '../../src/salesforce/package-contents.js';

describe('parsePorcelainStatus', () => {
  test('reads states and paths, skipping a rename\'s origin', () => {
    const out = ' M force-app/a.cls\0?? force-app/b.cls\0R  force-app/new.cls\0force-app/old.cls\0!! force-app/c.resource\0';
    assert.deepEqual(parsePorcelainStatus(out), [
      { state: ' M', path: 'force-app/a.cls' },
      { state: '??', path: 'force-app/b.cls' },
      { state: 'R ', path: 'force-app/new.cls' },
      { state: '!!', path: 'force-app/c.resource' },
    ]);
  });

  test('keeps spaces in file names', () => {
    assert.deepEqual(parsePorcelainStatus('?? force-app/my file.cls\0'), [{ state: '??', path: 'force-app/my file.cls' }]);
  });
});

describe('packagedChanges', () => {
  test('counts modified and untracked files always, ignored ones only when packaging would read them', () => {
    const entries = [
      { state: ' M', path: 'force-app/a.cls' },
      { state: '??', path: 'force-app/b.cls' },
      { state: '!!', path: 'force-app/.sfdx/cache' },
      { state: '!!', path: 'force-app/lwc/jsconfig.json' },
      { state: '!!', path: 'force-app/staticresources/x.resource' },
    ];
    const forceIgnored = (file: string) => file.endsWith('jsconfig.json');
    assert.deepEqual(packagedChanges(entries, forceIgnored).map((e) => e.path), ['force-app/a.cls', 'force-app/b.cls', 'force-app/staticresources/x.resource']);
  });
});

describe('packagingPaths', () => {
  test('the source folders plus the files that steer packaging', () => {
    assert.deepEqual(packagingPaths(['force-app', './extra'], undefined), ['sfdx-project.json', '.forceignore', 'force-app', 'extra']);
  });
  test('a manifest alone brings its metadata folder', () => {
    assert.deepEqual(packagingPaths([], 'src/package.xml'), ['sfdx-project.json', '.forceignore', 'src/package.xml', 'src']);
    assert.deepEqual(packagingPaths([], 'package.xml'), ['sfdx-project.json', '.forceignore', 'package.xml', '.']);
  });
});

describe('unapprovedChanges', () => {
  test('a file the release changes that differs from the approved head is unapproved', () => {
    const changed = ['force-app/Greeting.cls', 'force-app/Backdoor.cls', 'changes/pr.md'];
    const differ = ['force-app/Backdoor.cls', 'force-app/Other.cls'];
    const inHead = new Set(['force-app/Greeting.cls', 'changes/pr.md']);
    assert.deepEqual(unapprovedChanges(changed, differ, (f) => inHead.has(f)), [{ path: 'force-app/Backdoor.cls', inApprovedHead: false }]);
  });
  test('an honest merge (the head\'s content, whatever main gained meanwhile) has none', () => {
    assert.deepEqual(unapprovedChanges(['force-app/Greeting.cls'], ['force-app/FromMain.cls'], () => true), []);
  });
});

describe('package paths', () => {
  test('isInside uses path.relative, so a sibling sharing a prefix is outside', () => {
    assert.equal(isInside('/w/crm', '/w/crm/force-app'), true);
    assert.equal(isInside('/w/crm', '/w/crm'), true);
    assert.equal(isInside('/w/crm', '/w/crm-evil'), false);
    assert.equal(isInside('/w/crm', '/w'), false);
    assert.equal(isInside('/w/crm', '/w/crm/..foo'), true);
  });

  test('hasDotSegment finds dot-folders at any depth', () => {
    assert.equal(hasDotSegment('.git/config'), true);
    assert.equal(hasDotSegment('force-app/.sfdx/x'), true);
    assert.equal(hasDotSegment('force-app/main'), false);
  });

  test('packageContentProblems names links leading out of a package directory, a dot-folder and a sibling', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'pkg-contents-'));
    const workspace = path.join(parent, 'crm');
    const classes = path.join(workspace, 'force-app/main/default/classes');
    mkdirSync(classes, { recursive: true });
    mkdirSync(path.join(workspace, '.git'), { recursive: true });
    mkdirSync(path.join(parent, 'crm-evil'), { recursive: true });
    writeFileSync(path.join(classes, 'A.cls'), 'class A {}');
    symlinkSync(path.join(classes, 'A.cls'), path.join(classes, 'Inside.cls')); // fine: stays inside
    symlinkSync('/proc/self/environ', path.join(classes, 'Env.cls'));
    symlinkSync(path.join(workspace, 'README.md'), path.join(classes, 'Dangling.cls'));
    // A dot-named link too: without a .forceignore, source-deploy-retrieve does not skip it.
    mkdirSync(path.join(workspace, 'force-app/main/default/staticresources'));
    symlinkSync('/proc/self/environ', path.join(workspace, 'force-app/main/default/staticresources/.Env.resource'));
    const problems = packageContentProblems(workspace, ['force-app', '../crm-evil', '.git'], undefined);
    assert.equal(problems.length, 5, problems.join('\n'));
    assert.ok(problems.some((p) => /staticresources\/\.Env\.resource is a symbolic link to a path outside its package directory/.test(p)), problems.join('\n'));
    problems.splice(problems.findIndex((p) => p.includes('.Env.resource')), 1);
    assert.match(problems[0]!, /force-app\/main\/default\/classes\/Dangling\.cls is a symbolic link that does not resolve/);
    assert.match(problems[1]!, /force-app\/main\/default\/classes\/Env\.cls is a symbolic link to a path outside its package directory \(force-app\)/);
    assert.match(problems[2]!, /'\.\.\/crm-evil' is outside the repository/);
    assert.match(problems[3]!, /'\.git' is in a dot-folder/);
  });
});

describe('redactUrlCredentials', () => {
  test('hides a token in a remote URL git echoes, keeping the host', () => {
    assert.equal(
      redactUrlCredentials("fatal: unable to access 'https://x-access-token:ghs_secret@github.com/acme/crm/': 403"),
      "fatal: unable to access 'https://***@github.com/acme/crm/': 403",
    );
    assert.equal(redactUrlCredentials('fatal: no such remote file:///tmp/x'), 'fatal: no such remote file:///tmp/x');
  });
});
