import { randomUUID } from 'node:crypto';
import { changedMask, ALL_USER_BITS, REMOVED_BIT } from '../graph/graphUser.ts';
import type {
  GroupRecord,
  EventRecord,
  InstallationRecord,
  SeedApp,
  SeedTeamsApp,
  SeedTenant,
  SeedUser,
  SubscriptionRecord,
  UserRecord,
} from './types.ts';

export type ChangeType = 'updated' | 'deleted';
export type ChangeListener = (tenant: TenantState, user: UserRecord, changeType: ChangeType) => void;

/**
 * One tenant's directory and Teams state. Every change to a user appends to a change log (the
 * log position is the change's sequence number); delta rounds read that log, so they return
 * exactly what changed since a token, including removals.
 */
export class TenantState {
  readonly id: string;
  readonly domain: string;
  readonly displayName: string;
  readonly apps: SeedApp[];
  readonly teamsApps: SeedTeamsApp[];
  readonly users: UserRecord[] = []; // insertion order; removed users stay as tombstones
  readonly logIds: string[] = [];
  readonly logMasks: number[] = [];
  /** Bumped by the "reset delta" control: every older delta token then answers 410. */
  generation = 1;
  readonly groups = new Map<string, GroupRecord>();
  readonly installations = new Map<string, InstallationRecord>();
  readonly subscriptions = new Map<string, SubscriptionRecord>();
  /** Calendar events per user id (`/users/{id}/events`). */
  readonly events = new Map<string, EventRecord[]>();
  private readonly byId = new Map<string, UserRecord>();
  private readonly byUpn = new Map<string, UserRecord>();
  private readonly reports = new Map<string, Set<string>>();

  constructor(
    seed: Pick<SeedTenant, 'id' | 'domain' | 'displayName' | 'apps' | 'teamsApps'>,
    private readonly now: () => Date,
    private readonly onChange: ChangeListener,
  ) {
    this.id = seed.id;
    this.domain = seed.domain;
    this.displayName = seed.displayName ?? seed.domain;
    this.apps = seed.apps;
    this.teamsApps = seed.teamsApps ?? [];
  }

  get seq(): number {
    return this.logIds.length;
  }

  /** By object id or UPN (case-insensitive), removed ones included: callers decide. */
  findUser(idOrUpn: string): UserRecord | undefined {
    return this.byId.get(idOrUpn.toLowerCase()) ?? this.byUpn.get(idOrUpn.toLowerCase());
  }

  /** A live user (not deleted), or undefined. */
  liveUser(idOrUpn: string): UserRecord | undefined {
    const user = this.findUser(idOrUpn);
    return user && !user.removed ? user : undefined;
  }

  /** A user's calendar, created empty on first use. */
  eventsOf(userId: string): EventRecord[] {
    let events = this.events.get(userId);
    if (!events) this.events.set(userId, (events = []));
    return events;
  }

  directReports(managerId: string): UserRecord[] {
    return [...(this.reports.get(managerId) ?? [])].map((id) => this.byId.get(id)!).filter((u) => !u.removed);
  }

  /** Adds the seeded users, then resolves managers (who may be listed after their reports). */
  seedUsers(seeds: SeedUser[], options: { notify: boolean }): UserRecord[] {
    const added = seeds.map((s) => this.addUser({ ...s, manager: undefined }, options));
    seeds.forEach((s, i) => {
      if (!s.manager) return;
      const manager = this.findUser(s.manager);
      if (!manager) throw new Error(`${s.userPrincipalName}: manager ${s.manager} is not in ${this.domain}`);
      this.setManager(added[i]!, manager.id);
    });
    return added;
  }

  addUser(seed: SeedUser, options: { notify: boolean }): UserRecord {
    const id = (seed.id ?? randomUUID()).toLowerCase();
    if (this.byId.has(id)) throw new Error(`a user with id ${id} already exists`);
    if (this.byUpn.has(seed.userPrincipalName.toLowerCase()))
      throw new Error(`${seed.userPrincipalName} already exists`);
    const mailbox = seed.mailbox ?? true;
    const user: UserRecord = {
      id,
      displayName: seed.displayName,
      upn: seed.userPrincipalName,
      enabled: seed.accountEnabled ?? true,
      userType: seed.userType ?? 'Member',
      department: seed.department ?? null,
      jobTitle: seed.jobTitle ?? null,
      hireDate: seed.employeeHireDate ?? null,
      created: seed.createdDateTime ?? this.now().toISOString(),
      lang: seed.preferredLanguage ?? null,
      mailbox,
      timeZone: mailbox ? (seed.timeZone ?? 'W. Europe Standard Time') : null,
      managerId: null,
      removed: null,
      seq: 0,
    };
    if (seed.manager) {
      const manager = this.liveUser(seed.manager);
      if (!manager) throw new Error(`manager ${seed.manager} is not in ${this.domain}`);
      user.managerId = manager.id;
      this.linkManager(id, manager.id);
    }
    this.users.push(user);
    this.byId.set(id, user);
    this.byUpn.set(user.upn.toLowerCase(), user);
    this.record(user, ALL_USER_BITS, options.notify ? 'updated' : null);
    return user;
  }

  /** Applies a change; a change that changes nothing records nothing (as in Entra). */
  updateUser(
    user: UserRecord,
    patch: Partial<Omit<UserRecord, 'id' | 'seq' | 'removed'>>,
    options = { notify: true },
  ): UserRecord {
    const before = { ...user };
    if (patch.managerId !== undefined && patch.managerId !== user.managerId) {
      this.unlinkManager(user);
      if (patch.managerId) this.linkManager(user.id, patch.managerId);
    }
    if (patch.upn && patch.upn.toLowerCase() !== user.upn.toLowerCase()) {
      this.byUpn.delete(user.upn.toLowerCase());
      this.byUpn.set(patch.upn.toLowerCase(), user);
    }
    Object.assign(user, patch);
    if (!user.mailbox) user.timeZone = null;
    const mask = changedMask(before, user);
    if (mask) this.record(user, mask, options.notify ? 'updated' : null);
    return user;
  }

  /** Soft delete (`changed`: restorable from deleted items) or permanent (`deleted`). */
  removeUser(user: UserRecord, reason: 'changed' | 'deleted'): void {
    if (user.removed === reason || user.removed === 'deleted') return;
    this.unlinkManager(user);
    user.removed = reason;
    for (const group of this.groups.values()) group.memberIds = group.memberIds.filter((m) => m !== user.id);
    this.record(user, REMOVED_BIT, 'deleted');
  }

  addGroup(group: { id?: string; displayName: string; members: string[] }): GroupRecord {
    const memberIds = group.members.map((m) => {
      const user = this.findUser(m);
      if (!user) throw new Error(`group ${group.displayName}: ${m} is not a user of ${this.domain}`);
      return user.id;
    });
    const record = {
      id: (group.id ?? randomUUID()).toLowerCase(),
      displayName: group.displayName,
      memberIds,
    };
    this.groups.set(record.id, record);
    return record;
  }

  /** Restores a user from a snapshot without recording a change (used when loading a data file). */
  restoreUser(user: UserRecord): void {
    this.users.push(user);
    this.byId.set(user.id, user);
    this.byUpn.set(user.upn.toLowerCase(), user);
    if (user.managerId && !user.removed) this.linkManager(user.id, user.managerId);
  }

  private setManager(user: UserRecord, managerId: string): void {
    this.updateUser(user, { managerId }, { notify: false });
  }

  private linkManager(userId: string, managerId: string): void {
    let set = this.reports.get(managerId);
    if (!set) this.reports.set(managerId, (set = new Set()));
    set.add(userId);
  }

  private unlinkManager(user: UserRecord): void {
    if (user.managerId) this.reports.get(user.managerId)?.delete(user.id);
  }

  private record(user: UserRecord, mask: number, changeType: ChangeType | null): void {
    this.logIds.push(user.id);
    this.logMasks.push(mask);
    user.seq = this.logIds.length;
    if (changeType) this.onChange(this, user, changeType);
  }
}
