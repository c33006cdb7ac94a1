import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { isTestClass, type ApexUnit } from '../../emulators/salesforce/apex.js';
import { measureCoverage } from '../../emulators/salesforce/test-run.js';
import { buildPackage } from '../../src/salesforce/package.js';
import { changeProject, generateProject, objectName, PROJECT_SIZES, projectFiles, serviceName } from '../support/sfdx-project.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sfdx-project-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the project generator', () => {
  test('the large size is exactly 10,000 files', () => {
    expect(projectFiles(PROJECT_SIZES.large).size).toBe(10_000);
  });

  test('is deterministic: the same size gives the same bytes', () => {
    expect([...projectFiles(PROJECT_SIZES.default)]).toEqual([...projectFiles(PROJECT_SIZES.default)]);
  });

  test('writes a project SDR converts into the components it was asked for', async () => {
    const dir = tempDir();
    const { files, shape } = generateProject(dir, 'default');
    expect(files).toBe(projectFiles(shape).size);
    const pkg = await buildPackage({ workspace: dir, sourceDirs: ['force-app'], apiVersion: '62.0' });
    const count = (type: string) => pkg.components.filter((c) => c.type === type).length;
    const triggers = Math.ceil(shape.objects / shape.triggerEvery);
    assert.equal(count('ApexClass'), shape.services * 2 + triggers);
    assert.equal(count('ApexTrigger'), triggers);
    assert.equal(count('CustomObject'), shape.objects);
    assert.equal(count('CustomField'), shape.objects * shape.fieldsPerObject);
    assert.equal(count('LightningComponentBundle'), shape.lwc);
    assert.equal(count('PermissionSet'), shape.permissionSets);
    assert.equal(count('CustomLabel'), shape.labels);
    assert.ok(pkg.components.some((c) => c.type === 'ApexClass' && c.fullName === `${serviceName(0)}Test`));
    const testClass = readFileSync(path.join(dir, 'force-app/main/default/classes', `${serviceName(0)}Test.cls`), 'utf8');
    assert.match(testClass, /^@IsTest\nprivate class/);
  });

  test('changeProject edits classes, adds a component and deletes only unreferenced fields', () => {
    const dir = tempDir();
    generateProject(dir, 'default');
    const before = readFileSync(path.join(dir, 'force-app/main/default/classes', `${serviceName(0)}.cls`), 'utf8');
    const change = changeProject(dir, { editClasses: 3, addLwc: 1, deleteFields: 2 });
    expect(change.changedClasses).toHaveLength(3);
    expect(change.addedLwc).toHaveLength(1);
    expect(change.deletedFields).toHaveLength(2);
    assert.ok(change.changedClasses.includes(serviceName(0)));
    assert.notEqual(readFileSync(path.join(dir, 'force-app/main/default/classes', `${serviceName(0)}.cls`), 'utf8'), before);
    assert.ok(change.deletedFields[0].startsWith(`${objectName(0)}.`));
    const permissions = readFileSync(path.join(dir, 'force-app/main/default/permissionsets/Team_1_Access.permissionset-meta.xml'), 'utf8');
    for (const field of change.deletedFields) assert.ok(!permissions.includes(`<field>${field}</field>`), `${field} is still granted`);
  });

  // The org measures coverage per class and trigger from what the tests reach (the emulator's
  // model of it): a generated project, and its next release, must pass a production deploy's
  // RunLocalTests on their own, or the demo and benchmarks would measure a refused deploy.
  test('its tests cover every class and trigger, before and after changeProject', () => {
    const apexUnits = (files: Iterable<[string, string]>): ApexUnit[] =>
      [...files]
        .map(([file, body]) => ({ file, body, match: /\/(classes|triggers)\/(\w+)\.(cls|trigger)$/.exec(file) }))
        .filter((f) => f.match)
        .map((f, k) => ({ type: f.match![3] === 'cls' ? 'ApexClass' : 'ApexTrigger', name: f.match![2], id: `u${k}`, body: f.body }));
    const coverageOf = (units: ApexUnit[]) => {
      const isTest = (u: ApexUnit) => u.type === 'ApexClass' && isTestClass(u.body);
      return measureCoverage(units.filter((u) => !isTest(u)), units.filter(isTest).map((u) => u.body), 100);
    };

    const units = apexUnits(projectFiles(PROJECT_SIZES.default));
    expect(units.filter((u) => u.type === 'ApexTrigger').length).toBeGreaterThan(0);
    const uncovered = coverageOf(units).filter((c) => c.numLocationsNotCovered > 0).map((c) => `${c.name}: ${c.numLocationsNotCovered}/${c.numLocations}`);
    expect(uncovered).toEqual([]);

    const dir = tempDir();
    generateProject(dir, 'default');
    changeProject(dir, { editClasses: 3 });
    const read = (rel: string) => readFileSync(path.join(dir, 'force-app/main/default', rel), 'utf8');
    const changed = apexUnits([...projectFiles(PROJECT_SIZES.default).keys()].map((file) => [file, file.endsWith('.cls') || file.endsWith('.trigger') ? read(file.replace('force-app/main/default/', '')) : '']));
    const after = coverageOf(changed);
    expect(after.filter((c) => c.numLocationsNotCovered > 0).map((c) => c.name)).toEqual([]);
    expect(after.find((c) => c.name === serviceName(0))!.numLocations).toBeGreaterThan(coverageOf(units).find((c) => c.name === serviceName(0))!.numLocations);
  });
});
