/**
 * The tenant simulator: Entra ID sign-in and the parts of Microsoft Graph v1.0 that Drypp uses,
 * for the sandbox and the tests. See README.md beside this file.
 */
export { createTenantSimulator, type TenantSimulator, type TenantSimulatorOptions } from './simulator.ts';
export {
  startTenantSimulator,
  SIMULATOR_DEFAULT_PORT,
  type RunningSimulator,
  type StartOptions,
} from './server.ts';
export { trustInThisProcess } from './certificate.ts';
export {
  seedFromDemoOrganisation,
  sandboxGraphApp,
  sandboxTabApp,
  sandboxTeamsApp,
  demoChatIdFor,
} from './state/demoSeed.ts';
export type { AppInstalled } from './graph/teamwork.ts';
export type { LifecycleEvent } from './graph/notifier.ts';
export type { SimulatorState } from './state/state.ts';
export {
  defaultFaults,
  type FaultKnobs,
  type SeedApp,
  type SeedGroup,
  type SeedTeamsApp,
  type SeedTenant,
  type SeedUser,
} from './state/types.ts';
export { issueTabToken, tabTokenSchema, type TabTokenRequest } from './entra/tabTokens.ts';
