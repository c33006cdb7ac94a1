import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { GateError } from '../../src/errors.js';
import { evaluateRollbackPermission } from '../../src/github/rollback-permission.js';

const approved = (login: string, userType = 'User') => ({ login, userType, state: 'approved', environments: ['production'] });

test('a dispatcher with write access may roll back when no approvals are required', () => {
  assert.equal(evaluateRollbackPermission({ actor: 'dana', actorRole: 'write', decisions: [], roles: {} }, 0, 'production'), 'dispatched by dana (write access)');
});

test('a dispatcher with read access may not roll back', () => {
  assert.throws(() => evaluateRollbackPermission({ actor: 'rita', actorRole: 'read', decisions: [], roles: {} }, 0, 'production'), (e: unknown) => e instanceof GateError && /has 'read' access/.test(e.message));
});

test('required rollback approvals count other writers only, never the dispatcher or a bot', () => {
  const evidence = { actor: 'dana', actorRole: 'admin', decisions: [approved('dana'), approved('deploy-bot[bot]', 'Bot'), approved('reader'), approved('erin')], roles: { dana: 'admin', reader: 'read', erin: 'write' } };
  assert.match(evaluateRollbackPermission(evidence, 1, 'production'), /approved by erin/);
  assert.throws(() => evaluateRollbackPermission(evidence, 2, 'production'), (e: unknown) => e instanceof GateError && /1 of 2 required.*dana \(dispatched the rollback\).*deploy-bot\[bot\] \(bot\).*reader \(read access\)/.test(e.message));
});
