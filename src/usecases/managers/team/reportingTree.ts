import {
  addLevel,
  byDepthThenName,
  MAX_TREE_DEPTH,
  type TeamMember,
} from '../../../domain/managers/reportingTree.ts';
import { mapLimit } from '../../platform/mapLimit.ts';
import type { ManagerIndex } from '../teamPorts.ts';

/** Parallel partition queries per level of the tree. */
const QUERIES_IN_FLIGHT = 8;

/**
 * Everyone below a manager, direct and indirect: one manager-index query per manager in the tree,
 * a level at a time (the people at one level are queried in parallel).
 */
export async function reportingTreeOf(
  deps: { managerIndex: Pick<ManagerIndex, 'reportsOf'> },
  tenantId: string,
  managerId: string,
): Promise<TeamMember[]> {
  const tree = new Map<string, TeamMember>();
  let level = addLevel(tree, managerId, await deps.managerIndex.reportsOf(tenantId, managerId), 1);
  for (let depth = 2; level.length > 0 && depth <= MAX_TREE_DEPTH; depth++) {
    const below = await mapLimit(level, QUERIES_IN_FLIGHT, (m) =>
      deps.managerIndex.reportsOf(tenantId, m.id),
    );
    level = addLevel(tree, managerId, below.flat(), depth);
  }
  return [...tree.values()].sort(byDepthThenName);
}
