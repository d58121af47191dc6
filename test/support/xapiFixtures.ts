// Learning through the real use cases on a test's Azurite, and reading back what the LRS holds.
import type { Composed } from '../../src/compose.ts';
import { learnerActor } from '../../src/domain/access/index.ts';
import type { Person } from '../../src/domain/directory/person.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import type { StepActionRequest } from '../../src/usecases/learning/stepAction.ts';
import type { XapiStatement } from '../../src/domain/privacy/xapiStatements.ts';

/** Enrolls the person and records every step's card as sent, as the scheduler would. */
export async function enrollWithCardsSent(
  composed: Composed,
  person: Person,
  programId: string,
): Promise<void> {
  const { deps } = composed;
  await deps.people.upsert(person);
  const outcome = await enrollPerson(deps, { person, programId });
  if (outcome.kind !== 'enrolled' && outcome.kind !== 'alreadyEnrolled')
    throw new Error(`could not enroll: ${outcome.kind}`);
  for (const step of await deps.steps.listForEnrollment(person.tenantId, person.id, programId)) {
    if (step.status === 'scheduled')
      await deps.steps.update({ ...step, status: 'sent', sentAt: new Date().toISOString() });
  }
}

export function stepRequest(person: Person, programId: string, stepId: string): StepActionRequest {
  return {
    actor: learnerActor(person.tenantId, person.id),
    tenantId: person.tenantId,
    programId,
    programVersion: 1,
    stepId,
    learnerId: person.id,
  };
}

/**
 * Every statement the LRS holds, read in pages by stored time (ascending, `since`), not by following
 * its `more` links: xapi-statements' in-memory store sorts by stored time but pages with a cursor on
 * a uuid v1 string, whose first field wraps every 429.5 s and whose order is not the stored order
 * between concurrent POSTs. Following `more` then skips statements: a run that crosses a wrap reads
 * back only what was stored after it. A full page keeps what was stored before its last millisecond
 * and starts the next page at that millisecond, so no statement is read twice or skipped.
 */
export async function statementsInLrs(lrs: {
  endpoint: string;
  key: string;
  secret: string;
}): Promise<XapiStatement[]> {
  const headers = {
    authorization: `Basic ${Buffer.from(`${lrs.key}:${lrs.secret}`).toString('base64')}`,
    'X-Experience-API-Version': '1.0.3',
  };
  const all: XapiStatement[] = [];
  let since: string | undefined;
  let limit = 5000;
  for (;;) {
    const query = new URLSearchParams({ ascending: 'true', limit: String(limit) });
    if (since) query.set('since', since);
    const response = await fetch(`${lrs.endpoint}statements?${query}`, { headers });
    if (!response.ok) throw new Error(`the LRS answered ${response.status}`);
    const page = ((await response.json()) as { statements: StoredStatement[] }).statements;
    if (page.length < limit) {
      all.push(...page);
      return all;
    }
    const last = page.at(-1)!.stored;
    const before = page.filter((s) => s.stored < last);
    if (before.length === 0) {
      limit *= 2; // a whole page stored in one millisecond: read it in a larger one
      continue;
    }
    all.push(...before);
    since = new Date(Date.parse(last) - 1).toISOString();
  }
}

type StoredStatement = XapiStatement & { stored: string };
