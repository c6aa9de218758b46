// ts-jest in ESM mode: transpile-only (isolatedModules) for speed; `npm run typecheck` checks types.
import { createDefaultEsmPreset } from 'ts-jest';

const preset = createDefaultEsmPreset({ tsconfig: 'tsconfig.json' });

/** @type {import('jest').Config['projects'][number]} */
const common = {
  ...preset,
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  setupFiles: ['reflect-metadata'],
  testEnvironment: 'node',
  // Workspace packages resolve to their TypeScript sources (see tsconfig.json).
  testEnvironmentOptions: {
    customExportConditions: ['@instagram-sync/source', 'node', 'node-addons'],
  },
};

/** @type {import('jest').Config} */
export default {
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    // The fault suite (`npm run test:faults`): crashes, outages and load on real processes.
    // Slow and heavy, so the root `npm test` leaves it out (--selectProjects).
    {
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
    },
    // A package with its own jest.config.js: its tests live in its test/ folder.
    '<rootDir>/packages/fake-instagram-graph-api',
    // The Agenda backend's own tests, with the package's own jest config.
    '<rootDir>/packages/agenda-sequelize-backend',
  ],
};
