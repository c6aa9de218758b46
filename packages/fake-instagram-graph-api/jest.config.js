// The fake's own tests, run alone (`npm test -w @instagram-sync/fake-instagram-graph-api`) or as
// one project of the root `npm test`. Same ts-jest ESM set-up as the root: transpile-only, and
// `npm run typecheck` at the root checks the types with the root tsconfig, which covers test/.
import { createDefaultEsmPreset } from 'ts-jest';

/** @type {import('jest').Config} */
export default {
  ...createDefaultEsmPreset({ tsconfig: '<rootDir>/../../tsconfig.json' }),
  displayName: 'fake-instagram-graph-api',
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  // Resolve workspace packages to their TypeScript sources, as the root projects do.
  testEnvironmentOptions: {
    customExportConditions: ['@instagram-sync/source', 'node', 'node-addons'],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
};
