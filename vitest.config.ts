import { defineConfig } from 'vitest/config';

// Three tiers: unit (pure, beside the code), integration (real Azurite), e2e (sandbox + Playground + Chromium).
// Unit and integration files run first, two at a time: each integration file has its own Azurite on
// free ports, and much of their time is waiting (polling, worker processes), so a second worker cut
// the integration tier from 10:26 to 8:34 here (2 cores). Vitest's own default in a run is one worker
// per core less one, a single worker on these machines. The e2e files follow, one at a time: each
// runs a whole sandbox with Chromium and the Agents Playground.
// Both hold Teams' tenant rate across three worker processes: with a second test file on the CPU,
// sends granted in one second arrived in the connector's next one (one refused in each, clean-clone runs).
const aloneOnTheMachine = [
  'test/integration/shared-send-rate.test.ts',
  'test/integration/outbound-pipeline.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        // A file whose assertion is about timing across processes (three workers sharing Teams' tenant
        // rate: a send delayed by a busy CPU lands in the connector's next second, past 50) runs
        // after everything else, alone, as a real worker has its cores.
        test: {
          name: 'integration-alone',
          include: [...aloneOnTheMachine],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'unit',
          maxWorkers: 2,
          include: [
            'src/**/*.test.ts',
            'bot/**/*.test.ts',
            'sandbox/**/*.test.ts',
            'tabs/src/**/*.test.ts',
            'test/unit/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          maxWorkers: 2,
          include: ['test/integration/**/*.test.ts'],
          exclude: [...aloneOnTheMachine],
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/buildTabs.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
