// The package's own tests, run alone (`npm test` here, which sets the 60 s timeout the root
// config sets globally) or as a project of the root jest config.
// ts-jest in ESM mode, transpile-only (isolatedModules); `tsc --noEmit` checks the types.
import { createDefaultEsmPreset } from 'ts-jest';

/** @type {import('jest').Config} */
export default {
  ...createDefaultEsmPreset({ tsconfig: '<rootDir>/tsconfig.json' }),
  displayName: 'agenda-sequelize-backend',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  // The package imported by its own name resolves to its TypeScript sources, not to dist.
  testEnvironmentOptions: {
    customExportConditions: ['@instagram-sync/source', 'node', 'node-addons'],
  },
};
