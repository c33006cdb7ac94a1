import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { revocationsFor } from '../../src/rollback/permission-overlay.js';

const NS = 'http://soap.sforce.com/2006/04/metadata';
const profile = (entries: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n<Profile xmlns="${NS}">\n${entries}    <custom>false</custom>\n</Profile>\n`;
const classAccess = (name: string, enabled: boolean): string => `    <classAccesses>\n        <apexClass>${name}</apexClass>\n        <enabled>${enabled}</enabled>\n    </classAccesses>\n`;
const field = (name: string, readable: boolean, editable: boolean): string => `    <fieldPermissions>\n        <editable>${editable}</editable>\n        <field>${name}</field>\n        <readable>${readable}</readable>\n    </fieldPermissions>\n`;

describe('revocations that make an overlaid profile deploy restore the earlier state', () => {
  test('grants absent from the restored version are revoked; entries it names are left to the overlay', () => {
    const restored = profile(classAccess('PriceBook', true) + field('Account.Tier__c', true, false));
    const current = profile(classAccess('PriceBook', false) + classAccess('Discounts', true) + field('Account.Tier__c', true, true) + field('Account.Score__c', true, true) + `    <userPermissions>\n        <enabled>true</enabled>\n        <name>ApiEnabled</name>\n    </userPermissions>\n`);
    const { revocations, described, unrevocable } = revocationsFor(restored, current, []);
    assert.deepEqual(described, ['classAccesses Discounts', 'fieldPermissions Account.Score__c', 'userPermissions ApiEnabled']);
    assert.match(revocations[0]!, /<apexClass>Discounts<\/apexClass>\s*<enabled>false<\/enabled>/);
    assert.match(revocations[1]!, /<editable>false<\/editable>[\s\S]*<readable>false<\/readable>/);
    assert.deepEqual(unrevocable, []);
  });

  test('an entry of a component the rollback deletes, or one that grants nothing, needs no revocation; a layout assignment cannot be revoked', () => {
    const current = profile(classAccess('Loyalty', true) + classAccess('Old', false) + field('Promo__c.Code__c', true, true) + `    <layoutAssignments>\n        <layout>Account-Sales</layout>\n    </layoutAssignments>\n`);
    const { described, unrevocable } = revocationsFor(profile(''), current, [{ type: 'ApexClass', fullName: 'Loyalty' }, { type: 'CustomObject', fullName: 'Promo__c' }]);
    assert.deepEqual(described, []);
    assert.deepEqual(unrevocable, ['layout assignment Account-Sales']);
  });
});
