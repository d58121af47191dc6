// Live sessions and the practical exercise on the real adapters: Azurite, the tenant simulator's
// Graph calendar (msal-node + the Graph client), the bot endpoint of a web-only Drypp for the card
// actions and /verify, and the outbound pipeline's consumer in this process to a fake connector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { seedFromDemoOrganisation, type RunningSimulator } from '../../sandbox/tenantSimulator/index.ts';
import { sessionCalendarText } from '../../src/cards/sessions/presenters/calendarText.ts';
import { withCalendar } from '../../src/compose.ts';
import { composeCertificates } from '../../src/composeCertificates.ts';
import type { Actor } from '../../src/domain/access/index.ts';
import { GraphClients } from '../../src/graph/graphClients.ts';
import { GraphSessionCalendar } from '../../src/graph/sessionCalendar.ts';
import type { RunningDrypp } from '../../src/main.ts';
import { messagesFor } from '../../src/messages/catalog.ts';
import { assignCertification } from '../../src/usecases/certificates/assignCertification.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import { markAttendance } from '../../src/usecases/sessions/markAttendance.ts';
import { cancelSession, pickSession } from '../../src/usecases/sessions/pickSession.ts';
import type { SessionCalendarDeps } from '../../src/usecases/sessions/sessionsDeps.ts';
import { syncSessionCalendars } from '../../src/usecases/sessions/syncSessionCalendars.ts';
import { personalActivity } from '../support/activities.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { graphSettingsFor, simControl, startSimulator } from '../support/directoryFixtures.ts';
import { startFakeConnector } from '../support/fakeConnector.ts';
import { inProcessOutbound } from '../support/inProcessOutbound.ts';
import { composeForTest, testPerson } from '../support/learningFixtures.ts';
import { cardsTo, demo, seedDemoTeam } from '../support/managersFixtures.ts';
import { demoPersonRows } from '../support/tabApi.ts';
import { startTestDrypp } from '../support/testDrypp.ts';

const programId = 'smoke-diving-course';
const drill = 'smoke-diving-drill';
const exercise = 'smoke-diving-exercise';
const tenantId = demo.tenantId;
const alexPerson = demoPersonRows().find((p) => p.id === demo.alex)!;
/** Nine colleagues of the demo tenant who race for the eight places of one session. */
const crew = Array.from({ length: 9 }, (_, i) =>
  testPerson(tenantId, 100 + i, { displayName: `Crew ${i}`, managerId: demo.adele }),
);

let azurite: AzuriteInstance;
let sim: RunningSimulator;
let drypp: RunningDrypp;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let composed: Awaited<ReturnType<typeof composeForTest>>;
let deps: SessionCalendarDeps;
let outbound: ReturnType<typeof inProcessOutbound>;

beforeAll(async () => {
  azurite = await startTestAzurite();
  sim = await startSimulator([seedFromDemoOrganisation()]);
  connector = await startFakeConnector();
  composed = await composeForTest(azurite.connectionString);
  // Web only: the card actions and /verify; the calendar job and the outbound consumer run here.
  drypp = await startTestDrypp(azurite.connectionString, { DRYPP_ROLES: 'web', DRYPP_TENANTS: tenantId });
  await seedDemoTeam(composed, connector.url);
  const app = withCalendar(composed.deps);
  const certificates = composeCertificates(composed, app, composed.deps.outbound);
  app.completions = certificates.completions;
  deps = {
    ...app,
    sessions: composed.sessions,
    calendar: new GraphSessionCalendar(new GraphClients(graphSettingsFor(sim))),
  };
  outbound = inProcessOutbound(composed, { kinds: [certificates.noticeKind] });
  // Alex is assigned the smoke-diving certification (its full course); he has done the lesson and
  // the quiz, and the drill's and the exercise's cards were sent (what the scheduler records).
  const assigned = await assignCertification(certificates.deps, {
    person: alexPerson,
    certificationId: 'smoke-diving',
    assignedBy: 'test',
  });
  expect(assigned.kind).toBe('assigned');
  await setSteps(demo.alex, { 'smoke-diving-safely': 'done', 'smoke-diving-quiz': 'done' });
  await setSteps(demo.alex, { [drill]: 'sent', [exercise]: 'sent' });
  for (const person of crew) {
    await composed.deps.people.upsert(person);
    expect((await enrollPerson(composed.deps, { person, programId })).kind).toBe('enrolled');
    await setSteps(person.id, { [drill]: 'sent' });
  }
}, 90_000);
afterAll(async () => {
  await drypp?.stop();
  await connector?.stop();
  await sim?.stop();
  await azurite?.child.stop();
});

async function setSteps(userId: string, statuses: Record<string, 'sent' | 'done'>) {
  const now = composed.deps.clock.now().toISOString();
  for (const [stepId, status] of Object.entries(statuses)) {
    const state = (await composed.deps.steps.get(tenantId, userId, programId, stepId))!;
    const next = { ...state, status, sentAt: now, ...(status === 'done' ? { doneAt: now } : {}) };
    expect(await composed.deps.steps.update(next)).toBe('updated');
  }
}

const learner = (userId: string): Actor => ({ tenantId, userId, roles: ['learner'] });
const request = (userId: string) => ({
  actor: learner(userId),
  tenantId,
  programId,
  programVersion: 1,
  stepId: drill,
  learnerId: userId,
});
const pick = (userId: string, sessionId: string) => pickSession(deps, { ...request(userId), sessionId });
const sync = () => syncSessionCalendars(deps, sessionCalendarText, tenantId);
const booking = (userId = demo.alex) =>
  composed.sessions.bookings.getBooking({ tenantId, programId, stepId: drill, userId });

type SimEvent = {
  id: string;
  subject: string;
  transactionId: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  location?: { displayName: string; locationUri?: string };
};
/** The events stored in Alex's calendar in the simulator: he is the one the invitation is for. */
const alexEvents = async () =>
  (await simControl<{ value: SimEvent[] }>(sim, `/events?user=${demo.alex}`)).value.filter((e) =>
    e.transactionId?.startsWith('drypp-session-'),
  );

/** A card action through the bot endpoint, as Teams sends it for `userId`'s click. */
async function click(userId: string, verb: string, data: Record<string, unknown>) {
  const res = await fetch(`http://127.0.0.1:${drypp.port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      personalActivity(
        connector.url,
        { tenantId, userId },
        {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data } },
        },
      ),
    ),
  });
  expect(res.status).toBe(200);
  return JSON.stringify(await res.json());
}

type SessionTexts = ReturnType<typeof messagesFor>['sessions'];
/** Whether an answer says `text` in one of the languages (the demo people read nb or en). */
function says(answer: string, text: (t: SessionTexts) => string): boolean {
  return (['en', 'nb', 'sv'] as const).some((l) => answer.includes(text(messagesFor(l).sessions)));
}

describe('live sessions: the invitation in the calendar follows the booking', () => {
  it('a pick creates one event in Alex’s calendar (time, zone, place), though the job runs twice', async () => {
    expect(await pick(demo.alex, '2027-02-09-morning')).toMatchObject({ kind: 'booked', changed: false });
    await Promise.all([sync(), sync()]);
    await sync();
    const events = await alexEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: (await booking())!.eventId,
      subject: expect.stringContaining('smoke-diving drill'),
      start: { dateTime: '2027-02-09T09:00:00', timeZone: 'Europe/Oslo' },
      end: { dateTime: '2027-02-09T12:00:00', timeZone: 'Europe/Oslo' },
      location: { displayName: 'The training building, main fire station' },
    });
    expect(await booking()).toMatchObject({ status: 'booked', revision: 1, syncedRevision: 1 });
    // Picking the same session again changes nothing, and the calendar is left alone.
    expect(await pick(demo.alex, '2027-02-09-morning')).toMatchObject({
      kind: 'notPicked',
      problem: 'alreadyBooked',
    });
    expect(await sync()).toEqual({ created: 0, updated: 0, removed: 0, retried: 0, failed: 0 });
  });

  it('a change moves the same event to the online session, with the Teams link; the seat moves too', async () => {
    const eventId = (await booking())!.eventId;
    expect(await pick(demo.alex, '2027-04-20-briefing')).toMatchObject({ kind: 'booked', changed: true });
    expect((await sync()).updated).toBe(1);
    const events = await alexEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: eventId,
      start: { dateTime: '2027-04-20T13:00:00', timeZone: 'Europe/Oslo' },
      location: { locationUri: 'https://teams.microsoft.com/l/meetup-join/drypp-demo-smoke-diving-briefing' },
    });
    const { seats } = await composed.sessions.bookings.load({
      tenantId,
      programId,
      stepId: drill,
      userId: demo.alex,
    });
    expect(Object.fromEntries(seats.map((s) => [s.sessionId, s.taken]))).toMatchObject({
      '2027-02-09-morning': 0,
      '2027-04-20-briefing': 1,
    });
  });

  it('a cancel deletes the event; cancelling again and the job again change nothing', async () => {
    expect((await cancelSession(deps, request(demo.alex))).kind).toBe('cancelled');
    expect((await sync()).removed).toBe(1);
    expect(await alexEvents()).toEqual([]);
    expect((await cancelSession(deps, request(demo.alex))).kind).toBe('offers');
    expect(await sync()).toEqual({ created: 0, updated: 0, removed: 0, retried: 0, failed: 0 });
    expect(await booking()).toMatchObject({ status: 'cancelled' });
    expect((await booking())?.eventId).toBeUndefined();
  });

  it('nine people race for eight places: eight get one, the ninth is told the session is full', async () => {
    const answers = await Promise.all(crew.map((p) => pick(p.id, '2027-03-16-morning')));
    expect(answers.filter((a) => a.kind === 'booked')).toHaveLength(8);
    const refused = answers.filter((a) => a.kind !== 'booked');
    expect(refused).toMatchObject([{ kind: 'notPicked', problem: 'full' }]);
    const { seats } = await composed.sessions.bookings.load({
      tenantId,
      programId,
      stepId: drill,
      userId: demo.alex,
    });
    expect(seats.find((s) => s.sessionId === '2027-03-16-morning')?.taken).toBe(8);
    // Alex asks for it too, through the card: the answer says why, and nothing is booked.
    const { actor: _a, ...data } = request(demo.alex);
    const answer = await click(demo.alex, 'session.pick', { ...data, sessionId: '2027-03-16-morning' });
    expect(says(answer, (t) => t.problems.full)).toBe(true);
    expect(await booking()).toMatchObject({ status: 'cancelled' });
  });
});

describe('attendance and the exercise count toward the certificate', () => {
  const caller = (userId: string) => ({ tenantId, userId });
  const ref = { learnerId: demo.alex, programId, stepId: drill, sessionId: '2027-02-09-morning' };
  const stepStatus = async (stepId: string) =>
    (await composed.deps.steps.get(tenantId, demo.alex, programId, stepId))?.status;
  const record = () => composed.certificates.store.get(tenantId, demo.alex, 'smoke-diving');
  const certifiedCards = () =>
    cardsTo(connector.sent, demo.alex).filter((c) =>
      /(You are certified|Du er sertifisert|Du är certifierad)/.test(JSON.stringify(c)),
    ).length;

  it('attendance waits for the session to begin, and only its instructor or Alex’s manager may mark it', async () => {
    expect((await pick(demo.alex, '2027-02-09-morning')).kind).toBe('booked');
    expect((await sync()).created).toBe(1); // a new event: the old one was deleted with the cancel
    expect(await markAttendance(deps, caller(demo.isaiah), ref, true)).toEqual({ kind: 'notStarted' });
    // 10:00 in Oslo on the day: the drill began an hour ago.
    const now = composed.deps.clock.now().getTime();
    await composed.adjustableClock!.advance(Date.parse('2027-02-09T09:00:00Z') - now);
    for (const stranger of [demo.lynne, demo.patti, demo.alex])
      expect(await markAttendance(deps, caller(stranger), ref, true)).toEqual({ kind: 'notAllowed' });
    // The same refusal through the roster card's verb, whatever the card data says.
    const forged = await click(demo.lynne, 'session.markAttendance', { ...ref, attended: 'yes' });
    expect(says(forged, (t) => t.roster.notAllowed)).toBe(true);
    expect(await booking()).toMatchObject({ status: 'booked' });
    expect(await stepStatus(drill)).toBe('sent');
  });

  it('the manager marks "did not attend", the instructor then "attended": the step is done, once', async () => {
    expect(await markAttendance(deps, caller(demo.adele), ref, false)).toMatchObject({
      kind: 'marked',
      attended: false,
    });
    expect(await stepStatus(drill)).toBe('sent');
    expect(await markAttendance(deps, caller(demo.isaiah), ref, true)).toMatchObject({
      kind: 'marked',
      attended: true,
      programCompleted: false,
    });
    expect(await booking()).toMatchObject({ status: 'attended', markedBy: demo.isaiah });
    expect(await stepStatus(drill)).toBe('done');
    // Replayed: nothing more; and "did not attend" no longer undoes it.
    expect(await markAttendance(deps, caller(demo.isaiah), ref, true)).toMatchObject({ kind: 'marked' });
    expect(await markAttendance(deps, caller(demo.adele), ref, false)).toEqual({ kind: 'alreadyAttended' });
    expect(await booking()).toMatchObject({ status: 'attended' });
  });

  it('only the named assessor signs off the exercise, never Alex himself nor his manager', async () => {
    const data = { programId, programVersion: 1, stepId: exercise, learnerId: demo.alex };
    for (const who of [demo.alex, demo.adele, demo.lynne]) {
      expect(says(await click(who, 'exercise.signOff', data), (t) => t.exercise.notYours)).toBe(true);
    }
    expect(await stepStatus(exercise)).toBe('sent');
    expect((await record())?.status).not.toBe('certified');
  });

  it('the assessor signs off: certified, the certificate card arrives once, its PDF verifies', async () => {
    const data = { programId, programVersion: 1, stepId: exercise, learnerId: demo.alex };
    expect(
      says(await click(demo.patti, 'exercise.signOff', data), (t) => t.exercise.signedOff('Alex Wilber')),
    ).toBe(true);
    expect(await stepStatus(exercise)).toBe('done');
    expect(await record()).toMatchObject({ status: 'certified' });
    await outbound.drainUntil('the certificate card', async () => certifiedCards() === 1);
    // The assessor's second click (a replay) signs off nothing more and sends no second card.
    expect(says(await click(demo.patti, 'exercise.signOff', data), (t) => t.exercise.already)).toBe(true);
    await outbound.drain();
    expect(certifiedCards()).toBe(1);
    expect((await record())!.cycles).toHaveLength(1);

    const code = (await record())!.cycles[0]!.verificationCode!;
    const verified = await fetch(`http://127.0.0.1:${drypp.port}/verify/${code}`);
    expect(await verified.json()).toMatchObject({
      status: 'valid',
      holder: 'Alex Wilber',
      certification: 'Smoke diver',
    });
    const pdf = await fetch(`http://127.0.0.1:${drypp.port}/verify/${code}/certificate.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
