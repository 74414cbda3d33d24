import { defineConfig } from 'vitest/config';

// @fastify/autoload imports the route files itself; inlined, its imports go through vitest's module
// graph, so that a route's modules are the very ones the test and the app use (one ProblemError class).
const server = { deps: { inline: ['@fastify/autoload'] } };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Job workers keep their unit tests beside them (workers/<job-type>/worker.test.ts).
          include: ['tests/**/*.test.ts', 'workers/**/*.test.ts'],
          exclude: ['tests/integration/**'],
          server,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // One engine, database, simulator and platform for all integration files.
          globalSetup: ['tests/integration/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          server,
        },
      },
    ],
  },
});
