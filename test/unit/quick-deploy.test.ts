import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zipSync } from 'fflate';
import { matchValidation, type ValidationRecord } from '../../src/github/validation-ledger.js';
import { packageDigest } from '../../src/salesforce/package.js';

const entry = (over: Partial<ValidationRecord>): ValidationRecord => ({ validationId: '0Af1', orgId: '00D1', contentDigest: 'abc', testLevel: 'RunLocalTests', tests: [], sha: 'f'.repeat(40), validatedAt: '2026-11-20T10:00:00Z', ...over });
const wanted = { orgId: '00D1', contentDigest: 'abc', testLevel: 'RunLocalTests', tests: [] as string[] };
const now = new Date('2026-11-23T10:00:00Z');

test('quick deploys only a validation of the same content, org and tests', () => {
  assert.equal(matchValidation([entry({ contentDigest: 'other' }), entry({ orgId: '00D2' }), entry({ testLevel: 'RunAllTestsInOrg' })], wanted, now), undefined);
  assert.equal(matchValidation([entry({ validationId: '0Af9' })], wanted, now)?.validationId, '0Af9');
});

test('prefers the newest validation and ignores one older than ten days', () => {
  const entries = [entry({ validationId: 'old', validatedAt: '2026-11-10T10:00:00Z' }), entry({ validationId: 'new', validatedAt: '2026-11-22T10:00:00Z' }), entry({ validationId: 'mid' })];
  assert.equal(matchValidation(entries, wanted, now)?.validationId, 'new');
  assert.equal(matchValidation([entries[0]], wanted, now), undefined);
});

test('the package digest ignores entry order and folder entries', () => {
  const a = Buffer.from(zipSync({ 'package.xml': Buffer.from('<P/>'), 'classes/': new Uint8Array(), 'classes/A.cls': Buffer.from('a') }));
  const b = Buffer.from(zipSync({ 'classes/A.cls': Buffer.from('a'), 'package.xml': Buffer.from('<P/>') }));
  const c = Buffer.from(zipSync({ 'classes/A.cls': Buffer.from('b'), 'package.xml': Buffer.from('<P/>') }));
  assert.equal(packageDigest(a), packageDigest(b));
  assert.notEqual(packageDigest(a), packageDigest(c));
});
