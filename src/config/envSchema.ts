import { z } from 'zod';

/**
 * The environment Drypp reads at start, as one schema: every setting's name, default and validation.
 * `loadConfig` (config.ts) turns the parsed values into the typed Config the rest of the code gets.
 */

export const roles = ['web', 'worker'] as const;
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

export const envSchema = z.object({
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
