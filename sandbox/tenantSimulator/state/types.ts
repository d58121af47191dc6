/**
 * What the tenant simulator is seeded with and what it keeps. It stands in for Microsoft's cloud
 * (Entra ID and Microsoft Graph), so these shapes follow Graph's, not Drypp's storage.
 */

export interface SeedUser {
  id?: string; // Entra object id; a random GUID when omitted
  displayName: string;
  userPrincipalName: string;
  department?: string | null;
  jobTitle?: string | null;
  /** Object id or UPN of the manager (who must be seeded too, before or after). */
  manager?: string;
  accountEnabled?: boolean;
  userType?: 'Member' | 'Guest';
  employeeHireDate?: string | null; // ISO date-time
  createdDateTime?: string; // ISO date-time; "now" when omitted
  preferredLanguage?: string | null;
  /** false for frontline accounts without an Exchange mailbox: no `mail`, no mailboxSettings. */
  mailbox?: boolean;
  timeZone?: string; // mailboxSettings.timeZone (Windows or IANA name); only with a mailbox
}

/** An app registration consented in the tenant, with its granted application permissions. */
export interface SeedApp {
  clientId: string;
  clientSecret: string;
  displayName?: string;
  roles: string[];
  /** The app users sign in to with Teams SSO (the tab app): tab tokens are issued for it. */
  sso?: boolean;
  /** App roles assigned to users for this app (Entra's app role assignments), e.g. Drypp.Admin. */
  userRoles?: Array<{ userId: string; role: string }>;
  /**
   * The app registration's `groupMembershipClaims` ('SecurityGroup'): its tab tokens then carry the
   * user's group ids in `groups`, or, past `groupsClaimLimit` groups (Entra: 200), the overage
   * (`_claim_names.groups`) instead. Without it, tokens carry no groups.
   */
  groupMembershipClaims?: 'SecurityGroup';
  groupsClaimLimit?: number;
}

/** An app in the tenant's Teams app catalog (`/appCatalogs/teamsApps/{id}`). */
export interface SeedTeamsApp {
  id: string; // catalog id (not the manifest id)
  externalId?: string; // manifest id
  displayName: string;
  /** The bot's app id: the default 1:1 chat id is `19:{userId}_{botId}@unq.gbl.spaces`. */
  botId?: string;
}

export interface SeedGroup {
  id?: string;
  displayName: string;
  /** Object ids or UPNs of member users. */
  members: string[];
}

export interface SeedTenant {
  id: string; // tenant id (tid)
  domain: string; // verified domain, e.g. contoso.example
  displayName?: string;
  apps: SeedApp[];
  users?: SeedUser[];
  groups?: SeedGroup[];
  teamsApps?: SeedTeamsApp[];
}

/** Knobs that make Graph misbehave the way it does in production. Shares are 0..1. */
export interface FaultKnobs {
  throttleShare: number; // share of Graph calls answered 429 with Retry-After
  retryAfterSeconds: number;
  serverErrorShare: number; // share of Graph calls answered 503
  latencyMs: number; // added to every Graph and token call
  tokenLifetimeSeconds: number; // lifetime of issued access tokens
  /** Installs for accounts younger than this answer 404, as Teams does before it has provisioned them. */
  teamsProvisioningSeconds: number;
  /** mailboxSettings of accounts younger than this answer 404: Exchange has not made the mailbox yet. */
  mailboxProvisioningSeconds: number;
  /**
   * Tracked delta rounds send each changed user with only `id` and the properties that changed, the
   * least Graph promises ("at least the properties that have been updated"), one entry per change.
   */
  deltaChangedPropertiesOnly: boolean;
  /** The next this many Graph calls answer 429 (then it counts down to 0): a deterministic throttle. */
  throttleNextCalls: number;
}

export const defaultFaults: FaultKnobs = {
  throttleShare: 0,
  retryAfterSeconds: 2,
  serverErrorShare: 0,
  latencyMs: 0,
  tokenLifetimeSeconds: 3599,
  teamsProvisioningSeconds: 0,
  mailboxProvisioningSeconds: 0,
  deltaChangedPropertiesOnly: false,
  throttleNextCalls: 0,
};

/** A user as the simulator keeps it: compact, so 100,000 of them stay small. */
export interface UserRecord {
  id: string;
  displayName: string;
  upn: string;
  enabled: boolean;
  userType: 'Member' | 'Guest';
  department: string | null;
  jobTitle: string | null;
  hireDate: string | null;
  created: string;
  lang: string | null;
  mailbox: boolean;
  timeZone: string | null;
  managerId: string | null;
  /** Set once the account is deleted: `changed` = restorable (soft), `deleted` = gone for good. */
  removed: null | 'changed' | 'deleted';
  /** The sequence number of its last change. */
  seq: number;
}

export interface GroupRecord {
  id: string;
  displayName: string;
  memberIds: string[];
}

export interface InstallationRecord {
  id: string;
  userId: string;
  teamsAppId: string;
  chatId: string;
  installedAt: string;
}

export interface SubscriptionRecord {
  id: string;
  tenantId: string;
  appId: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  clientState: string | null;
  expirationDateTime: string;
}

/** One attempt to deliver a change or lifecycle notification; kept for tests and the bench. */
export interface DeliveryRecord {
  subscriptionId: string;
  url: string;
  kind: 'change' | 'lifecycle' | 'validation';
  status: number | 'error';
  at: string;
  body: unknown;
}

/** A calendar event in a user's mailbox (`POST /users/{id}/events`). */
export interface EventRecord {
  id: string;
  userId: string;
  subject: string;
  body: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  showAs: string;
  categories: string[];
  location?: { displayName: string; locationUri?: string };
  transactionId: string | null;
  createdDateTime: string;
  lastModifiedDateTime?: string;
}
