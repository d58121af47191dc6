import type { Client } from '@microsoft/microsoft-graph-client';
import type { DirectoryPerson } from '../domain/directory/directoryPerson.ts';
import { DeltaTokenExpiredError, type DeltaPage, type DirectoryReader } from '../usecases/directory/ports.ts';
import type { GraphClients } from './graphClients.ts';

/** Only what Drypp needs from each user (data minimisation; `$select` also limits what delta tracks). */
const SELECT = [
  'id',
  'displayName',
  'mail',
  'userPrincipalName',
  'accountEnabled',
  'userType',
  'department',
  'jobTitle',
  'employeeHireDate',
  'createdDateTime',
  'preferredLanguage',
  'manager',
].join(',');

interface GraphUser {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  accountEnabled?: boolean | null;
  userType?: string | null;
  department?: string | null;
  jobTitle?: string | null;
  employeeHireDate?: string | null;
  createdDateTime?: string | null;
  preferredLanguage?: string | null;
  'manager@delta'?: Array<{ id: string }>;
  '@removed'?: { reason: string };
}

/** `/users/delta` pages, mapped to the directory mirror's shape. */
export class GraphDirectoryReader implements DirectoryReader {
  constructor(
    private readonly clients: GraphClients,
    private readonly pageSize = 999,
  ) {}

  async deltaPage(tenantId: string, link?: string): Promise<DeltaPage> {
    const client: Client = this.clients.forTenant(tenantId);
    let body: { value: GraphUser[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
    try {
      const request = link ? client.api(link) : client.api('/users/delta').select(SELECT);
      body = await request.header('Prefer', `odata.maxpagesize=${this.pageSize}`).get();
    } catch (error) {
      // 410 Gone, or (as Graph also answers) 400 syncStateNotFound: the token is stale, start again.
      const e = error as { statusCode?: number; code?: string };
      if (e.statusCode === 410 || (e.statusCode === 400 && /syncState/i.test(e.code ?? ''))) {
        throw new DeltaTokenExpiredError();
      }
      throw error;
    }
    const people: DeltaPage['people'] = [];
    const removedIds: string[] = [];
    for (const user of body.value ?? []) {
      if (user['@removed']) removedIds.push(user.id);
      else people.push(toPerson(user));
    }
    return { people, removedIds, nextLink: body['@odata.nextLink'], deltaLink: body['@odata.deltaLink'] };
  }
}

/** Delta sends only what changed: absent properties stay absent (undefined), so the merge keeps them. */
function toPerson(u: GraphUser): Partial<DirectoryPerson> & { id: string } {
  const value = <T>(v: T | null | undefined) => (v === null ? undefined : v);
  const person: Partial<DirectoryPerson> & { id: string } = { id: u.id };
  if ('displayName' in u) person.displayName = value(u.displayName);
  if ('userPrincipalName' in u) person.userPrincipalName = value(u.userPrincipalName);
  if ('mail' in u) person.mail = value(u.mail);
  if ('accountEnabled' in u) person.accountEnabled = u.accountEnabled !== false;
  if ('userType' in u) person.userType = u.userType === 'Guest' ? 'Guest' : 'Member';
  if ('department' in u) person.department = value(u.department);
  if ('jobTitle' in u) person.jobTitle = value(u.jobTitle);
  if ('employeeHireDate' in u) person.employeeHireDate = value(u.employeeHireDate);
  if ('createdDateTime' in u) person.createdDateTime = value(u.createdDateTime);
  if ('preferredLanguage' in u) person.preferredLanguage = value(u.preferredLanguage);
  if (u['manager@delta']) person.managerId = u['manager@delta'][0]?.id;
  return person;
}
