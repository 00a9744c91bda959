import { defineConfig } from 'vitest/config';

// The test files that need a Neo4j server are each named neo4j.test.ts: they share one database
// and empty it, so they run one after another in their own project. Everything else, the Neo4j
// adapter's unit tests without a server (neo4j-*.test.ts) included, runs in parallel.
const NEO4J_FILES = ['tests/**/neo4j.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Every temporary file of the run under one directory, removed at the end (tests/helpers/temp-root.ts).
    globalSetup: ['tests/helpers/temp-root.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'default',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: [...NEO4J_FILES, '**/node_modules/**'],
        },
      },
      { extends: true, test: { name: 'neo4j', include: NEO4J_FILES, fileParallelism: false } },
    ],
  },
});
