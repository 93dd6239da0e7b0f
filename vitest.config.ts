import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.e2e.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          // Integration and browser tests share one throwaway Neo4j (Community has one user
          // database), so their files run one at a time and each starts from an empty graph.
          name: 'int',
          include: ['tests/**/*.int.test.ts', 'tests/**/*.e2e.test.ts'],
          globalSetup: ['tests/support/neo4j-global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
