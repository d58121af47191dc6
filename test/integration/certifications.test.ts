// Certifications through time on real storage: the worker's daily sweep, moved by the sandbox clock,
// sends each notice through the bot to a Teams connector stand-in, over two whole cycles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { withCalendar } from '../../src/compose.ts';
import { composeCertificates } from '../../src/composeCertificates.ts';
import type { RunningDrypp } from '../../src/main.ts';
import { assignCertification } from '../../src/usecases/certificates/assignCertification.ts';
import type { CertificatesDeps } from '../../src/usecases/certificates/certificatesDeps.ts';
import { recordProgramCompletion } from '../../src/usecases/certificates/recordProgramCompletion.ts';
import { sweepCertifications } from '../../src/usecases/certificates/sweepCertifications.ts';
import { FakeOutboundPipeline } from '../../src/usecases/delivery/testing/fakes.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { runDrypp, runDryppLauncher, type DryppRun } from '../support/dryppCli.ts';
import { startFakeConnector, type SentActivity } from '../support/fakeConnector.ts';
import { composeForTest, rememberChat, testPerson } from '../support/learningFixtures.ts';
import { alwaysWorkingEnv, startTestDrypp } from '../support/testDrypp.ts';

const DAY = 86_400_000;
const tenantId = '77777777-7777-7777-7777-777777777777';
const manager = testPerson(tenantId, 2, { displayName: 'Adele Vance' });
const maja = testPerson(tenantId, 1, { displayName: 'Maja Berg', managerId: manager.id });
let azurite: AzuriteInstance;
let drypp: RunningDrypp;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let composed: Awaited<ReturnType<typeof composeForTest>>;
let deps: CertificatesDeps;
const outbound = new FakeOutboundPipeline();

beforeAll(async () => {
  azurite = await startTestAzurite();
  connector = await startFakeConnector();
  composed = await composeForTest(azurite.connectionString, alwaysWorkingEnv);
  drypp = await startTestDrypp(azurite.connectionString, {
    ...alwaysWorkingEnv,
    DRYPP_MAX_CARDS_PER_DAY: '50',
  });
  for (const person of [maja, manager]) {
    await composed.deps.people.upsert(person);
    await rememberChat(composed, person, connector.url);
  }
  // The test's own hand on the records (assigning, completing): notices from it are only counted here;
  // everything the sweep sends goes out from the Drypp worker, through the bot, to the connector.
  const app = withCalendar(composed.deps);
  deps = composeCertificates(composed, app, outbound).deps;
}, 60_000);
afterAll(async () => {
  await drypp?.stop();
  await connector?.stop();
  await azurite?.child.stop();
});

function textOf(s: SentActivity): string {
  return JSON.stringify(s.activity.attachments?.[0]?.content ?? '');
}

/** Cards to `person` sent after the first `after`, containing `text`, waited for until a deadline. */
async function waitForCards(
  person: { id: string },
  texts: string[],
  after: number,
  ms = 20_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const mine = connector.sent.slice(after).filter((s) => s.conversationId === `a:${person.id}`);
    const missing = texts.filter((t) => !mine.some((s) => textOf(s).includes(t)));
    if (missing.length === 0) return;
    if (Date.now() > deadline) throw new Error(`no card with ${missing.join(', ')} arrived`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Polls `read` until `check` holds, to a deadline: the worker writes after it sends. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not so: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function travel(days: number): Promise<void> {
  await composed.adjustableClock!.advance(days * DAY);
}

async function complete(programId: string) {
  await composed.adjustableClock!.refresh();
  return recordProgramCompletion(deps, {
    tenantId,
    userId: maja.id,
    programId,
    at: composed.deps.clock.now(),
  });
}

const cliOptions = () => ({
  env: { ...process.env, DRYPP_MODE: 'test', DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString },
});
/** `drypp` on this test's storage, in-process through the real command tree. */
const dryppCli = (args: string[]): Promise<DryppRun> => runDrypp(args, cliOptions());
/** The real `node bin/drypp.js` process, for the one call that proves the launcher itself. */
const dryppLauncher = (args: string[]): Promise<DryppRun> => runDryppLauncher(args, cliOptions());

const record = () => composed.certificates.store.get(tenantId, maja.id, 'smoke-diving');
const certificateCards = (text: string) =>
  connector.sent.filter((s) => s.conversationId === `a:${maja.id}` && textOf(s).includes(text)).length;

describe('a smoke-diving certificate over two cycles, with the sandbox clock', () => {
  it('assigned: enrolled in the full course, reminded before the due date by the worker', async () => {
    const assigned = await assignCertification(deps, {
      person: maja,
      certificationId: 'smoke-diving',
      assignedBy: 'test',
    });
    expect(assigned.kind).toBe('assigned');
    expect(await composed.deps.enrollments.get(tenantId, maja.id, 'smoke-diving-course')).toMatchObject({
      status: 'active',
    });
    const before = connector.sent.length;
    await travel(47); // due in 60 days: the 14-day reminder's day has come
    await waitForCards(maja, ['Smoke diver: due in 14 days'], before);
  });

  it('certified, then the window opens with the refresher and the 30-day reminder', async () => {
    const [result] = await complete('smoke-diving-course');
    expect(result).toMatchObject({ kind: 'certified', cycle: { n: 1, basis: 'first' } });
    const validUntil = (await record())!.cycles[0]!.validUntil;
    const before = connector.sent.length;
    await travel(365 - 60 + 1); // into the window
    await waitForCards(maja, ['Time to renew: Smoke diver'], before);
    await eventually(
      () => composed.deps.enrollments.get(tenantId, maja.id, 'smoke-diving-refresher'),
      (e) => e?.status === 'active',
    );
    await travel(30);
    await waitForCards(maja, ['Smoke diver expires in 30 days'], before);
    await eventually(record, (r) => r?.status === 'renewalOpen');
    expect(validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('the certificate verifies at /verify/<code> without sign-in, with what the certificate shows', async () => {
    const code = (await record())!.cycles[0]!.verificationCode!;
    expect(code).toMatch(/^[A-Z2-7]{26}$/);
    const answer = await fetch(`http://127.0.0.1:${drypp.port}/verify/${code.toLowerCase()}?lang=nb`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      status: 'valid',
      holder: 'Maja Berg',
      certification: 'Røykdykker',
      certifiedOn: (await record())!.cycles[0]!.certifiedOn,
      validUntil: (await record())!.cycles[0]!.validUntil,
    });
    const pdf = await fetch(`http://127.0.0.1:${drypp.port}/verify/${code}/certificate.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    for (const wrong of [`${code.slice(0, -1)}A`, 'not-a-code', `${code}${code}`]) {
      const refused = await fetch(`http://127.0.0.1:${drypp.port}/verify/${wrong}`);
      expect(refused.status).toBe(404);
    }
  });

  it('drypp certificates status lists it, with --expiring and as CSV; a bad --expiring is refused', async () => {
    const listed = await dryppCli([
      'certificates',
      'status',
      '--tenant',
      tenantId,
      '--user',
      maja.userPrincipalName,
    ]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      /learner1@example\.test {2}smoke-diving {2}renewalOpen {2}valid until \d{4}-\d{2}-\d{2}/,
    );
    const soon = await dryppCli([
      'certificates',
      'status',
      '--tenant',
      tenantId,
      '--expiring',
      '60d',
      '--csv',
    ]);
    expect(soon.stdout.trimEnd().split(/\r?\n/)).toEqual([
      'user,name,department,certification,certification title,status,valid until,days left,due on,cycles',
      expect.stringMatching(
        /^learner1@example\.test,Maja Berg,[^,]*,smoke-diving,[^,]+,renewalOpen,\d{4}-\d{2}-\d{2},\d+,\d{4}-\d{2}-\d{2},1$/,
      ),
    ]);
    const none = await dryppCli(['certificates', 'status', '--tenant', tenantId, '--expiring', '7d']);
    expect(none.stdout).toContain('No certification records match.');
    const bad = await dryppLauncher(['certificates', 'status', '--tenant', tenantId, '--expiring', 'soon']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).not.toMatch(/^\s+at /m);
    expect(bad.stderr).toContain('--expiring must be a number of days');
  });

  it('renewed on time: the next expiry counts from the previous one', async () => {
    const first = (await record())!.cycles[0]!;
    const [renewed] = await complete('smoke-diving-refresher');
    expect(renewed).toMatchObject({ kind: 'certified', cycle: { n: 2, basis: 'renewal', via: 'refresher' } });
    const cycles = (await record())!.cycles;
    expect(cycles[0]?.ended?.how).toBe('renewed');
    expect(Date.parse(cycles[1]!.validUntil) - Date.parse(first.validUntil)).toBeGreaterThanOrEqual(
      365 * DAY,
    );
  });

  it('expires after the second cycle: the person and the manager are told, once each', async () => {
    const before = connector.sent.length;
    // a year and a bit in one jump: window, reminders and the expiry all fall due meanwhile
    await travel(400);
    await waitForCards(maja, ['Smoke diver has expired'], before);
    await waitForCards(manager, ['Maja Berg: Smoke diver has expired'], before);
    await eventually(record, (r) => r?.status === 'expired');
    // nothing left to sweep for this record: a sweep now reads no check of it
    const report = await sweepCertifications(deps, tenantId);
    expect(report.checked).toBe(0);
    expect(certificateCards('Smoke diver has expired')).toBe(1);
    // the second certificate's code now answers "expired"
    const code = (await record())!.cycles[1]!.verificationCode!;
    const answer = await fetch(`http://127.0.0.1:${drypp.port}/verify/${code}`);
    expect(await answer.json()).toMatchObject({ status: 'expired', holder: 'Maja Berg' });
  });

  it('a late renewal counts from its own day; the refresher alone is not enough', async () => {
    await travel(20);
    expect(await complete('smoke-diving-refresher')).toEqual([
      { certificationId: 'smoke-diving', kind: 'needsFullProgram' },
    ]);
    const [late] = await complete('smoke-diving-course');
    expect(late).toMatchObject({ kind: 'certified', cycle: { n: 3, basis: 'afterExpiry' } });
    const cycles = (await record())!.cycles;
    expect(cycles.map((c) => c.ended?.how)).toEqual(['renewed', 'expired', undefined]);
  });
});
