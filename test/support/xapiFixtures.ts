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

/** Every statement the LRS holds, following its `more` links. */
export async function statementsInLrs(lrs: {
  endpoint: string;
  key: string;
  secret: string;
}): Promise<XapiStatement[]> {
  const origin = new URL(lrs.endpoint).origin;
  const headers = {
    authorization: `Basic ${Buffer.from(`${lrs.key}:${lrs.secret}`).toString('base64')}`,
    'X-Experience-API-Version': '1.0.3',
  };
  const all: XapiStatement[] = [];
  let url: string | undefined = `${lrs.endpoint}statements?limit=500`;
  while (url) {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`the LRS answered ${response.status}`);
    const page = (await response.json()) as { statements: XapiStatement[]; more?: string };
    all.push(...page.statements);
    url = page.more ? new URL(page.more, origin).toString() : undefined;
  }
  return all;
}
