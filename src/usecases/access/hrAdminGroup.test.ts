import { describe, expect, it } from 'vitest';
import { inHrAdminGroup } from './hrAdminGroup.ts';
import type { GroupMembership } from './ports.ts';

/** The HR admin group: the token's claim when it has one, else Graph; never without a group set. */
const HR = 'd0000000-0000-4000-8000-00000000a1a1';
const caller = { tenantId: 't', userId: 'u' };

function graphSaying(groups: string[]): GroupMembership & { calls: number } {
  const graph = {
    calls: 0,
    memberGroups: async (_t: string, _u: string, ids: readonly string[]) => {
      graph.calls++;
      return ids.filter((id) => groups.includes(id));
    },
  };
  return graph;
}

describe('the HR admin group', () => {
  it('is read from the token’s groups claim when there is one, without asking Graph', async () => {
    const graph = graphSaying([HR]);
    const deps = { hrAdminGroupId: HR, groupMembership: graph };
    expect(await inHrAdminGroup(deps, { ...caller, groups: [HR] })).toBe(true);
    expect(await inHrAdminGroup(deps, { ...caller, groups: ['d0000000-0000-4000-8000-000000000002'] })).toBe(
      false,
    );
    expect(graph.calls).toBe(0);
  });

  it('is asked of Graph when the token lists no groups', async () => {
    expect(await inHrAdminGroup({ hrAdminGroupId: HR, groupMembership: graphSaying([HR]) }, caller)).toBe(
      true,
    );
    expect(await inHrAdminGroup({ hrAdminGroupId: HR, groupMembership: graphSaying([]) }, caller)).toBe(
      false,
    );
    expect(await inHrAdminGroup({ hrAdminGroupId: HR }, caller)).toBe(false);
  });

  it('makes nobody an HR admin when no group is configured', async () => {
    const graph = graphSaying([HR]);
    expect(await inHrAdminGroup({ groupMembership: graph }, { ...caller, groups: [HR] })).toBe(false);
    expect(graph.calls).toBe(0);
  });
});
