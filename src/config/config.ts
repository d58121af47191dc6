import { z } from 'zod';

/**
 * Configuration is read once at start, validated, and passed down; nothing else reads process.env.
 * In production a missing or malformed setting stops the process with one message naming every
 * problem (never a value, so no secret can leak into logs).
 */

const roles = ['web', 'worker'] as const;
export type Role = (typeof roles)[number];

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const tenantList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(
          /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
          'must be tenant ids (GUIDs), comma-separated',
        ),
    ),
  );

const envSchema = z.object({
  DRYPP_MODE: z.enum(['production', 'sandbox', 'test']).default('production'),
  DRYPP_HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  DRYPP_ROLES: z
    .string()
    .default('web,worker')
    .transform((v) => v.split(',').map((r) => r.trim()))
    .pipe(z.array(z.enum(roles)).min(1)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Bot Framework identity, with botbuilder's own setting names.
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: optionalText,
  // Where the Bot Framework publishes the keys its tokens are signed with (national clouds, tests);
  // botbuilder's public-cloud default when unset.
  DRYPP_BOT_OPENID_METADATA_URL: optionalText.pipe(z.url().optional()),
  // Storage: a connection string (Azurite, keys) or account URLs used with a managed identity.
  DRYPP_STORAGE_CONNECTION_STRING: optionalText,
  DRYPP_STORAGE_ACCOUNT_URL_TABLE: optionalText.pipe(z.url().optional()),
  DRYPP_STORAGE_ACCOUNT_URL_QUEUE: optionalText.pipe(z.url().optional()),
  DRYPP_CONTENT_DIR: z.string().default('content'),
  DRYPP_TABS_DIR: z.string().default('tabs/dist'),
  // The tenant's time zone until the directory tells a person's own; working hours are read in it.
  DRYPP_DEFAULT_TIME_ZONE: z
    .string()
    .default('Europe/Oslo')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Europe/Oslo'),
  // When cards may go out, in each person's time zone. The sandbox opens these wide so a demo works at night.
  DRYPP_WORKING_HOURS: z
    .string()
    .default('08:00-16:00')
    .pipe(
      z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must look like 08:00-16:00'),
    ),
  DRYPP_WORKING_DAYS: z
    .string()
    .default('monday,tuesday,wednesday,thursday,friday')
    .transform((v) => v.split(',').map((d) => d.trim().toLowerCase()))
    .pipe(
      z.array(z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])).min(1),
    ),
  // Never any cards in these windows (comma-separated, may wrap midnight), e.g. "22:00-06:00".
  DRYPP_QUIET_HOURS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((w) => w.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must look like 22:00-06:00'),
      ),
    ),
  DRYPP_MAX_CARDS_PER_DAY: z.coerce.number().int().min(1).max(50).default(3),
  // Sends a second per tenant, shared by all worker processes; Teams allows 50, never more.
  DRYPP_TENANT_SENDS_PER_SECOND: z.coerce
    .number()
    .int()
    .min(1)
    .max(50, 'must be at most 50 (Teams allows 50 sends a second per tenant)')
    .default(45),
  // The outbound pipeline (README "Outbound pipeline"): cards in flight per worker process, and how
  // long a received message stays invisible (a worker killed mid-send: its message returns then).
  DRYPP_OUTBOUND_CONCURRENCY: z.coerce.number().int().min(1).max(512).default(32),
  DRYPP_OUTBOUND_VISIBILITY_S: z.coerce.number().int().min(3).max(600).default(30),
  // Graph app installs a second per tenant for people with no known chat (Graph allows 30).
  DRYPP_GRAPH_INSTALLS_PER_SECOND: z.coerce
    .number()
    .int()
    .min(1)
    .max(30, 'must be at most 30 (Graph allows 30 installs a second per tenant)')
    .default(30),
  // Benchmarks of raw throughput only (never production): no tenant rate, no conversation pacing.
  DRYPP_TEAMS_LIMITS_LIFTED: z.enum(['true', 'false']).default('false'),
  // The organisations Drypp serves: activities, card actions and notifications from any other
  // tenant change nothing. Required in production; outside it (tests, the CLI) it may be left empty,
  // and then every tenant is served. `npm start` sets the demo tenant.
  DRYPP_TENANTS: tenantList,
  // Directory sync (Microsoft Graph). Off while DRYPP_DIRECTORY_TENANTS is empty.
  DRYPP_DIRECTORY_TENANTS: tenantList,
  DRYPP_GRAPH_CLIENT_ID: optionalText,
  DRYPP_GRAPH_CLIENT_SECRET: optionalText,
  // Or a certificate: the PEM private key (the value itself, as Key Vault references give it) and
  // the certificate's SHA-256 thumbprint in hex.
  DRYPP_GRAPH_CLIENT_CERT_KEY: optionalText,
  DRYPP_GRAPH_CLIENT_CERT_THUMBPRINT: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9a-f]{64}$/i, 'must be a SHA-256 thumbprint (64 hex digits)')
      .optional(),
  ),
  DRYPP_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  // The tab's Entra app (aad.manifest.json): SSO tokens must be issued to it. Without it the tab API is off.
  DRYPP_TAB_CLIENT_ID: optionalText.pipe(
    z
      .string()
      .regex(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
        'must be a GUID (the client id)',
      )
      .optional(),
  ),
  // An Entra group whose members are HR admins of Drypp, besides holders of the Drypp.Admin app role.
  DRYPP_HR_ADMIN_GROUP_ID: optionalText.pipe(
    z
      .string()
      .regex(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
        'must be a GUID (the group object id)',
      )
      .optional(),
  ),
  DRYPP_GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com'),
  DRYPP_GRAPH_SCOPE: z.string().default('https://graph.microsoft.com/.default'),
  DRYPP_TEAMS_APP_CATALOG_ID: optionalText,
  DRYPP_PUBLIC_URL: optionalText.pipe(z.url().optional()),
  DRYPP_GRAPH_CLIENT_STATE: optionalText,
  DRYPP_SYNC_INTERVAL_MS: z.coerce.number().int().min(1000).default(300_000),
  DRYPP_NEW_HIRE_CREATED_WITHIN_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  DRYPP_NEW_HIRE_HIRE_DATE_FROM_DAYS_AGO: z.coerce.number().int().min(0).max(365).default(14),
  DRYPP_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  // The learning record store (xAPI 1.0.3) that learning records go to. Off while the endpoint is empty.
  DRYPP_XAPI_ENDPOINT: optionalText.pipe(z.url().optional()),
  DRYPP_XAPI_USERNAME: optionalText,
  DRYPP_XAPI_PASSWORD: optionalText,
  // The pseudonymous account's homePage ({tenant} becomes the tenant id) and the base of Drypp's activity IRIs.
  DRYPP_XAPI_HOMEPAGE: z.url().default('https://drypp.app/tenants/{tenant}'),
  DRYPP_XAPI_ACTIVITY_BASE: z
    .url()
    .default('https://drypp.app/xapi')
    .transform((v) => v.replace(/\/+$/, '')),
  DRYPP_XAPI_SEND_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
  // While the LRS is down, a record is tried again after this many seconds.
  DRYPP_XAPI_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
});

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
