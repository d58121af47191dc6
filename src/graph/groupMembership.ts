import type { GroupMembership } from '../usecases/access/ports.ts';
import type { GraphClients } from './graphClients.ts';

/** How long one person's answer is kept: a removal from the group takes effect within this. */
const CACHE_MS = 5 * 60_000;

/**
 * Group membership from Graph: `POST /users/{id}/checkMemberGroups` (transitive; application
 * permissions User.Read.All and GroupMember.Read.All). Each answer is kept a few minutes per
 * instance, so a person opening the tabs costs one call, not one per request.
 */
export class GraphGroupMembership implements GroupMembership {
  private readonly cache = new Map<string, { at: number; groups: string[] }>();

  constructor(
    private readonly clients: GraphClients,
    private readonly now: () => number = Date.now,
  ) {}

  async memberGroups(tenantId: string, userId: string, groupIds: readonly string[]): Promise<string[]> {
    const key = `${tenantId}|${userId}|${[...groupIds].sort().join(',')}`;
    const kept = this.cache.get(key);
    if (kept && this.now() - kept.at < CACHE_MS) return kept.groups;
    const answer = (await this.clients
      .forTenant(tenantId)
      .api(`/users/${encodeURIComponent(userId)}/checkMemberGroups`)
      .post({ groupIds })) as { value?: unknown };
    const groups = Array.isArray(answer?.value)
      ? answer.value.filter((g): g is string => typeof g === 'string')
      : [];
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { at: this.now(), groups });
    return groups;
  }
}
