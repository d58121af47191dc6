import { describe, expect, it } from 'vitest';
import type { Clock } from '../../domain/platform/clock.ts';
import type { AppInstaller } from './ports.ts';
import { installWithinBudget } from './installWithinBudget.ts';
import { reachNewHires } from './reachNewHires.ts';
import { FakeReachabilityStore } from './testing/fakes.ts';

const tenantId = 't1';
const clock: Clock = { now: () => new Date('2026-06-01T08:00:00Z') };

function setup() {
  const reachability = new FakeReachabilityStore();
  const graphCalls: string[] = [];
  const graph: AppInstaller = {
    installForUser: async (_tenant, userId) => {
      graphCalls.push(userId);
      return { kind: 'installed' };
    },
  };
  const takes: string[] = [];
  const installer = installWithinBudget({
    installer: graph,
    rate: { take: async (t) => void takes.push(t) },
    reachability,
    clock,
  });
  return { reachability, graphCalls, takes, installer };
}

/** A new hire the directory has just found: not installed yet. */
function detected(reachability: FakeReachabilityStore, userId: string) {
  return reachability.create({
    tenantId,
    userId,
    stage: 'detected',
    detectedAt: clock.now().toISOString(),
    attempts: 0,
    nextAttemptAt: clock.now().toISOString(),
  });
}

describe('installWithinBudget', () => {
  it('installs once for two paths asking at the same moment, and spends one place in the budget', async () => {
    const { reachability, graphCalls, takes, installer } = setup();
    await detected(reachability, 'u1');
    const [first, second] = await Promise.all([
      installer.installForUser(tenantId, 'u1'),
      installer.installForUser(tenantId, 'u1'),
    ]);
    expect([first, second]).toEqual([{ kind: 'installed' }, { kind: 'alreadyInstalled' }]);
    expect(graphCalls).toEqual(['u1']);
    expect(takes).toEqual([tenantId]);
    // Once it is done, the next ask reads that it is installed: no budget, no Graph call.
    expect(await installer.installForUser(tenantId, 'u1')).toEqual({ kind: 'alreadyInstalled' });
    expect(takes).toEqual([tenantId]);
  });

  it('takes the shared Graph budget for every install and records it on the new hire', async () => {
    const { reachability, graphCalls, takes, installer } = setup();
    await detected(reachability, 'u1');
    expect(await installer.installForUser(tenantId, 'u1')).toEqual({ kind: 'installed' });
    expect(graphCalls).toEqual(['u1']);
    expect(takes).toEqual([tenantId]);
    expect((await reachability.get(tenantId, 'u1'))?.stage).toBe('appInstalled');
  });

  it('does not install again what the other path installed: one Graph call per new hire', async () => {
    const { reachability, graphCalls, takes, installer } = setup();
    for (const userId of ['u1', 'u2']) await detected(reachability, userId);
    // The pipeline installs u1 for a card; then the directory's job reaches every due new hire.
    await installer.installForUser(tenantId, 'u1');
    await reachNewHires({ clock, reachability, installer }, tenantId);
    expect(graphCalls).toEqual(['u1', 'u2']); // u1 was no longer due: installed already
    for (const userId of ['u1', 'u2'])
      expect((await reachability.get(tenantId, userId))?.stage).toBe('appInstalled');
    expect(takes).toHaveLength(2);
    // And the pipeline asking for u2 afterwards costs nothing.
    expect(await installer.installForUser(tenantId, 'u2')).toEqual({ kind: 'alreadyInstalled' });
    expect(graphCalls).toHaveLength(2);
    expect(takes).toHaveLength(2);
  });
});
