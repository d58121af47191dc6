import { demoTenant } from '../../sandbox/demoOrganisation.ts';
import type { RunningSimulator } from '../../sandbox/tenantSimulator/index.ts';
import { withCalendar, type AppDeps, type Composed } from '../../src/compose.ts';
import { GraphCalendarBooker } from '../../src/graph/calendarBooker.ts';
import { GraphClients } from '../../src/graph/graphClients.ts';
import { graphSettingsFor, simControl } from './directoryFixtures.ts';
import type { SentActivity } from './fakeConnector.ts';
import { rememberChat } from './learningFixtures.ts';
import { demo as demoIds, demoPersonRows } from './tabApi.ts';

/** The demo organisation (tabApi.ts) with its tenant: Alex → Adele → Megan; Lynne → Adele. */
export const demo = { ...demoIds, tenantId: demoTenant.id };

/** Everyone of the demo organisation stored and reachable through the fake connector. */
export async function seedDemoTeam(composed: Composed, connectorUrl: string): Promise<void> {
  for (const person of demoPersonRows()) {
    await composed.deps.people.upsert(person);
    await rememberChat(composed, person, connectorUrl);
  }
}

/**
 * The composed deps with the Graph calendar; cards go on the outbound pipeline (a test sends them
 * with a consumer in its process, inProcessOutbound, to the fake connector).
 */
export function managersDepsFor(composed: Composed, sim: RunningSimulator): AppDeps {
  return withCalendar(composed.deps, new GraphCalendarBooker(new GraphClients(graphSettingsFor(sim))));
}

/** Cards the fake connector received in one person's chat (conversation id a:{userId}). */
export function cardsTo(sent: SentActivity[], userId: string): unknown[] {
  return sent
    .filter((s) => s.conversationId === `a:${userId}`)
    .flatMap((s) => (s.activity.attachments ?? []).map((a) => a.content));
}

export async function eventsOf(sim: RunningSimulator, userId: string) {
  return (
    await simControl<{
      value: Array<{ id: string; subject: string; transactionId: string; start: { dateTime: string } }>;
    }>(sim, `/events?user=${userId}`)
  ).value;
}
