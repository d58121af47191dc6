// In-memory fakes of the broadcasts ports and a BroadcastsDeps built from them, for the use-case
// tests beside the use cases. Failures are injected through each fake's `faults`.
import type { AudienceCandidate } from '../../../domain/broadcasts/audience.ts';
import type { Broadcast } from '../../../domain/broadcasts/broadcast.ts';
import type { GuidelineCardView } from '../../../domain/broadcasts/guidelineView.ts';
import type { BroadcastRecipient } from '../../../domain/broadcasts/recipient.ts';
import type { Person } from '../../../domain/directory/person.ts';
import type { Actor } from '../../../domain/access/index.ts';
import { FakeChatSender, FakeOutboundPipeline } from '../../delivery/testing/fakes.ts';
import { FakePeopleStore } from '../../directory/testing/fakes.ts';
import type { Stored } from '../../platform/ports.ts';
import { EtagRows, FakeClock, FakeLeaseStore, Faults } from '../../platform/testing/fakes.ts';
import type { ReportEntry, ReportingChange } from '../../../domain/managers/reportingTree.ts';
import type { ManagerIndex } from '../../managers/teamPorts.ts';
import { broadcastCardKind } from '../broadcastCardKind.ts';
import type { BroadcastsDeps } from '../broadcastsDeps.ts';
import type { AudienceDirectory, BroadcastStore, RecipientSnapshot, RecipientStore } from '../ports.ts';

export class FakeBroadcastStore implements BroadcastStore {
  readonly rows = new EtagRows<Broadcast>((b) => `${b.tenantId}|${b.id}`);
  constructor(readonly faults = new Faults()) {}
  create(b: Broadcast) {
    return this.faults.run('broadcasts.create', [b], () => this.rows.create(b));
  }
  get(tenantId: string, id: string) {
    return this.faults.run('broadcasts.get', [tenantId, id], () => this.rows.get(`${tenantId}|${id}`));
  }
  update(b: Stored<Broadcast>) {
    return this.faults.run('broadcasts.update', [b], () => this.rows.update(b));
  }
  list(tenantId: string, limit: number) {
    return this.faults.run('broadcasts.list', [tenantId], () =>
      this.rows
        .all()
        .filter((b) => b.tenantId === tenantId)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
        .slice(0, limit),
    );
  }
  listActive(tenantId: string) {
    return this.faults.run('broadcasts.listActive', [tenantId], () =>
      this.rows
        .all()
        .filter((b) => b.tenantId === tenantId && (b.status === 'scheduled' || b.status === 'sending')),
    );
  }
}

export class FakeRecipientStore implements RecipientStore {
  readonly rows = new EtagRows<BroadcastRecipient>((r) => `${r.tenantId}|${r.broadcastId}|${r.userId}`);
  constructor(readonly faults = new Faults()) {}
  record(recipients: RecipientSnapshot[]) {
    return this.faults.run('recipients.record', [recipients], () => {
      for (const snapshot of recipients) {
        const key = `${snapshot.tenantId}|${snapshot.broadcastId}|${snapshot.userId}`;
        const existing = this.rows.get(key);
        // As the table's Merge upsert: acknowledgements and reminders of a recorded person stay.
        this.rows.put({
          acknowledgements: [],
          remindersSent: 0,
          ...existing,
          ...snapshot,
        });
      }
    });
  }
  get(tenantId: string, broadcastId: string, userId: string) {
    return this.faults.run('recipients.get', [tenantId, broadcastId, userId], () =>
      this.rows.get(`${tenantId}|${broadcastId}|${userId}`),
    );
  }
  update(r: Stored<BroadcastRecipient>) {
    return this.faults.run('recipients.update', [r], () => this.rows.update(r));
  }
  list(tenantId: string, broadcastId: string) {
    return this.faults.run('recipients.list', [tenantId, broadcastId], () =>
      this.rows.all().filter((r) => r.tenantId === tenantId && r.broadcastId === broadcastId),
    );
  }
  countAcknowledged(tenantId: string, broadcastId: string, version: number) {
    return this.faults.run(
      'recipients.countAcknowledged',
      [tenantId, broadcastId, version],
      () =>
        this.rows
          .all()
          .filter(
            (r) =>
              r.tenantId === tenantId &&
              r.broadcastId === broadcastId &&
              r.acknowledgements.some((a) => a.version === version),
          ).length,
    );
  }
}

export class FakeAudienceDirectory implements AudienceDirectory {
  people: AudienceCandidate[] = [];
  constructor(readonly faults = new Faults()) {}
  candidates(tenantId: string) {
    return this.faults.run('directory.candidates', [tenantId], () => structuredClone(this.people));
  }
}

/** A manager index derived from the directory's manager ids. */
export class FakeManagerIndex implements ManagerIndex {
  constructor(private readonly directory: FakeAudienceDirectory) {}
  async reportsOf(_tenantId: string, managerId: string): Promise<ReportEntry[]> {
    return this.directory.people
      .filter((p) => p.managerId === managerId && p.eligible)
      .map((p) => ({ id: p.id, managerId, displayName: p.displayName }));
  }
  async apply(_tenantId: string, _changes: ReportingChange[]): Promise<void> {}
}

/** Cards in tests are the view they were built from: the card builder has tests of its own. */
export const viewAsCard = { guidelineCard: (view: GuidelineCardView) => ({ view }) };

export const tenant = '7d3f6c2a-4b1e-4f0a-9c8d-2e5b1a6f9c30';
export const hrActor: Actor = { tenantId: tenant, userId: 'megan', roles: ['learner', 'hrAdmin'] };
export const learnerActor = (userId: string): Actor => ({ tenantId: tenant, userId, roles: ['learner'] });

/** Megan (HR) ← Adele (manager) ← Alex, Lynne; Megan ← Isaiah (IT). */
export const demoPeople: AudienceCandidate[] = [
  {
    id: 'megan',
    userPrincipalName: 'megan@k.example',
    displayName: 'Megan Bowen',
    department: 'HR',
    eligible: true,
  },
  {
    id: 'adele',
    userPrincipalName: 'adele@k.example',
    displayName: 'Adele Vance',
    department: 'Helse og omsorg',
    managerId: 'megan',
    eligible: true,
  },
  {
    id: 'alex',
    userPrincipalName: 'alex@k.example',
    displayName: 'Alex Wilber',
    department: 'Helse og omsorg',
    jobTitle: 'Sykepleier',
    managerId: 'adele',
    preferredLanguage: 'nb-NO',
    eligible: true,
  },
  {
    id: 'lynne',
    userPrincipalName: 'lynne@k.example',
    displayName: '=Lynne Robbins',
    department: 'Helse og omsorg',
    jobTitle: 'Sykepleier',
    managerId: 'adele',
    eligible: true,
  },
  {
    id: 'isaiah',
    userPrincipalName: 'isaiah@k.example',
    displayName: 'Isaiah Langer',
    department: 'IT',
    managerId: 'megan',
    eligible: true,
  },
  { id: 'gone', userPrincipalName: 'gone@k.example', displayName: 'Gone', department: 'IT', eligible: false },
];

export interface FakeBroadcastsDeps extends BroadcastsDeps {
  clock: FakeClock;
  broadcasts: FakeBroadcastStore;
  recipients: FakeRecipientStore;
  directory: FakeAudienceDirectory;
  outbound: FakeOutboundPipeline;
  people: FakePeopleStore;
  sender: FakeChatSender;
}

export function fakeBroadcastsDeps(now = new Date('2026-12-01T09:00:00Z')): FakeBroadcastsDeps {
  const clock = new FakeClock(now);
  const sender = new FakeChatSender();
  const directory = new FakeAudienceDirectory();
  directory.people = structuredClone(demoPeople);
  const people = new FakePeopleStore();
  for (const p of demoPeople) {
    const person: Person = {
      tenantId: tenant,
      id: p.id,
      userPrincipalName: p.userPrincipalName,
      displayName: p.displayName,
      managerId: p.managerId,
    };
    void people.upsert(person);
  }
  const deps: FakeBroadcastsDeps = {
    clock,
    broadcasts: new FakeBroadcastStore(),
    recipients: new FakeRecipientStore(),
    directory,
    outbound: new FakeOutboundPipeline({ sender, now: () => clock.now() }),
    people,
    managerIndex: new FakeManagerIndex(directory),
    leases: new FakeLeaseStore(),
    cards: viewAsCard,
    defaultTimeZone: 'Europe/Oslo',
    sender,
  };
  deps.outbound.register(broadcastCardKind(deps));
  return deps;
}
