import { envSchema, type Role } from './envSchema.ts';

/**
 * Configuration is read once at start, validated, and passed down; nothing else reads process.env.
 * In production a missing or malformed setting stops the process with one message naming every
 * problem (never a value, so no secret can leak into logs).
 */

export type { Role };

export interface BotIdentity {
  appId?: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  appTenantId?: string;
  openIdMetadataUrl?: string;
}

export interface DirectorySettings {
  tenants: string[];
  clientId: string;
  clientSecret?: string;
  clientCertificate?: { privateKeyPem: string; thumbprintSha256: string };
  authorityHost: string;
  graphBaseUrl: string;
  scope: string;
  teamsAppCatalogId: string;
  syncIntervalMs: number;
  newHirePolicy: { createdWithinDays: number; hireDateFromDaysAgo: number };
  /** Change notifications need a public URL; without one, delta polling alone keeps the mirror. */
  notifications?: { publicUrl: string; clientState: string };
}

export interface XapiSettingsConfig {
  endpoint: string;
  username: string;
  password: string;
  homePage: string;
  activityBase: string;
  sendIntervalMs: number;
  retrySeconds: number;
}

export type StorageSettings =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'managedIdentity'; tableUrl: string; queueUrl: string };

/**
 * Which tenants Drypp serves. `any` exists outside production only (tests, the CLI): production
 * always names its tenants, and `npm start` names the demo tenant.
 */
export type ServedTenants = { kind: 'listed'; ids: readonly string[] } | { kind: 'any' };

export function servesTenant(served: ServedTenants, tenantId: string | undefined): boolean {
  if (served.kind === 'any') return true;
  return tenantId !== undefined && served.ids.includes(tenantId.toLowerCase());
}

export interface Config {
  mode: 'production' | 'sandbox' | 'test';
  host: string;
  tenants: ServedTenants;
  port: number;
  roles: Role[];
  logLevel: string;
  bot: BotIdentity;
  storage: StorageSettings;
  contentDir: string;
  tabsDir: string;
  defaultTimeZone: string;
  schedulerIntervalMs: number;
  directory?: DirectorySettings;
  /** Teams SSO for the tab API: the tab app's client id and the authority that signs its tokens. */
  tabSso?: {
    clientId: string;
    authorityHost: string;
    /** Members of this Entra group (transitively) are HR admins, as holders of the app role are. */
    hrAdminGroupId?: string;
  };
  /** The learning record store learning records go to (xAPI); absent: none are made. */
  xapi?: XapiSettingsConfig;
  delivery: {
    workingHours: { start: string; end: string };
    workingDays: string[];
    quietHours: Array<{ start: string; end: string }>;
    maxCardsPerDay: number;
    /** Bot sends a second per tenant, all worker processes together (at most Teams' 50). */
    tenantSendsPerSecond: number;
  };
  outbound: {
    concurrency: number;
    visibilitySeconds: number;
    graphInstallsPerSecond: number;
    /** Outside production only: Teams' limits are not kept (raw-throughput benchmarks). */
    limitsLifted: boolean;
  };
}

/** Azurite's documented development account; used only outside production when nothing is set. */
export const AZURITE_DEFAULT_CONNECTION_STRING =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;' +
  'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' +
  'TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Drypp cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // Name the setting and the rule it broke; never echo the value.
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.DRYPP_MODE === 'production';

  let storage: StorageSettings | undefined;
  if (e.DRYPP_STORAGE_CONNECTION_STRING) {
    storage = { kind: 'connectionString', connectionString: e.DRYPP_STORAGE_CONNECTION_STRING };
  } else if (e.DRYPP_STORAGE_ACCOUNT_URL_TABLE && e.DRYPP_STORAGE_ACCOUNT_URL_QUEUE) {
    storage = {
      kind: 'managedIdentity',
      tableUrl: e.DRYPP_STORAGE_ACCOUNT_URL_TABLE,
      queueUrl: e.DRYPP_STORAGE_ACCOUNT_URL_QUEUE,
    };
  } else if (!production) {
    storage = { kind: 'connectionString', connectionString: AZURITE_DEFAULT_CONNECTION_STRING };
  } else {
    problems.push(
      'DRYPP_STORAGE_CONNECTION_STRING, or both DRYPP_STORAGE_ACCOUNT_URL_TABLE and DRYPP_STORAGE_ACCOUNT_URL_QUEUE, must be set',
    );
  }

  if (production) {
    if (!e.MicrosoftAppId) problems.push('MicrosoftAppId must be set (the Azure Bot app id)');
    if (e.DRYPP_TEAMS_LIMITS_LIFTED === 'true')
      problems.push('DRYPP_TEAMS_LIMITS_LIFTED is for benchmarks only and cannot be set in production');
    if (!e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI') {
      problems.push('MicrosoftAppPassword must be set unless MicrosoftAppType is UserAssignedMSI');
    }
    if (e.MicrosoftAppType !== 'MultiTenant' && !e.MicrosoftAppTenantId) {
      problems.push(`MicrosoftAppTenantId must be set when MicrosoftAppType is ${e.MicrosoftAppType}`);
    }
  }
  if (production && e.DRYPP_BOT_OPENID_METADATA_URL?.startsWith('http:')) {
    problems.push('DRYPP_BOT_OPENID_METADATA_URL must be an https:// address in production');
  }
  if (production && e.DRYPP_TENANTS.length === 0) {
    problems.push('DRYPP_TENANTS must list the tenant ids (GUIDs) Drypp serves, comma-separated');
  }
  const strayDirectoryTenants = e.DRYPP_DIRECTORY_TENANTS.filter(
    (t) => e.DRYPP_TENANTS.length > 0 && !e.DRYPP_TENANTS.includes(t),
  );
  if (strayDirectoryTenants.length > 0) {
    problems.push('DRYPP_DIRECTORY_TENANTS may only name tenants that DRYPP_TENANTS lists');
  }
  // Without an app id the bot endpoint accepts unsigned activities and answers to whatever
  // serviceUrl they name: acceptable on a developer's own machine, nowhere else.
  if (!e.MicrosoftAppId && !isLoopback(e.DRYPP_HOST)) {
    problems.push(
      `DRYPP_HOST is not a loopback address, so MicrosoftAppId must be set: without it the bot endpoint would accept unsigned activities from the network (listen on 127.0.0.1, or configure the Azure Bot identity)`,
    );
  }
  if (e.MicrosoftAppId && !/^[0-9a-f-]{36}$/i.test(e.MicrosoftAppId)) {
    problems.push('MicrosoftAppId must be a GUID');
  }
  let directory: DirectorySettings | undefined;
  if (e.DRYPP_DIRECTORY_TENANTS.length > 0) {
    const clientId = e.DRYPP_GRAPH_CLIENT_ID ?? e.MicrosoftAppId;
    const clientCertificate =
      e.DRYPP_GRAPH_CLIENT_CERT_KEY && e.DRYPP_GRAPH_CLIENT_CERT_THUMBPRINT
        ? {
            privateKeyPem: e.DRYPP_GRAPH_CLIENT_CERT_KEY,
            thumbprintSha256: e.DRYPP_GRAPH_CLIENT_CERT_THUMBPRINT,
          }
        : undefined;
    const clientSecret = clientCertificate
      ? undefined
      : (e.DRYPP_GRAPH_CLIENT_SECRET ?? e.MicrosoftAppPassword);
    if (!clientId) problems.push('DRYPP_GRAPH_CLIENT_ID (or MicrosoftAppId) must be set for directory sync');
    if (Boolean(e.DRYPP_GRAPH_CLIENT_CERT_KEY) !== Boolean(e.DRYPP_GRAPH_CLIENT_CERT_THUMBPRINT)) {
      problems.push('DRYPP_GRAPH_CLIENT_CERT_KEY and DRYPP_GRAPH_CLIENT_CERT_THUMBPRINT go together');
    }
    if (!clientSecret && !clientCertificate) {
      problems.push(
        'DRYPP_GRAPH_CLIENT_SECRET (or MicrosoftAppPassword), or a certificate, must be set for directory sync',
      );
    }
    if (!e.DRYPP_TEAMS_APP_CATALOG_ID) {
      problems.push(
        "DRYPP_TEAMS_APP_CATALOG_ID must be set for directory sync (the app's id in the org's app catalog)",
      );
    }
    if (e.DRYPP_PUBLIC_URL && (e.DRYPP_GRAPH_CLIENT_STATE ?? '').length < 16) {
      problems.push(
        'DRYPP_GRAPH_CLIENT_STATE must be a secret of at least 16 characters when DRYPP_PUBLIC_URL is set',
      );
    }
    if (clientId && (clientSecret || clientCertificate) && e.DRYPP_TEAMS_APP_CATALOG_ID) {
      directory = {
        tenants: e.DRYPP_DIRECTORY_TENANTS,
        clientId,
        clientSecret,
        clientCertificate,
        authorityHost: e.DRYPP_AUTHORITY_HOST,
        graphBaseUrl: e.DRYPP_GRAPH_BASE_URL,
        scope: e.DRYPP_GRAPH_SCOPE,
        teamsAppCatalogId: e.DRYPP_TEAMS_APP_CATALOG_ID,
        syncIntervalMs: e.DRYPP_SYNC_INTERVAL_MS,
        newHirePolicy: {
          createdWithinDays: e.DRYPP_NEW_HIRE_CREATED_WITHIN_DAYS,
          hireDateFromDaysAgo: e.DRYPP_NEW_HIRE_HIRE_DATE_FROM_DAYS_AGO,
        },
        notifications:
          e.DRYPP_PUBLIC_URL && e.DRYPP_GRAPH_CLIENT_STATE
            ? { publicUrl: e.DRYPP_PUBLIC_URL.replace(/\/$/, ''), clientState: e.DRYPP_GRAPH_CLIENT_STATE }
            : undefined,
      };
    }
  }
  if (e.DRYPP_XAPI_ENDPOINT) {
    if (production && !e.DRYPP_XAPI_ENDPOINT.startsWith('https:'))
      problems.push('DRYPP_XAPI_ENDPOINT must be an https:// address in production');
    if (!e.DRYPP_XAPI_USERNAME || !e.DRYPP_XAPI_PASSWORD)
      problems.push(
        'DRYPP_XAPI_USERNAME and DRYPP_XAPI_PASSWORD must be set with DRYPP_XAPI_ENDPOINT (the LRS key and secret)',
      );
  }
  if (problems.length > 0 || !storage) throw new ConfigError(problems);

  return {
    mode: e.DRYPP_MODE,
    host: e.DRYPP_HOST,
    tenants: e.DRYPP_TENANTS.length > 0 ? { kind: 'listed', ids: e.DRYPP_TENANTS } : { kind: 'any' },
    port: e.PORT,
    roles: e.DRYPP_ROLES,
    logLevel: e.LOG_LEVEL,
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      appTenantId: e.MicrosoftAppTenantId,
      openIdMetadataUrl: e.DRYPP_BOT_OPENID_METADATA_URL,
    },
    storage,
    contentDir: e.DRYPP_CONTENT_DIR,
    tabsDir: e.DRYPP_TABS_DIR,
    defaultTimeZone: e.DRYPP_DEFAULT_TIME_ZONE,
    schedulerIntervalMs: e.DRYPP_SCHEDULER_INTERVAL_MS,
    directory,
    xapi:
      e.DRYPP_XAPI_ENDPOINT && e.DRYPP_XAPI_USERNAME && e.DRYPP_XAPI_PASSWORD
        ? {
            endpoint: e.DRYPP_XAPI_ENDPOINT,
            username: e.DRYPP_XAPI_USERNAME,
            password: e.DRYPP_XAPI_PASSWORD,
            homePage: e.DRYPP_XAPI_HOMEPAGE,
            activityBase: e.DRYPP_XAPI_ACTIVITY_BASE,
            sendIntervalMs: e.DRYPP_XAPI_SEND_INTERVAL_MS,
            retrySeconds: e.DRYPP_XAPI_RETRY_SECONDS,
          }
        : undefined,
    tabSso: e.DRYPP_TAB_CLIENT_ID
      ? {
          clientId: e.DRYPP_TAB_CLIENT_ID.toLowerCase(),
          authorityHost: e.DRYPP_AUTHORITY_HOST,
          hrAdminGroupId: e.DRYPP_HR_ADMIN_GROUP_ID?.toLowerCase(),
        }
      : undefined,
    delivery: {
      workingHours: {
        start: e.DRYPP_WORKING_HOURS.slice(0, 5),
        end: e.DRYPP_WORKING_HOURS.slice(6),
      },
      workingDays: e.DRYPP_WORKING_DAYS,
      quietHours: e.DRYPP_QUIET_HOURS.map((w) => ({ start: w.slice(0, 5), end: w.slice(6) })),
      maxCardsPerDay: e.DRYPP_MAX_CARDS_PER_DAY,
      tenantSendsPerSecond: e.DRYPP_TENANT_SENDS_PER_SECOND,
    },
    outbound: {
      concurrency: e.DRYPP_OUTBOUND_CONCURRENCY,
      visibilitySeconds: e.DRYPP_OUTBOUND_VISIBILITY_S,
      graphInstallsPerSecond: e.DRYPP_GRAPH_INSTALLS_PER_SECOND,
      limitsLifted: e.DRYPP_TEAMS_LIMITS_LIFTED === 'true',
    },
  };
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return (
    h === 'localhost' ||
    h === '::1' ||
    h === '0:0:0:0:0:0:0:1' ||
    /^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(h) ||
    /^::ffff:127(\.\d{1,3}){3}$/.test(h)
  );
}
