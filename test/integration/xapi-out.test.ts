import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { startLrs, type LrsInstance } from '../../sandbox/lrs/lrs.ts';
import { learningRecordQueue, learningRecordSenderDeps } from '../../src/composePrivacy.ts';
import type { Composed } from '../../src/compose.ts';
import { loadConfig } from '../../src/config/config.ts';
import { xapiVerbs } from '../../src/domain/privacy/xapiStatements.ts';
import { createLogger } from '../../src/log/logger.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import {
  acknowledgeGuideline,
  answerQuiz,
  completeLesson,
  confirmAttendance,
  submitReflection,
} from '../../src/usecases/learning/answerStep.ts';
import {
  sendLearningRecords,
  type SendLearningRecordsDeps,
} from '../../src/usecases/privacy/sendLearningRecords.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { startFaultProxy } from '../support/faultProxy.ts';
import { composeForTest, testPerson } from '../support/learningFixtures.ts';
import { enrollWithCardsSent, statementsInLrs, stepRequest } from '../support/xapiFixtures.ts';
import { xapiProblems } from '../support/xapiValidation.ts';
import { failing } from '../support/failing.ts';

/**
 * Answers to cards reach a real learning record store (Learning Locker's xapi-statements) as valid
 * xAPI statements for the person's pseudonym, through the Storage queue; a record sent twice is stored
 * once; while the LRS is down nothing is lost, and it catches up when it is back.
 */
const tenantId = '77777777-7777-7777-7777-777777777777';
let azurite: AzuriteInstance;
let lrs: LrsInstance;
let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
let short: Composed;
let everyKind: Composed;
let sender: SendLearningRecordsDeps;
const log = createLogger('silent');

beforeAll(async () => {
  azurite = await startTestAzurite();
  lrs = await startLrs();
  proxy = await startFaultProxy(Number(new URL(lrs.endpoint).port));
  const env = {
    DRYPP_XAPI_ENDPOINT: `http://127.0.0.1:${proxy.port}/xAPI/`,
    DRYPP_XAPI_USERNAME: lrs.key,
    DRYPP_XAPI_PASSWORD: lrs.secret,
  };
  short = await composeForTest(azurite.connectionString, {
    ...env,
    DRYPP_CONTENT_DIR: 'test/fixtures/content',
  });
  everyKind = await composeForTest(azurite.connectionString, {
    ...env,
    DRYPP_CONTENT_DIR: 'test/fixtures/content-every-kind',
  });
  const config = loadConfig({
    DRYPP_MODE: 'test',
    DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
    ...env,
  });
  sender = learningRecordSenderDeps(config.xapi!, short.storage, short.deps.catalog, log);
});
afterAll(async () => {
  await proxy?.stop();
  await lrs?.child.stop();
  await azurite?.child.stop();
});

/** Rounds of the sender until a round finds nothing to send. */
async function sendAll(): Promise<number> {
  let records = 0;
  for (;;) {
    const round = await sendLearningRecords(sender, { visibilitySeconds: 1 });
    if (round.lrsUnavailable) throw new Error('the LRS was unavailable');
    records += round.records;
    if (round.records + round.refused + round.dropped === 0) return records;
  }
}

async function pseudonymOf(person: { id: string }): Promise<string> {
  const row = await short.storage
    .table(tableNames.xapiPseudonyms)
    .getEntity<{ pseudonym: string }>(tenantId, person.id);
  return row.pseudonym;
}

const learner = testPerson(tenantId, 1, {
  displayName: 'Maja Berg',
  userPrincipalName: 'maja.berg@example.test',
});

describe('xAPI statements out', () => {
  it('sends lessons, quiz attempts, sessions, guidelines and completed programs as valid statements for the pseudonym', async () => {
    await enrollWithCardsSent(short, learner, 'e2e-short');
    await enrollWithCardsSent(everyKind, learner, 'every-kind');
    expect((await completeLesson(short.deps, stepRequest(learner, 'e2e-short', 'first-lesson'))).kind).toBe(
      'done',
    );
    const quiz = await answerQuiz(short.deps, {
      ...stepRequest(learner, 'e2e-short', 'check'),
      attempt: 1,
      selected: { report: [1] },
    });
    expect(quiz.kind).toBe('quizScored');
    const reflection = await submitReflection(short.deps, {
      ...stepRequest(learner, 'e2e-short', 'think'),
      text: 'I will lock my phone.',
      share: false,
    });
    expect(reflection).toMatchObject({ kind: 'done', programCompleted: true });
    const ek = (stepId: string) => stepRequest(learner, 'every-kind', stepId);
    await answerQuiz(everyKind.deps, { ...ek('answer-this'), attempt: 1, selected: { colour: [1] } });
    await answerQuiz(everyKind.deps, { ...ek('answer-this'), attempt: 2, selected: { colour: [0] } });
    await acknowledgeGuideline(everyKind.deps, { ...ek('acknowledge-this'), textVersion: '3' });
    await confirmAttendance(everyKind.deps, ek('attend-and-confirm'));

    expect(await sendAll()).toBe(7);
    const stored = await statementsInLrs(lrs);
    const pseudonym = await pseudonymOf(learner);
    expect(
      stored.map((s) => `${s.verb.id.split('/').pop()} ${s.object.id.split('/programs/')[1]}`).sort(),
    ).toEqual(
      [
        'experienced e2e-short/steps/first-lesson',
        'answered e2e-short/steps/check',
        'failed e2e-short/steps/check',
        'completed e2e-short',
        'answered every-kind/steps/answer-this',
        'answered every-kind/steps/answer-this',
        'passed every-kind/steps/answer-this',
        'acknowledged every-kind/steps/acknowledge-this',
        'attended every-kind/steps/attend-and-confirm',
      ].sort(),
    );
    for (const s of stored) {
      const { stored: _s, authority: _a, ...sent } = s as typeof s & { stored?: string; authority?: unknown };
      expect(xapiProblems(sent)).toEqual([]);
      expect(s.actor.account).toEqual({ homePage: `https://drypp.app/tenants/${tenantId}`, name: pseudonym });
    }
    const text = JSON.stringify(stored);
    for (const trace of [learner.id, learner.displayName, 'Maja', learner.userPrincipalName, 'lock my phone'])
      expect(text).not.toContain(trace);
    expect(stored.find((s) => s.verb.id === xapiVerbs.passed)?.result).toEqual({
      score: { scaled: 1 },
      success: true,
      completion: true,
    });
  });

  it('stores a record sent again (a worker that died after the POST) once', async () => {
    const before = await statementsInLrs(lrs);
    const queue = learningRecordQueue(short.storage, log);
    const again = {
      tenantId,
      personId: learner.id,
      at: '2026-11-30T09:00:00.000Z',
      events: [{ kind: 'programCompleted' as const, programId: 'every-kind' }],
    };
    await queue.add(again);
    await queue.add(again);
    expect(await sendAll()).toBe(2);
    await queue.add(again);
    expect(await sendAll()).toBe(1);
    const after = await statementsInLrs(lrs);
    expect(after.length).toBe(before.length + 1);
    expect(new Set(after.map((s) => s.id)).size).toBe(after.length);
  });

  it('loses nothing while the LRS is down, and catches up when it is back', async () => {
    const before = (await statementsInLrs(lrs)).length;
    await proxy.down();
    const people = [2, 3, 4].map((n) => testPerson(tenantId, n));
    for (const p of people) {
      await enrollWithCardsSent(short, p, 'e2e-short');
      await completeLesson(short.deps, stepRequest(p, 'e2e-short', 'first-lesson'));
    }
    // Down for a while: every round finds the LRS unavailable and acknowledges nothing.
    const deadline = Date.now() + 4000;
    let rounds = 0;
    while (Date.now() < deadline) {
      const round = await sendLearningRecords(sender, { visibilitySeconds: 1 });
      expect(round.records).toBe(0);
      if (round.lrsUnavailable) rounds++;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(rounds).toBeGreaterThan(1);
    await proxy.up();
    const until = Date.now() + 20_000;
    let sent = 0;
    while (sent < 3 && Date.now() < until) {
      sent += (await sendLearningRecords(sender, { visibilitySeconds: 1 })).records;
      await new Promise((r) => setTimeout(r, 200));
    }
    const after = await statementsInLrs(lrs);
    expect(after.length).toBe(before + 3);
    const names = new Set(await Promise.all(people.map(pseudonymOf)));
    expect(after.filter((s) => names.has(s.actor.account.name)).map((s) => s.verb.id)).toEqual([
      xapiVerbs.experienced,
      xapiVerbs.experienced,
      xapiVerbs.experienced,
    ]);
  });

  it('loses no statement when the process dies saving the answer, and speaks the learner’s language', async () => {
    const nora = testPerson(tenantId, 5, { preferredLanguage: 'nb-NO' });
    await enrollWithCardsSent(short, nora, 'e2e-short');
    const lesson = { ...stepRequest(nora, 'e2e-short', 'first-lesson'), language: 'nb' };
    const steps = () => short.deps.steps.listForEnrollment(tenantId, nora.id, 'e2e-short');
    const lessonStatus = async () => (await steps()).find((s) => s.stepId === 'first-lesson')?.status;

    // Queueing fails: the answer is not saved either, so nothing is recorded without its statement.
    const noQueue = failing(short.deps.learningRecords!, 'add', () => true);
    await expect(completeLesson({ ...short.deps, learningRecords: noQueue }, lesson)).rejects.toThrow(
      'injected failure',
    );
    expect(await lessonStatus()).toBe('sent');

    // The save fails after the record was queued (the process dying there): the record goes out.
    const noSave = failing(short.deps.progress, 'saveStepAndEnrollment', () => true);
    await expect(completeLesson({ ...short.deps, progress: noSave }, lesson)).rejects.toThrow(
      'injected failure',
    );
    expect(await sendAll()).toBe(1);
    // Nora clicks again: saved now, and its record is the same statement, stored once.
    expect((await completeLesson(short.deps, lesson)).kind).toBe('done');
    expect(await lessonStatus()).toBe('done');
    expect(await sendAll()).toBe(1);
    const name = await pseudonymOf(nora);
    const hers = (await statementsInLrs(lrs)).filter((s) => s.actor.account.name === name);
    expect(hers.map((s) => s.verb.id)).toEqual([xapiVerbs.experienced]);
    expect(hers[0]!.context.language).toBe('nb');
    expect(hers[0]!.object.definition.name).toEqual({ nb: 'En første leksjon' });
  });
});
