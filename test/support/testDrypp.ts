import { loadConfig } from '../../src/config/config.ts';
import { createLogger, type Logger } from '../../src/log/logger.ts';
import { startDrypp, type RunningDrypp } from '../../src/main.ts';

/** Every hour of every day is working time and the scheduler looks every 200 ms: due cards go out at once. */
export const alwaysWorkingEnv = {
  DRYPP_WORKING_HOURS: '00:00-23:59',
  DRYPP_WORKING_DAYS: 'monday,tuesday,wednesday,thursday,friday,saturday,sunday',
  DRYPP_SCHEDULER_INTERVAL_MS: '200',
};

/**
 * A web-only Drypp serving one tenant, with Graph and Entra configured but unreachable (port 9):
 * only the routes are under test, nothing may talk to Microsoft.
 */
export function webOnlyEnv(tenantId: string, clientState: string): Record<string, string> {
  return {
    DRYPP_ROLES: 'web',
    DRYPP_TENANTS: tenantId,
    DRYPP_DIRECTORY_TENANTS: tenantId,
    DRYPP_GRAPH_CLIENT_ID: '6a1d5e3c-8f2b-4c7d-9e0a-3b4c5d6e7f80',
    DRYPP_GRAPH_CLIENT_SECRET: 'not-used-in-this-test',
    DRYPP_AUTHORITY_HOST: 'http://127.0.0.1:9',
    DRYPP_GRAPH_BASE_URL: 'http://127.0.0.1:9',
    DRYPP_TEAMS_APP_CATALOG_ID: '2f4e6a8c-1b3d-4f5a-8c7e-9d0b1a2c3e4f',
    DRYPP_PUBLIC_URL: 'http://127.0.0.1:9',
    DRYPP_GRAPH_CLIENT_STATE: clientState,
  };
}

/** Starts Drypp in this process in test mode on a free port, on the given store, with `env` on top. */
export function startTestDrypp(
  connectionString: string,
  env: Record<string, string>,
  log: Logger = createLogger('silent'),
): Promise<RunningDrypp> {
  return startDrypp(
    loadConfig({
      DRYPP_MODE: 'test',
      PORT: '0',
      DRYPP_STORAGE_CONNECTION_STRING: connectionString,
      ...env,
    }),
    log,
  );
}
