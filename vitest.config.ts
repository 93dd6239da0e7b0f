import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// NOTE: graphql 16 ships CJS (main) and ESM (module) builds. Node, and so graphql-yoga at run
// time, loads the CJS one; vite would pick the ESM one for our sources, giving two GraphQLError
// classes and masked client errors. Pin vite to the build Node uses.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.e2e.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
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
