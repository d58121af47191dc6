import { can, type Actor } from '../../domain/access/index.ts';
import type { PersonRef } from '../../domain/privacy/personalData.ts';
import type { PrivacyRequest } from '../../domain/privacy/privacyRequest.ts';
import type { PeopleStore } from '../directory/ports.ts';
import {
  erasePerson,
  exportPersonalData,
  type ErasureReport,
  type PersonExport,
  type PrivacyDeps,
} from './personalDataRequests.ts';

/**
 * Export and erasure asked for in the Admin tab by an HR admin: the same use cases as
 * `drypp privacy`, behind the privacy policy, with the person found by UPN or object id and an
 * erasure only when the person's address was typed a second time.
 */
export interface AdminPrivacyDeps extends PrivacyDeps {
  people: Pick<PeopleStore, 'get' | 'findByUpn'>;
  /** Whether an object id was erased before (the tombstones): erasing them again must still work. */
  wasErased(person: PersonRef): Promise<boolean>;
}

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The person a request is about: in the directory (with their UPN), or an object id erased before. */
interface FoundPerson {
  ref: PersonRef;
  /** Their UPN while the People table has them; absent once erased (nothing is left to name them). */
  userPrincipalName?: string;
}

export type AdminExportOutcome =
  { kind: 'notAllowed' } | { kind: 'unknownPerson' } | { kind: 'exported'; exported: PersonExport };

export type AdminEraseOutcome =
  | { kind: 'notAllowed' }
  | { kind: 'unknownPerson' }
  /** The confirmation is not the person's address (or, once erased, the object id given): nothing done. */
  | { kind: 'confirmationMismatch' }
  | { kind: 'erased'; report: ErasureReport; erasedBefore: boolean };

type TabRequest = Omit<PrivacyRequest, 'kind' | 'via'>;

export async function exportPersonFromAdminTab(
  deps: AdminPrivacyDeps,
  actor: Actor,
  user: string,
  request: TabRequest,
): Promise<AdminExportOutcome> {
  if (!can(actor, 'export', { type: 'personalData', tenantId: actor.tenantId }))
    return { kind: 'notAllowed' };
  const found = await findPerson(deps, actor.tenantId, user);
  if (!found) return { kind: 'unknownPerson' };
  const exported = await exportPersonalData(deps, found.ref, { ...request, via: 'adminTab' });
  return { kind: 'exported', exported };
}

export async function erasePersonFromAdminTab(
  deps: AdminPrivacyDeps,
  actor: Actor,
  input: { user: string; confirm: string },
  request: TabRequest,
): Promise<AdminEraseOutcome> {
  if (!can(actor, 'erase', { type: 'personalData', tenantId: actor.tenantId })) return { kind: 'notAllowed' };
  const found = await findPerson(deps, actor.tenantId, input.user);
  if (!found) return { kind: 'unknownPerson' };
  const expected = found.userPrincipalName ?? found.ref.personId;
  if (input.confirm.trim().toLowerCase() !== expected.toLowerCase()) return { kind: 'confirmationMismatch' };
  const report = await erasePerson(deps, found.ref, { ...request, via: 'adminTab' });
  return { kind: 'erased', report, erasedBefore: found.userPrincipalName === undefined };
}

/**
 * By UPN or object id in the caller's tenant. An object id the People table no longer has counts
 * only if it was erased before (so a second erasure is safe and says so); otherwise it is unknown,
 * as is every UPN not in the table: an erased person's address is gone with them.
 */
async function findPerson(
  deps: AdminPrivacyDeps,
  tenantId: string,
  user: string,
): Promise<FoundPerson | undefined> {
  const given = user.trim();
  if (OBJECT_ID.test(given)) {
    const personId = given.toLowerCase();
    const person = (await deps.people.get(tenantId, given)) ?? (await deps.people.get(tenantId, personId));
    if (person)
      return { ref: { tenantId, personId: person.id }, userPrincipalName: person.userPrincipalName };
    const ref = { tenantId, personId };
    return (await deps.wasErased(ref)) ? { ref } : undefined;
  }
  const person = await deps.people.findByUpn(tenantId, given);
  return person
    ? { ref: { tenantId, personId: person.id }, userPrincipalName: person.userPrincipalName }
    : undefined;
}
