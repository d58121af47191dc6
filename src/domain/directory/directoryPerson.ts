// A person as Drypp mirrors them from the directory (Microsoft Graph `user`): only the fields Drypp
// needs to decide who is new, which rules apply, and how to reach and address them. Pure type.

export type DirectoryUserType = 'Member' | 'Guest';

export interface DirectoryPerson {
  /** Entra object id. */
  id: string;
  displayName: string;
  userPrincipalName: string;
  /** Absent for frontline accounts without a mailbox; they are still people Drypp onboards. */
  mail?: string;
  accountEnabled: boolean;
  userType: DirectoryUserType;
  department?: string;
  jobTitle?: string;
  /** ISO 8601 instant as Graph gives it (`2025-09-01T00:00:00Z`); may lie in the future (pre-boarding). */
  employeeHireDate?: string;
  /** ISO 8601 instant; Graph leaves it empty for some accounts created before mid-2018. */
  createdDateTime?: string;
  /** `nb-NO`, `en-US`, … */
  preferredLanguage?: string;
  /** From `mailboxSettings.timeZone` (Windows or IANA name). */
  timeZone?: string;
  /** Object id of the person's manager. */
  managerId?: string;
  /** Object ids of the groups the person is a direct member of; absent when not known. */
  groupIds?: string[];
}

/** A person in Drypp's mirror of the directory, with when Drypp first met them. */
export interface MirroredPerson {
  person: DirectoryPerson;
  /** When Drypp first met the person as an enabled member (undefined until then). */
  firstSeenAt?: string;
  removedAt?: string;
  /**
   * Properties the directory has not given yet that Drypp needs to address the person: while any is
   * missing the person is not reachable (no enrollment, no card) and not yet "first seen".
   */
  missing?: Array<'userPrincipalName' | 'displayName'>;
  /** The manager the mirror knew before this change (the manager index moves the person). */
  previousManagerId?: string;
}
