import { defineConfig } from 'vitest/config';

// Three projects: fast unit tests (no services); workflow tests, each file on its own local
// Temporal server (TestWorkflowEnvironment on the CLI binary) with mocked activities; and
// integration tests that share one set of real services (Temporal dev server, object store,
// SMTP) started by test/integration/global-setup.ts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'workflow',
          include: ['test/workflow/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Services are shared; files run one after another to keep the 2-core machine responsive.
          fileParallelism: false,
        },
      },
    ],
  },
});
