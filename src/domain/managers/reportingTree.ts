// The reporting tree below a manager, from the directory's manager ids. Pure.

/** One direct report as the manager index keeps it. */
export interface ReportEntry {
  id: string;
  managerId: string;
  displayName: string;
  jobTitle?: string;
  department?: string;
}

/** A change to who reports to whom, as the directory mirror writes a person. */
export interface ReportingChange {
  id: string;
  managerId?: string;
  /** The manager the mirror knew before this write, when it knew the person. */
  previousManagerId?: string;
  /** False for removed or disabled accounts: they leave their manager's list. */
  active: boolean;
  displayName: string;
  jobTitle?: string;
  department?: string;
}

/** A person in a manager's tree: depth 1 for a direct report, 2 for a report's report, … */
export interface TeamMember extends ReportEntry {
  depth: number;
}

/** Deep enough for any real organisation; a loop in bad directory data stops here too. */
export const MAX_TREE_DEPTH = 15;

/**
 * Adds one level of reports to the tree, skipping anyone already in it (a loop in the directory data,
 * or the manager themselves), and returns the new members: the next level to expand.
 */
export function addLevel(
  tree: Map<string, TeamMember>,
  rootId: string,
  reports: ReportEntry[],
  depth: number,
): TeamMember[] {
  const added: TeamMember[] = [];
  for (const report of reports) {
    if (report.id === rootId || tree.has(report.id)) continue;
    const member = { ...report, depth };
    tree.set(report.id, member);
    added.push(member);
  }
  return added;
}

/** Direct reports first, then by depth, then by name. */
export function byDepthThenName(a: TeamMember, b: TeamMember): number {
  return a.depth - b.depth || a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id);
}
