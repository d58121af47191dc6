/** What the access use cases need from the directory: group membership, as Graph answers it. */
export interface GroupMembership {
  /**
   * Which of `groupIds` the person is a member of, directly or through nested groups (Graph's
   * `checkMemberGroups`, which is transitive).
   */
  memberGroups(tenantId: string, userId: string, groupIds: readonly string[]): Promise<string[]>;
}
