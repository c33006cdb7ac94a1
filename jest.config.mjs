// jest, native ESM (node --experimental-vm-modules, started by scripts/test.mjs), TypeScript
// stripped by @swc/jest (no type-checking here: `npm run typecheck` does that once for the
// whole project, so each test file only pays a fast syntax transform).
// See docs/adr/0001-test-runner-and-runtime.md and CONTRIBUTING.md.

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  // Sources import each other as `./x.js` (NodeNext resolution); the file on disk is `./x.ts`.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Two cores: one worker per core. End-to-end files spawn the action and start emulators in
  // their own process, so more workers than cores only makes every file slower.
  maxWorkers: 2,
  // Default per test and per hook: an end-to-end test runs the bundle several times against the
  // emulators, with deploys that poll. Unit tests finish in milliseconds either way.
  testTimeout: 300_000,
  // Tests must close what they open (servers in afterAll); this reports what they leave behind
  // instead of letting jest hang silently.
  detectOpenHandles: false,
  openHandlesTimeout: 2_000,
};
