// Runs `drypp broadcast …` (in-process, and once the real launcher) against a private Azurite, as HR would against the
// server's storage: refusals before anything is sent, a send, its status, the export, a recall.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import type { Person } from '../../src/domain/directory/person.ts';
import { TablePeopleStore } from '../../src/store/directory/peopleStore.ts';
import { TableManagerIndex } from '../../src/store/managers/managerIndexStore.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { ensureStorage, tableNames } from '../../src/store/platform/tables.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { runDrypp, runDryppLauncher, type DryppRun } from '../support/dryppCli.ts';

const tenantId = '3a1b2c3d-0000-4000-8000-00000000b0ad';
const person = (n: number, department: string, over: Partial<Person> = {}): Person => ({
  tenantId,
  id: `0f0e0d0c-0000-4000-8000-00000000000${n}`,
  userPrincipalName: `p${n}@example.test`,
  displayName: `Person ${n}`,
  department,
  timeZone: 'Europe/Oslo',
  ...over,
});

let azurite: AzuriteInstance;
let clients: StorageClients;
let dir: string;

const dryppOptions = () => ({
  cwd: dir,
  env: {
    ...process.env,
    DRYPP_MODE: 'test',
    DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
  },
});
/** In-process, through the real command tree. */
const drypp = (args: string[]): Promise<DryppRun> => runDrypp(args, dryppOptions());
/** The real `node bin/drypp.js` process, for the test that proves the launcher itself. */
const dryppLauncher = (args: string[]): Promise<DryppRun> => runDryppLauncher(args, dryppOptions());
async function storedBroadcasts(): Promise<number> {
  let n = 0;
  for await (const _row of clients.table(tableNames.broadcasts).listEntities()) n++;
  return n;
}

beforeAll(async () => {
  azurite = await startTestAzurite();
  clients = new StorageClients({ kind: 'connectionString', connectionString: azurite.connectionString });
  await ensureStorage(clients);
  const people = new TablePeopleStore(
    clients.table(tableNames.people),
    clients.table(tableNames.tenants),
    new TableManagerIndex(clients.table(tableNames.managerIndex)),
  );
  await people.upsert(person(1, 'Helse og omsorg', { preferredLanguage: 'nb-NO' }));
  await people.upsert(person(2, 'Helse og omsorg', { displayName: '=cmd|calc' }));
  await people.upsert(person(3, 'IT'));
  dir = await mkdtemp(path.join(os.tmpdir(), 'drypp-broadcast-'));
  await writeFile(
    path.join(dir, 'hygiene.md'),
    '---\ntitle: Hand hygiene\nlink: https://intranet.example/hygiene\ndue: 2026-12-31\nvariants:\n  nb: hygiene.nb.md\n---\nWash your hands for **20 seconds**.\n',
  );
  await writeFile(path.join(dir, 'hygiene.nb.md'), '# Håndhygiene\n\nVask hendene i **20 sekunder**.\n');
  await writeFile(path.join(dir, 'list.csv'), 'email\np3@example.test\nnobody@example.test\n');
}, 60_000);
afterAll(async () => {
  await azurite?.child.stop();
});

describe('drypp broadcast', () => {
  it('reports a bad expression with where it went wrong, and stores nothing (exit 1, the real launcher)', async () => {
    const run = await dryppLauncher([
      'broadcast',
      'send',
      '--file',
      'hygiene.md',
      '--audience',
      'department:"Helse og omsorg" or',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The audience expression is not valid');
    expect(run.stderr).toContain('column 32: found the end');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(await storedBroadcasts()).toBe(0);
  }, 60_000);

  it('reports addresses and departments that match nobody before anything is sent (exit 1)', async () => {
    const run = await drypp([
      'broadcast',
      'send',
      '--file',
      'hygiene.md',
      '--audience',
      'department:"Helse og omsrog"',
      '--addresses',
      'list.csv',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('1 address matches nobody in the directory:\n  nobody@example.test');
    expect(run.stderr).toContain(
      'department:"Helse og omsrog" matches nobody (did you mean "Helse og omsorg"?)',
    );
    expect(await storedBroadcasts()).toBe(0);
  }, 60_000);

  it('sends to the audience, shows its status, exports it safely and recalls it', async () => {
    const sent = await drypp([
      'broadcast',
      'send',
      '--file',
      'hygiene.md',
      '--audience',
      'dept:"helse og omsorg"',
      '--ack',
    ]);
    expect(sent.stderr).not.toMatch(/^\s+at /m);
    expect(sent.code).toBe(0);
    const id = /Broadcast ([0-9a-f-]{36}): sending to 2 people/.exec(sent.stdout)?.[1];
    expect(id).toBeDefined();

    const status = await drypp(['broadcast', 'status', id!, '--once']);
    expect(status.stdout).toContain(
      'Hand hygiene (version 1): sending — 0 of 2 delivered, 2 queued, 0 failed, 0 acknowledged',
    );

    const csv = await drypp(['broadcast', 'export', id!, '--csv']);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toMatch(/^address,name,department/);
    expect(lines.slice(1).sort()).toEqual([
      'p1@example.test,Person 1,Helse og omsorg,,,nb,queued,,,,,0',
      "p2@example.test,'=cmd|calc,Helse og omsorg,,,en,queued,,,,,0",
    ]);

    const recalled = await drypp(['broadcast', 'recall', id!]);
    expect([recalled.code, recalled.stdout.trim()]).toEqual([
      0,
      `Broadcast ${id} recalled: 0 cards are being deleted from chats; 2 never sent and will not be.`,
    ]);
    const again = await drypp(['broadcast', 'recall', id!]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`Broadcast ${id} is recalled: there is nothing to recall.`);
  }, 120_000);
});
