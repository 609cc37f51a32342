import { configDefaults, defineConfig } from 'vitest/config';

// Two projects so that moto starts only when integration tests run (vitest runs a project's
// global setup only when some of its files are selected).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/integration/**'], globalSetup: ['test/global-setup.ts'] },
      },
      {
        extends: true,
        // The CLI bundle too: the integration tests also run dist/cli.cjs.
        // One moto for every file, each resetting it first: the files run one after another.
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], fileParallelism: false, globalSetup: ['test/global-setup.ts', 'test/integration/moto-server.ts'] },
      },
    ],
  },
});
