/** A person as the learning and delivery use cases see them (the People table's row). */
export interface Person {
  tenantId: string;
  id: string; // Entra object id
  userPrincipalName: string;
  displayName: string;
  timeZone?: string;
  preferredLanguage?: string;
  managerId?: string;
  department?: string;
  jobTitle?: string;
  hireDate?: string;
}
