import { ensureTabsBuilt } from '../../scripts/build-tabs.ts';

/**
 * Vitest globalSetup of the e2e project: builds the tab front end once per run, when it is missing
 * or stale, before any sandbox starts (each sandbox would otherwise find it stale at once).
 */
export default async function buildTabsOnce(): Promise<void> {
  await ensureTabsBuilt((line) => process.stdout.write(`${line}\n`));
}
