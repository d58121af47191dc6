import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { demoTenant } from '../../sandbox/demoOrganisation.ts';
import { seedFromDemoOrganisation, type RunningSimulator } from '../../sandbox/tenantSimulator/index.ts';
import { DirectoryHintSchema, type DirectoryHint } from '../../src/domain/directory/subscription.ts';
import { directoryJobs } from '../../src/jobs/directoryJobs.ts';
import type { Job } from '../../src/jobs/worker.ts';
import { createLogger } from '../../src/log/logger.ts';
import { queueNames } from '../../src/store/platform/tables.ts';
import { setAsideHealthProbe, WorkQueue } from '../../src/store/platform/workQueue.ts';
import { startTestAzurite } from '../support/azurite.ts';
import {
  directorySyncFor,
  logCollector,
  simControl,
  startSimulator,
  waitFor,
  type DirectorySync,
} from '../support/directoryFixtures.ts';
import { composeForTest } from '../support/learningFixtures.ts';

/**
 * A queue message that can never be handled is set aside in the poison queue, logged once and
 * counted in the health detail; it does not block the messages it came with, and it does not come
 * back every tick. The real hint job, on Azurite, against the tenant simulator.
 */
const tenantId: string = demoTenant.id;
let azurite: AzuriteInstance;
let sim: RunningSimulator;
let composed: Awaited<ReturnType<typeof composeForTest>>;
let dir: DirectorySync;
let hints: WorkQueue<DirectoryHint>;
let hintJob: Job;
const logs = logCollector();
const setAsideLines = () => logs.lines.filter((l) => l.msg === 'queue message set aside');

beforeAll(async () => {
  azurite = await startTestAzurite();
  sim = await startSimulator([seedFromDemoOrganisation()]);
  composed = await composeForTest(azurite.connectionString);
  dir = directorySyncFor(composed, sim);
  const log = createLogger('info', logs.stream);
  hints = new WorkQueue<DirectoryHint>(composed.storage.queue(queueNames.directoryHints), {
    parse: (json) => DirectoryHintSchema.parse(json),
    poison: composed.storage.queue(queueNames.directoryHintsPoison),
    maxDequeueCount: 3,
    onSetAside: (info) => log.warn(info, 'queue message set aside'),
  });
  const jobs = directoryJobs(
    {
      tenants: [tenantId],
      leases: composed.deps.leases,
      sync: dir.deps,
      hints,
      clock: composed.deps.clock,
      reachability: composed.deps.reachability,
      installer: dir.installer,
      log,
    },
    { syncIntervalMs: 3600_000, hintVisibilitySeconds: 1 },
  );
  hintJob = jobs.find((j) => j.name === 'directoryHints')!;
});
afterAll(async () => {
  await sim?.stop();
  await azurite?.child.stop();
});

const raw = (text: string) =>
  composed.storage.queue(queueNames.directoryHints).sendMessage(Buffer.from(text).toString('base64'));
const waiting = async () =>
  (await composed.storage.queue(queueNames.directoryHints).getProperties()).approximateMessagesCount ?? 0;
const probe = () => setAsideHealthProbe([{ name: 'directory hints', queue: hints }]).check();

describe('poison messages on the directory hint queue', () => {
  it('sets an unreadable message aside at once and still handles the hint that came with it', async () => {
    await raw('{ this is not json');
    await raw(JSON.stringify({ tenantId, reason: 'somethingElse' }));
    await hints.send({ tenantId, reason: 'changed' });
    await hintJob.runOnce();
    expect((await dir.syncState.get(tenantId)).lastRoundAt).toBeDefined(); // the good hint's round ran
    expect(await waiting()).toBe(0);
    expect(await hints.setAsideCount()).toBe(2);
    expect(setAsideLines().map((l) => [l.reason, l.problem])).toEqual([
      ['unreadable', 'SyntaxError'],
      ['unreadable', 'ZodError'],
    ]);
    expect(JSON.stringify(setAsideLines())).not.toContain('somethingElse'); // bodies are not logged
    expect(await probe()).toEqual({ ok: true, detail: 'directory hints: 2 set aside' });
  });

  it('sets a hint whose round keeps failing aside after the last attempt, logged once', async () => {
    await simControl(sim, '/faults', { serverErrorShare: 1, retryAfterSeconds: 0 }, 'PUT');
    try {
      await hints.send({ tenantId, reason: 'changed' });
      const failures: unknown[] = [];
      await waitFor(
        'the failing hint set aside',
        async () => {
          await hintJob.runOnce().catch((error: unknown) => failures.push(error));
          return (await hints.setAsideCount()) === 3;
        },
        45_000,
        200,
      );
      expect(failures).toHaveLength(3); // one failed round per attempt, then no more
      const lines = setAsideLines().filter((l) => l.reason === 'tooManyAttempts');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ queue: queueNames.directoryHints, dequeueCount: 4 });
      // Set aside for good: later ticks find nothing, fail nothing, log nothing more.
      for (let i = 0; i < 5; i++) await hintJob.runOnce();
      expect(await waiting()).toBe(0);
      expect(setAsideLines()).toHaveLength(3);
      expect(await probe()).toEqual({ ok: true, detail: 'directory hints: 3 set aside' });
    } finally {
      await simControl(sim, '/faults', { serverErrorShare: 0 }, 'PUT');
    }
  });
});
