import type { DirectoryPerson } from '../../domain/directory/directoryPerson.ts';
import {
  matchRules,
  type DirectoryEvent,
  type EnrollmentRule,
} from '../../domain/learning/enrollmentRules.ts';
import { isNewHire, type NewHirePolicy } from '../../domain/directory/newHirePolicy.ts';
import {
  DeltaTokenExpiredError,
  type DeltaPage,
  type DirectoryMirror,
  type DirectoryReader,
  type MirrorWrite,
  type ReachabilityStore,
  type SyncStateStore,
} from './ports.ts';
import { enrollPerson } from '../learning/enrolling/enrollPerson.ts';
import { mapLimit } from '../platform/mapLimit.ts';
import { assignRolePath, type RolePathDeps } from '../learning/paths/assignRolePath.ts';
import { requestTimeZone } from './learnTimeZones.ts';
import type { TimeZoneCheckStore } from './timeZonePorts.ts';
import type { Person } from '../../domain/directory/person.ts';
import type { LearningDeps } from '../learning/learningDeps.ts';
import { CONFLICT, retryOnConflict } from '../platform/retryOnConflict.ts';

export interface SyncDeps extends Pick<
  LearningDeps,
  'clock' | 'catalog' | 'enrollments' | 'steps' | 'dueWork' | 'policy'
> {
  reader: DirectoryReader;
  mirror: DirectoryMirror;
  syncState: SyncStateStore;
  reachability: ReachabilityStore;
  rules: readonly EnrollmentRule[];
  /** Learning paths by role (content/paths) and where their certifications are assigned. */
  paths?: RolePathDeps['paths'];
  certificates?: RolePathDeps['certificates'];
  newHirePolicy: NewHirePolicy;
  /**
   * Where requests to read people's mailbox time zones go (see learnTimeZones); absent, everyone
   * is scheduled in the tenant's default zone (e.g. without the MailboxSettings.Read permission).
   */
  timeZoneChecks?: TimeZoneCheckStore;
  /** Tells a new hire's manager (a card); called once per new hire and program set. */
  noticeManager?: (hire: Person, programIds: string[]) => Promise<void>;
  /**
   * People erased on request (GDPR art. 17), as a test per tenant read once per round. An erased
   * person still in the directory stays out of Drypp: never mirrored again, never enrolled, and
   * named as nobody's manager. Absent: nobody was erased.
   */
  erased?: { erasedIn(tenantId: string): Promise<(personId: string) => boolean> };
}

export interface SyncReport {
  pages: number;
  seen: number;
  newHires: number;
  roleChanges: number;
  enrollments: number;
  removed: number;
  /** People kept in the mirror without the properties needed to reach them (yet). */
  incomplete: number;
  /** People of the directory left out because they were erased on request. */
  erased: number;
  resynced: boolean;
}

/**
 * One delta round for one tenant (the caller holds the tenant's sync lease). Every page is applied
 * before the next link is saved, and every step is idempotent (mirror rows are keyed by person,
 * enrollments by person and program), so a replayed page, a duplicate notification, a crash half-way
 * or a 410 resync enrolls nobody twice.
 */
export async function syncDirectory(
  deps: SyncDeps,
  tenantId: string,
  maxPages = 10_000,
): Promise<SyncReport> {
  const report: SyncReport = {
    pages: 0,
    seen: 0,
    newHires: 0,
    roleChanges: 0,
    enrollments: 0,
    removed: 0,
    incomplete: 0,
    erased: 0,
    resynced: false,
  };
  const isErased = (await deps.erased?.erasedIn(tenantId)) ?? (() => false);
  let state = await deps.syncState.get(tenantId);
  let link = state.resumeLink ?? state.deltaLink;
  // Decided once per round: a first sync that starts from nothing has nothing mirrored to read back.
  const freshInitialSync = !state.initialSyncDone && !state.resumeLink;

  while (report.pages < maxPages) {
    let page;
    try {
      page = await deps.reader.deltaPage(tenantId, link);
    } catch (error) {
      if (!(error instanceof DeltaTokenExpiredError) || report.resynced) throw error;
      // 410: start a full round again. People already mirrored are not first seen, so nobody is
      // treated as new or enrolled twice.
      report.resynced = true;
      link = undefined;
      continue;
    }
    report.pages++;
    const now = deps.clock.now();
    if (report.pages === 1) await deps.mirror.registerTenant(tenantId);
    await applyPageKeepingOtherWrites(deps, tenantId, withoutErased(page, isErased, report), now, report, {
      skipReads: freshInitialSync && !report.resynced,
      initialSync: !state.initialSyncDone,
    });
    link = page.nextLink;
    state = await saveState(deps, {
      ...state,
      resumeLink: page.nextLink,
      ...(page.deltaLink ? { deltaLink: page.deltaLink, initialSyncDone: true } : {}),
      lastRoundAt: now.toISOString(),
    });
    if (!page.nextLink) break;
  }
  return report;
}

/**
 * The page without erased people: their own entries dropped (whatever Graph still says about them),
 * and their id taken off as anyone's manager, so that no row names them again.
 */
function withoutErased(page: DeltaPage, isErased: (id: string) => boolean, report: SyncReport): DeltaPage {
  const people: DeltaPage['people'] = [];
  for (const p of page.people) {
    if (isErased(p.id)) report.erased++;
    else if (p.managerId && isErased(p.managerId)) people.push({ ...p, managerId: undefined });
    else people.push(p);
  }
  return { ...page, people, removedIds: page.removedIds.filter((id) => !isErased(id)) };
}

type PageMode = { skipReads: boolean; initialSync: boolean };

/**
 * Applies a page. The People row of a person also carries their time zone, which learnTimeZones
 * may write between this round's read and its write: such a person's row is not overwritten (the
 * mirror's writes are guarded by what was read) but read and applied again, keeping both changes.
 */
async function applyPageKeepingOtherWrites(
  deps: SyncDeps,
  tenantId: string,
  page: DeltaPage,
  now: Date,
  report: SyncReport,
  mode: PageMode,
): Promise<void> {
  let pending = page;
  await retryOnConflict('mirror a directory page', async (n) => {
    // A retry adds only its enrollments: everyone on it was counted by the first attempt.
    const counted = n === 1 ? report : { ...report };
    const conflicts = await applyPage(deps, tenantId, pending, now, counted, {
      ...mode,
      skipReads: mode.skipReads && n === 1,
    });
    report.enrollments = counted.enrollments;
    if (conflicts.length === 0) return 'applied';
    const again = new Set(conflicts);
    pending = {
      people: page.people.filter((p) => again.has(p.id)),
      removedIds: page.removedIds.filter((id) => again.has(id)),
    };
    return CONFLICT;
  });
}

/** Applies a page; answers the people whose rows changed since they were read (not written). */
async function applyPage(
  deps: SyncDeps,
  tenantId: string,
  page: DeltaPage,
  now: Date,
  report: SyncReport,
  mode: PageMode,
): Promise<string[]> {
  const changes = mergedById(page.people);
  // A fresh initial sync has nothing mirrored yet, so it skips a read per person: that is what keeps
  // a 100,000-person first sync within minutes. Everywhere else the known state is read first, and a
  // partial object (Graph sends "at least the properties that have been updated") is always merged
  // with what is stored.
  const known = await mapLimit(changes, 16, (c) =>
    mode.skipReads && !isPartial(c) ? Promise.resolve(undefined) : deps.mirror.get(tenantId, c.id),
  );
  const events: Array<{ person: DirectoryPerson; event: DirectoryEvent }> = [];
  const rows: MirrorWrite[] = [];
  changes.forEach((change, i) => {
    report.seen++;
    const before = known[i];
    const person = {
      accountEnabled: true,
      userType: 'Member',
      ...before?.person,
      ...change,
    } as DirectoryPerson;
    const missing = missingProperties(person);
    if (missing.length > 0) {
      // Kept, never dropped: the row waits, not reachable, until the missing properties arrive.
      rows.push({
        person,
        firstSeenAt: before?.firstSeenAt,
        removedAt: before?.removedAt,
        missing,
        etag: before?.etag,
      });
      report.incomplete++;
      return;
    }
    const firstSeen = !before?.firstSeenAt;
    const decision = isNewHire(person, {
      firstSeen,
      now,
      isInitialSync: mode.initialSync,
      policy: deps.newHirePolicy,
    });
    const meetsAsMember = person.accountEnabled && person.userType === 'Member';
    rows.push({
      person,
      firstSeenAt: before?.firstSeenAt ?? (meetsAsMember ? now.toISOString() : undefined),
      previousManagerId: before?.person.managerId,
      etag: before?.etag,
    });
    if (decision.newHire) events.push({ person, event: { kind: 'joined' } });
    else if (before?.firstSeenAt && roleChanged(before.person, person)) {
      events.push({ person, event: { kind: 'roleChanged', before: before.person } });
    }
  });
  for (const id of page.removedIds) {
    const gone = await deps.mirror.get(tenantId, id);
    if (gone && !gone.removedAt) {
      rows.push({ ...gone, removedAt: now.toISOString(), previousManagerId: gone.person.managerId });
      report.removed++;
    }
  }
  // Events first, then the mirror: writing the mirror is what marks people as seen, so a failure
  // while enrolling anyone leaves the whole page unseen and the next round applies it again (every
  // event is idempotent). The other order left the hires after a failure seen and never enrolled.
  // Each event is one person's (the page is merged by id), so several are applied at once: one at a
  // time, a burst of 1,000 new accounts took 2.5 minutes to enroll, about 150 ms each.
  await mapLimit(events, EVENTS_IN_FLIGHT, ({ person, event }) =>
    applyEvent(deps, tenantId, person, event, now, report),
  );
  return (await deps.mirror.putMany(tenantId, rows)).conflicts;
}

/** People's events (enrollments, their reachability) applied at once within a page. */
const EVENTS_IN_FLIGHT = 8;

/** The properties Drypp cannot address a person without. */
const REQUIRED: ReadonlyArray<'userPrincipalName' | 'displayName'> = ['userPrincipalName', 'displayName'];

function missingProperties(person: Partial<DirectoryPerson>): Array<'userPrincipalName' | 'displayName'> {
  return REQUIRED.filter((p) => !person[p]);
}

function isPartial(change: Partial<DirectoryPerson>): boolean {
  return missingProperties(change).length > 0 || change.accountEnabled === undefined;
}

/** One entry per person: a page may name a person twice, the later entry on top of the earlier. */
function mergedById(people: DeltaPage['people']): DeltaPage['people'] {
  const byId = new Map<string, DeltaPage['people'][number]>();
  for (const p of people) byId.set(p.id, { ...byId.get(p.id), ...p });
  return [...byId.values()];
}

async function applyEvent(
  deps: SyncDeps,
  tenantId: string,
  person: DirectoryPerson,
  event: DirectoryEvent,
  now: Date,
  report: SyncReport,
): Promise<void> {
  if (event.kind === 'joined') report.newHires++;
  else report.roleChanges++;
  const asPerson = toPerson(tenantId, person);
  // The programs the hire is in, whether this run or an earlier, interrupted one enrolled them: the
  // manager's notice is idempotent (its delivery key), so a replayed page still sends it once.
  const enrolled: string[] = [];
  for (const match of matchRules(deps.rules, event, person)) {
    const outcome = await enrollPerson(deps, { person: asPerson, programId: match.programId, start: now });
    if (outcome.kind === 'enrolled') report.enrollments++;
    if (outcome.kind !== 'unknownProgram' && outcome.enrollment.status === 'active')
      enrolled.push(match.programId);
  }
  // The role's learning paths: its programs (beyond those the rules just gave) and certifications.
  const required = await assignRolePath(
    { ...deps, paths: deps.paths ?? [] },
    { person: asPerson, event, start: now, alreadyEnrolled: new Set(enrolled) },
  );
  for (const r of required) {
    if (r.outcome === 'assigned') report.enrollments++;
    if (r.active && !enrolled.includes(r.id)) enrolled.push(r.id);
  }
  // Cards are timed in the person's own zone, which their mailbox knows once it exists.
  if (enrolled.length > 0 && deps.timeZoneChecks)
    await requestTimeZone({ clock: deps.clock, checks: deps.timeZoneChecks }, tenantId, person.id);
  if (event.kind !== 'joined') return;
  await deps.reachability.create({
    tenantId,
    userId: person.id,
    stage: 'detected',
    detectedAt: now.toISOString(),
    attempts: 0,
    nextAttemptAt: now.toISOString(),
  });
  if (enrolled.length > 0) await deps.noticeManager?.(asPerson, enrolled);
}

function roleChanged(before: DirectoryPerson, after: DirectoryPerson): boolean {
  const groups = (p: DirectoryPerson) => [...(p.groupIds ?? [])].sort().join(',');
  return (
    before.department !== after.department ||
    before.jobTitle !== after.jobTitle ||
    groups(before) !== groups(after)
  );
}

export function toPerson(tenantId: string, p: DirectoryPerson): Person {
  return {
    tenantId,
    id: p.id,
    userPrincipalName: p.userPrincipalName,
    displayName: p.displayName,
    timeZone: p.timeZone,
    preferredLanguage: p.preferredLanguage,
    managerId: p.managerId,
    department: p.department,
    jobTitle: p.jobTitle,
    hireDate: p.employeeHireDate,
  };
}

async function saveState(deps: SyncDeps, next: Awaited<ReturnType<SyncStateStore['get']>>) {
  // The caller holds the lease; a conflict means another holder's lease overlapped: re-read and keep theirs.
  if ((await deps.syncState.save(next)) === 'conflict') return deps.syncState.get(next.tenantId);
  return deps.syncState.get(next.tenantId);
}
