import { beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryPerson } from '../../domain/directory/directoryPerson.ts';
import { DEFAULT_NEW_HIRE_POLICY } from '../../domain/directory/newHirePolicy.ts';
import { EnrollmentRuleSchema } from '../../domain/learning/enrollmentRules.ts';
import {
  fakeLearningDeps,
  MONDAY_MORNING,
  testProgram,
  type FakeLearningDeps,
} from '../learning/testing/fakes.ts';
import { managerNoticeKind, noticeManager } from './noticeManager.ts';
import { DeltaTokenExpiredError } from './ports.ts';
import { syncDirectory, type SyncDeps } from './syncDirectory.ts';
import { FakeDirectoryMirror, FakeDirectoryReader, FakeSyncStateStore, FIRST } from './testing/fakes.ts';

const tenantId = 'tenant-a';
const welcome = testProgram({ id: 'welcome' });
const leaders = testProgram({ id: 'leaders' });
const rules = [
  EnrollmentRuleSchema.parse({
    id: 'everyone',
    when: 'joined',
    audience: { everyone: true },
    programs: ['welcome'],
  }),
  EnrollmentRuleSchema.parse({
    id: 'leaders',
    when: ['joined', 'roleChanged'],
    audience: { jobTitle: { matches: 'leder|manager' } },
    programs: ['leaders'],
  }),
];
const DAY = 24 * 3600_000;

/** A directory user as Graph sends them; hired today unless told otherwise. */
function user(n: number, overrides: Partial<DirectoryPerson> = {}): DirectoryPerson {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    displayName: `Person ${n}`,
    userPrincipalName: `person${n}@example.test`,
    accountEnabled: true,
    userType: 'Member',
    employeeHireDate: MONDAY_MORNING.toISOString(),
    managerId: MANAGER.id,
    ...overrides,
  };
}
const MANAGER: DirectoryPerson = {
  id: '00000000-0000-4000-8000-00000000ffff',
  displayName: 'The Manager',
  userPrincipalName: 'manager@example.test',
  accountEnabled: true,
  userType: 'Member',
  employeeHireDate: '2015-01-05T00:00:00Z',
};

let learning: FakeLearningDeps;
let reader: FakeDirectoryReader;
let mirror: FakeDirectoryMirror;
let syncState: FakeSyncStateStore;
let deps: SyncDeps;

beforeEach(async () => {
  learning = fakeLearningDeps([welcome, leaders]);
  learning.outbound.register(managerNoticeKind(learning, (n) => ({ notice: n.hire.id })));
  reader = new FakeDirectoryReader(learning.faults);
  mirror = new FakeDirectoryMirror(learning.faults);
  syncState = new FakeSyncStateStore(learning.faults);
  deps = {
    ...learning,
    reader,
    mirror,
    syncState,
    rules,
    newHirePolicy: DEFAULT_NEW_HIRE_POLICY,
    // The real manager notice, on the fakes: its pipeline key is what makes it go out once.
    noticeManager: async (hire, programIds) => {
      await noticeManager(learning, hire, programIds);
    },
  };
  // The tenant's first sync: the manager, who has been here for years, is recorded and not enrolled.
  reader.serve(FIRST, { people: [MANAGER], removedIds: [], deltaLink: 'delta-1' });
  await syncDirectory(deps, tenantId);
});

const enrollmentsOf = (n: number) =>
  learning.enrollments.rows
    .all()
    .filter((e) => e.userId === user(n).id)
    .map((e) => e.programId);
/** Notices about hire n the pipeline's worker sent (drained first). */
const noticesAbout = async (n: number) => {
  await learning.outbound.drain();
  return learning.sender.sent.filter((s) => (s.card as { notice?: string }).notice === user(n).id).length;
};

describe('syncDirectory', () => {
  it('leaves an erased person out: not mirrored, not enrolled, nobody’s manager', async () => {
    const erased = new Set([user(1).id]);
    deps = { ...deps, erased: { erasedIn: async () => (id) => erased.has(id) } };
    reader.serve('delta-1', {
      people: [user(1, { jobTitle: 'Avdelingsleder' }), user(2, { managerId: user(1).id })],
      removedIds: [user(1).id],
      deltaLink: 'delta-2',
    });
    const report = await syncDirectory(deps, tenantId);
    expect(report).toMatchObject({ seen: 1, erased: 1, newHires: 1, enrollments: 1, removed: 0 });
    expect(mirror.person(tenantId, user(1).id)).toBeUndefined();
    expect(enrollmentsOf(1)).toEqual([]);
    expect(enrollmentsOf(2)).toEqual(['welcome']);
    expect(mirror.person(tenantId, user(2).id)?.person.managerId).toBeUndefined();
  });

  it('the initial sync records people without enrolling anyone hired long ago', () => {
    expect(mirror.person(tenantId, MANAGER.id)?.firstSeenAt).toBeDefined();
    expect(learning.enrollments.rows.all()).toEqual([]);
    expect(learning.sender.sent).toEqual([]);
  });

  it('enrolls a new hire by the rules, starts their way to a first card and tells their manager once', async () => {
    reader.serve('delta-1', {
      people: [user(1, { jobTitle: 'Avdelingsleder' })],
      removedIds: [],
      deltaLink: 'delta-2',
    });
    const report = await syncDirectory(deps, tenantId);
    expect(report).toMatchObject({ newHires: 1, enrollments: 2 });
    expect(enrollmentsOf(1).sort()).toEqual(['leaders', 'welcome']);
    expect(learning.reachability.rows.get(`${tenantId}|${user(1).id}`)?.stage).toBe('detected');
    expect(await noticesAbout(1)).toBe(1);
    expect(learning.sender.sent[0]?.userId).toBe(MANAGER.id);
  });

  it('a failure while enrolling one hire of a page: the next round enrolls every hire on it exactly once', async () => {
    const hires = [1, 2, 3, 4].map((n) => user(n));
    reader.serve('delta-1', { people: hires, removedIds: [], deltaLink: 'delta-2' });
    learning.faults.throwOn('enrollments.create', new Error('storage unavailable'), {
      when: ([e]) => (e as { userId: string }).userId === user(3).id,
    });
    await expect(syncDirectory(deps, tenantId)).rejects.toThrow('storage unavailable');

    await syncDirectory(deps, tenantId);
    for (const n of [1, 2, 3, 4]) {
      expect(enrollmentsOf(n)).toEqual(['welcome']);
      expect(await noticesAbout(n)).toBe(1);
    }
    // Every hire tried in the first round (a page's events are applied at once), then the replay.
    expect(learning.faults.count('enrollments.create')).toBe(4 + 4);
  });

  it('a crash before the round saved its place replays the page and enrolls nobody twice', async () => {
    reader.serve('delta-1', { people: [user(1)], removedIds: [], deltaLink: 'delta-2' });
    learning.faults.throwOn('syncState.save', new Error('worker killed'));
    await expect(syncDirectory(deps, tenantId)).rejects.toThrow('worker killed');
    expect(enrollmentsOf(1)).toEqual(['welcome']);

    const replay = await syncDirectory(deps, tenantId);
    expect(replay.newHires).toBe(0);
    expect(enrollmentsOf(1)).toEqual(['welcome']);
    expect(await noticesAbout(1)).toBe(1);
    expect((await syncState.get(tenantId)).deltaLink).toBe('delta-2');
  });

  it('a delta token Graph no longer accepts (410) starts a full round, and nobody already known is new', async () => {
    learning.faults.throwOn('reader.deltaPage', new DeltaTokenExpiredError(), {
      when: ([, link]) => link === 'delta-1',
    });
    reader.serve(FIRST, { people: [MANAGER, user(5)], removedIds: [], deltaLink: 'delta-3' });
    const report = await syncDirectory(deps, tenantId);
    expect(report).toMatchObject({ resynced: true, newHires: 1 });
    expect(enrollmentsOf(5)).toEqual(['welcome']);
    expect(learning.enrollments.rows.all().filter((e) => e.userId === MANAGER.id)).toEqual([]);
    expect((await syncState.get(tenantId)).deltaLink).toBe('delta-3');
  });

  it('when Graph fails mid-round, the next round resumes at the page that failed', async () => {
    reader.serve('delta-1', { people: [user(1)], removedIds: [], nextLink: 'page-2' });
    reader.serve('page-2', { people: [user(2)], removedIds: [], deltaLink: 'delta-2' });
    learning.faults.throwOn('reader.deltaPage', new Error('Graph answered 503'), {
      when: ([, link]) => link === 'page-2',
    });
    await expect(syncDirectory(deps, tenantId)).rejects.toThrow('503');
    expect((await syncState.get(tenantId)).resumeLink).toBe('page-2');
    expect(enrollmentsOf(1)).toEqual(['welcome']);

    const before = learning.faults.calls.filter((c) => c.method === 'reader.deltaPage').length;
    await syncDirectory(deps, tenantId);
    const links = learning.faults.calls.filter((c) => c.method === 'reader.deltaPage').slice(before);
    expect(links.map((c) => c.args[1])).toEqual(['page-2']);
    expect(enrollmentsOf(1)).toEqual(['welcome']);
    expect(enrollmentsOf(2)).toEqual(['welcome']);
  });

  it('a new leading role enrolls in the leaders’ programme; a changed phone number enrolls nobody', async () => {
    reader.serve('delta-1', {
      people: [user(6, { employeeHireDate: '2019-03-04T00:00:00Z' })],
      removedIds: [],
      deltaLink: 'delta-2',
    });
    await syncDirectory(deps, tenantId);
    expect(enrollmentsOf(6)).toEqual([]);
    // Graph sends only what changed.
    reader.serve('delta-2', {
      people: [{ id: user(6).id, jobTitle: 'Enhetsleder' }],
      removedIds: [],
      deltaLink: 'delta-3',
    });
    expect(await syncDirectory(deps, tenantId)).toMatchObject({ roleChanges: 1, newHires: 0 });
    expect(enrollmentsOf(6)).toEqual(['leaders']);
    reader.serve('delta-3', {
      people: [{ id: user(6).id, preferredLanguage: 'nb-NO' }],
      removedIds: [],
      deltaLink: 'delta-4',
    });
    expect(await syncDirectory(deps, tenantId)).toMatchObject({ roleChanges: 0 });
    expect(enrollmentsOf(6)).toEqual(['leaders']);
  });

  it('a row another writer changed between the read and the write is read and applied again', async () => {
    reader.serve('delta-1', {
      people: [{ ...MANAGER, department: 'IT' }, user(1)],
      removedIds: [],
      deltaLink: 'delta-2',
    });
    // The manager's time zone is learned (learnTimeZones writes the same row) while the page is applied.
    learning.faults.before('mirror.putMany', () => {
      const row = mirror.rows.get(`${tenantId}|${MANAGER.id}`)!;
      mirror.rows.update({ ...row, person: { ...row.person, timeZone: 'Europe/Oslo' } });
    });
    const writesBefore = learning.faults.count('mirror.putMany');
    const report = await syncDirectory(deps, tenantId);
    expect(learning.faults.count('mirror.putMany') - writesBefore).toBe(2); // the manager's row once more
    expect(mirror.person(tenantId, MANAGER.id)?.person).toMatchObject({
      department: 'IT',
      timeZone: 'Europe/Oslo',
    });
    expect(report).toMatchObject({ seen: 2, newHires: 1, enrollments: 1 }); // nobody counted twice
    expect(enrollmentsOf(1)).toEqual(['welcome']);
  });

  it('someone who left is marked removed in the mirror, not forgotten', async () => {
    learning.clock.advance(DAY);
    reader.serve('delta-1', { people: [], removedIds: [MANAGER.id], deltaLink: 'delta-2' });
    expect(await syncDirectory(deps, tenantId)).toMatchObject({ removed: 1 });
    expect(mirror.person(tenantId, MANAGER.id)).toMatchObject({
      removedAt: learning.clock.now().toISOString(),
      person: { displayName: 'The Manager' },
    });
  });
});
