// In-memory fakes of the directory ports, for use-case tests. The reader serves scripted Graph delta
// pages by link, so a test can replay a page, expire a token (410) or fail a call.
import type { MirroredPerson } from '../../../domain/directory/directoryPerson.ts';
import type { Person } from '../../../domain/directory/person.ts';
import type { Reachability } from '../../../domain/directory/reachability.ts';
import type { SyncState } from '../../../domain/directory/syncState.ts';
import type { Stored } from '../../platform/ports.ts';
import { EtagRows, Faults } from '../../platform/testing/fakes.ts';
import type {
  DeltaPage,
  DirectoryMirror,
  DirectoryReader,
  MirrorWrite,
  PeopleStore,
  ReachabilityStore,
  SyncStateStore,
} from '../ports.ts';

/** The first page of a full round is served for link `undefined`, here called FIRST. */
export const FIRST = 'first';

export class FakeDirectoryReader implements DirectoryReader {
  private readonly pages = new Map<string, DeltaPage>();
  constructor(readonly faults = new Faults()) {}

  /** Serves `page` for `link` (FIRST for the first page of a full round). */
  serve(link: string, page: DeltaPage): this {
    this.pages.set(link, page);
    return this;
  }

  deltaPage(tenantId: string, link?: string) {
    return this.faults.run('reader.deltaPage', [tenantId, link], () => {
      const page = this.pages.get(link ?? FIRST);
      if (!page) throw new Error(`the fake directory has no page for ${link ?? FIRST}`);
      return structuredClone(page);
    });
  }
}

export class FakeDirectoryMirror implements DirectoryMirror {
  /** The rows by `tenant|id`, each with its ETag, like the People table. */
  readonly rows = new EtagRows<MirroredPerson & { tenantId: string }>((r) => `${r.tenantId}|${r.person.id}`);
  readonly tenants = new Set<string>();
  constructor(readonly faults = new Faults()) {}

  /** A person as the mirror holds them (without the ETag), for assertions. */
  person(tenantId: string, id: string): MirroredPerson | undefined {
    const row = this.rows.get(`${tenantId}|${id}`);
    if (!row) return undefined;
    const { tenantId: _t, etag: _e, ...mirrored } = row;
    return mirrored;
  }

  get(tenantId: string, id: string) {
    return this.faults.run('mirror.get', [tenantId, id], (): Stored<MirroredPerson> | undefined => {
      const row = this.rows.get(`${tenantId}|${id}`);
      if (!row) return undefined;
      const { tenantId: _t, ...stored } = row;
      return stored;
    });
  }
  putMany(tenantId: string, mirrored: MirrorWrite[]) {
    return this.faults.run('mirror.putMany', [tenantId, mirrored], () => {
      const conflicts: string[] = [];
      for (const { etag, ...m } of new Map(mirrored.map((w) => [w.person.id, w])).values()) {
        const row = { ...structuredClone(m), tenantId };
        const written = etag ? this.rows.update({ ...row, etag }) : this.rows.create(row);
        if (written === 'conflict' || written === 'exists') conflicts.push(m.person.id);
      }
      return { conflicts };
    });
  }
  registerTenant(tenantId: string) {
    return this.faults.run('mirror.registerTenant', [tenantId], () => {
      this.tenants.add(tenantId);
    });
  }
}

export class FakeSyncStateStore implements SyncStateStore {
  readonly rows = new EtagRows<SyncState>((s) => s.tenantId);
  constructor(readonly faults = new Faults()) {}

  get(tenantId: string) {
    return this.faults.run(
      'syncState.get',
      [tenantId],
      (): SyncState => this.rows.get(tenantId) ?? { tenantId, initialSyncDone: false },
    );
  }
  save(state: SyncState) {
    return this.faults.run('syncState.save', [state], (): 'saved' | 'conflict' => {
      const written = state.etag
        ? this.rows.update(state as Stored<SyncState>)
        : this.rows.create(state) === 'created'
          ? 'updated'
          : 'conflict';
      return written === 'updated' ? 'saved' : 'conflict';
    });
  }
}

export class FakeReachabilityStore implements ReachabilityStore {
  readonly rows = new EtagRows<Reachability>((r) => `${r.tenantId}|${r.userId}`);
  constructor(readonly faults = new Faults()) {}

  get(tenantId: string, userId: string) {
    return this.faults.run('reachability.get', [tenantId, userId], () =>
      this.rows.get(`${tenantId}|${userId}`),
    );
  }
  create(r: Reachability) {
    return this.faults.run('reachability.create', [r], () => this.rows.create(r));
  }
  update(r: Stored<Reachability>) {
    return this.faults.run('reachability.update', [r], () => this.rows.update(r));
  }
  listDue(tenantId: string, now: Date) {
    return this.faults.run('reachability.listDue', [tenantId, now], () =>
      this.rows
        .all()
        .filter(
          (r) =>
            r.tenantId === tenantId &&
            r.stage === 'detected' &&
            r.nextAttemptAt !== undefined &&
            r.nextAttemptAt <= now.toISOString(),
        ),
    );
  }
}

export class FakePeopleStore implements PeopleStore {
  readonly people = new Map<string, Person>();
  constructor(readonly faults = new Faults()) {}

  upsert(person: Person) {
    return this.faults.run('people.upsert', [person], () => {
      this.people.set(`${person.tenantId}|${person.id}`, { ...person });
    });
  }
  get(tenantId: string, id: string) {
    return this.faults.run('people.get', [tenantId, id], () => this.people.get(`${tenantId}|${id}`));
  }
  preferredLanguage(tenantId: string, id: string) {
    return this.faults.run('people.preferredLanguage', [tenantId, id], () => {
      const person = this.people.get(`${tenantId}|${id}`);
      return person ? (person.preferredLanguage ?? null) : undefined;
    });
  }
  findByUpn(tenantId: string, upn: string) {
    return this.faults.run('people.findByUpn', [tenantId, upn], () =>
      [...this.people.values()].find(
        (p) => p.tenantId === tenantId && p.userPrincipalName.toLowerCase() === upn.toLowerCase(),
      ),
    );
  }
  tenants() {
    return this.faults.run('people.tenants', [], () => [
      ...new Set([...this.people.values()].map((p) => p.tenantId)),
    ]);
  }
}
