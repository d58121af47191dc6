import { beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeGuideline } from './acknowledgeGuideline.ts';
import { correctGuideline, recallGuideline } from './correctOrRecall.ts';
import { createBroadcast, sendBroadcast, type NewBroadcastRequest } from './createBroadcast.ts';
import { fanOutBroadcasts } from './fanOutBroadcasts.ts';
import { sendBroadcastReminders } from './sendReminders.ts';
import { acknowledgementRatesOf, exportRecipients, showBroadcast } from './showBroadcasts.ts';
import { nudgeAboutGuideline, showTeamAcknowledgements } from './teamAcknowledgements.ts';
import {
  fakeBroadcastsDeps,
  hrActor,
  learnerActor,
  tenant,
  type FakeBroadcastsDeps,
} from './testing/fakes.ts';

const DAY = 86_400_000;
const content = {
  variants: {
    en: { title: 'Hand hygiene', body: 'Wash your hands for 20 seconds.' },
    nb: { title: 'Håndhygiene', body: 'Vask hendene i 20 sekunder.' },
  },
  defaultLanguage: 'en' as const,
};
const request = (over: Partial<NewBroadcastRequest> = {}): NewBroadcastRequest => ({
  id: 'b1',
  content,
  requiresAcknowledgement: true,
  audience: { expression: 'department:"Helse og omsorg"' },
  reminders: { afterDays: 2, maxReminders: 1 },
  send: {},
  ...over,
});
type Card = {
  view: {
    title: string;
    version: number;
    language: string;
    changeNote?: string;
    reminder?: number;
    nudgedBy?: string;
    acknowledgedAt?: string;
  };
};
const cardsTo = (deps: FakeBroadcastsDeps, userId: string) =>
  deps.sender.sent.filter((s) => s.userId === userId).map((s) => (s.card as Card).view);

let deps: FakeBroadcastsDeps;
beforeEach(() => {
  deps = fakeBroadcastsDeps();
});

async function sendAndDeliver(over: Partial<NewBroadcastRequest> = {}) {
  const created = await createBroadcast(deps, hrActor, request(over));
  expect(created.kind).toBe('created');
  await fanOutBroadcasts(deps, 'worker-1');
  await deps.outbound.drain();
}

describe('creating a broadcast', () => {
  it('is for HR admins only', async () => {
    expect(await createBroadcast(deps, learnerActor('alex'), request())).toEqual({ kind: 'notAllowed' });
    expect(deps.broadcasts.rows.all()).toEqual([]);
  });

  it('stores nothing when the content, the expression or an address is wrong, and says which', async () => {
    const bad = await createBroadcast(
      deps,
      hrActor,
      request({ content: { ...content, link: 'http://insecure.example' } }),
    );
    expect(bad).toEqual({ kind: 'invalidContent', problems: [{ path: 'link', problem: 'notHttps' }] });
    const syntax = await createBroadcast(deps, hrActor, request({ audience: { expression: 'department:' } }));
    expect(syntax.kind).toBe('invalid');
    const unmatched = await createBroadcast(
      deps,
      hrActor,
      request({ audience: { expression: 'department:IT', addressText: 'alex@k.example\nnobody@k.example' } }),
    );
    expect(unmatched.kind === 'unmatched' && unmatched.resolved.unmatchedAddresses).toEqual([
      'nobody@k.example',
    ]);
    const empty = await createBroadcast(
      deps,
      hrActor,
      request({ audience: { expression: 'department:IT and department:HR' } }),
    );
    expect(empty.kind).toBe('emptyAudience');
    expect(deps.broadcasts.rows.all()).toEqual([]);
    expect(deps.outbound.enqueued).toEqual([]);
  });

  it('leaves out what matches nobody only when asked to', async () => {
    const created = await createBroadcast(
      deps,
      hrActor,
      request({ audience: { addressText: 'alex@k.example, nobody@k.example' }, skipUnmatched: true }),
    );
    expect(created.kind === 'created' && created.broadcast.audience.addresses).toEqual(['alex@k.example']);
  });

  it('keeps a draft until it is sent, and a scheduled one until its time', async () => {
    await createBroadcast(deps, hrActor, request({ send: undefined }));
    await fanOutBroadcasts(deps, 'w');
    expect(deps.outbound.enqueued).toEqual([]);
    const at = new Date(deps.clock.now().getTime() + DAY);
    expect((await sendBroadcast(deps, hrActor, 'b1', at)).kind).toBe('scheduled');
    await fanOutBroadcasts(deps, 'w');
    expect(deps.outbound.enqueued).toEqual([]);
    deps.clock.advance(DAY);
    await fanOutBroadcasts(deps, 'w');
    expect(deps.outbound.enqueued.map((i) => i.userId).sort()).toEqual(['adele', 'alex', 'lynne']);
  });
});

describe('fanning out', () => {
  it("sends one card per person through the pipeline, in each person's language", async () => {
    await sendAndDeliver();
    expect(deps.outbound.enqueued.map((i) => [i.key, i.batchId])).toContainEqual(['broadcast|b1|alex', 'b1']);
    expect(cardsTo(deps, 'alex')).toMatchObject([{ title: 'Håndhygiene', language: 'nb', version: 1 }]);
    expect(cardsTo(deps, 'lynne')).toMatchObject([{ title: 'Hand hygiene', language: 'en' }]);
    const detail = await showBroadcast(deps, hrActor, 'b1');
    expect(
      detail.kind === 'detail' && [detail.overview.status, detail.overview.progress.counts.sent],
    ).toEqual(['sent', 3]);
  });

  it('after a crash half-way, the next round finishes it and nobody gets two cards', async () => {
    await createBroadcast(deps, hrActor, request());
    deps.outbound.enqueue = (() => {
      const real = deps.outbound.enqueue.bind(deps.outbound);
      let calls = 0;
      return async (items) => {
        if (++calls === 1) throw new Error('worker died while enqueueing');
        return real(items);
      };
    })();
    await expect(fanOutBroadcasts(deps, 'w')).rejects.toThrow('worker died');
    expect(deps.broadcasts.rows.get(`${tenant}|b1`)?.fannedOutAt).toBeUndefined();
    await fanOutBroadcasts(deps, 'w');
    await fanOutBroadcasts(deps, 'w');
    await deps.outbound.drain();
    expect(deps.sender.sent.map((s) => s.userId).sort()).toEqual(['adele', 'alex', 'lynne']);
    expect(deps.broadcasts.rows.get(`${tenant}|b1`)?.recipientCount).toBe(3);
  });
});

describe('acknowledging', () => {
  it("records the server's version once, with the time, and answers a second click the same", async () => {
    await sendAndDeliver();
    const first = await acknowledgeGuideline(deps, learnerActor('alex'), { broadcastId: 'b1', version: 1 });
    expect(first.kind).toBe('acknowledged');
    deps.clock.advance(60_000);
    const again = await acknowledgeGuideline(deps, learnerActor('alex'), { broadcastId: 'b1', version: 1 });
    expect(again.kind === 'alreadyAcknowledged' && again.card.acknowledgedAt).toBe(
      '2026-12-01T09:00:00.000Z',
    );
    expect(deps.recipients.rows.get(`${tenant}|b1|alex`)?.acknowledgements).toEqual([
      { version: 1, at: '2026-12-01T09:00:00.000Z' },
    ]);
  });

  it('records nothing for someone it was not sent to, or a card of another version', async () => {
    await sendAndDeliver();
    expect(
      (await acknowledgeGuideline(deps, learnerActor('isaiah'), { broadcastId: 'b1', version: 1 })).kind,
    ).toBe('notYours');
    const elsewhere = { ...learnerActor('alex'), tenantId: '11111111-2222-4333-8444-555555555555' };
    expect((await acknowledgeGuideline(deps, elsewhere, { broadcastId: 'b1', version: 1 })).kind).toBe(
      'notYours',
    );
    expect(
      (await acknowledgeGuideline(deps, learnerActor('alex'), { broadcastId: 'b1', version: 7 })).kind,
    ).toBe('outdated');
    expect(deps.recipients.rows.all().every((r) => r.acknowledgements.length === 0)).toBe(true);
  });

  it('runs again on what is stored when another write lands first', async () => {
    await sendAndDeliver();
    deps.recipients.faults.before('recipients.update', () => deps.recipients.rows.touch(`${tenant}|b1|alex`));
    const outcome = await acknowledgeGuideline(deps, learnerActor('alex'), { broadcastId: 'b1', version: 1 });
    expect(outcome.kind).toBe('acknowledged');
    expect(deps.recipients.faults.count('recipients.update')).toBe(2);
  });
});

describe('correcting and recalling', () => {
  it('a correction updates every sent card in place and asks for the new version', async () => {
    await sendAndDeliver();
    await acknowledgeGuideline(deps, learnerActor('alex'), { broadcastId: 'b1', version: 1 });
    const changed = {
      ...content,
      variants: { ...content.variants, en: { title: 'Hand hygiene', body: 'Wash for 30 seconds.' } },
    };
    const outcome = await correctGuideline(deps, hrActor, 'b1', changed, '30 seconds, not 20');
    expect(outcome.kind === 'corrected' && outcome.report).toEqual({ queued: 3, notSent: 0 });
    expect(deps.outbound.corrections.map((c) => [c.op, c.target.key]).sort()).toEqual([
      ['update', 'broadcast|b1|adele'],
      ['update', 'broadcast|b1|alex'],
      ['update', 'broadcast|b1|lynne'],
    ]);
    expect(
      (await acknowledgeGuideline(deps, learnerActor('alex'), { broadcastId: 'b1', version: 1 })).kind,
    ).toBe('outdated');
    const again = await acknowledgeGuideline(deps, learnerActor('alex'), { broadcastId: 'b1', version: 2 });
    expect(again.kind === 'acknowledged' && again.card).toMatchObject({
      version: 2,
      changeNote: '30 seconds, not 20',
    });
  });

  it('a recall deletes the sent cards and sends none of those still queued', async () => {
    await createBroadcast(deps, hrActor, request());
    await fanOutBroadcasts(deps, 'w');
    const first = [...deps.outbound.rows.values()].find((r) => r.userId === 'alex')!;
    Object.assign(first, { status: 'sent', sentAt: deps.clock.now().toISOString() });
    const outcome = await recallGuideline(deps, hrActor, 'b1');
    expect(outcome.kind === 'recalled' && outcome.report).toEqual({ queued: 1, notSent: 2 });
    await deps.outbound.drain();
    expect(deps.sender.sent).toEqual([]);
    expect((await deps.outbound.counts(tenant, 'b1')).byReason).toEqual({ recalled: 2 });
    expect((await recallGuideline(deps, hrActor, 'b1')).kind).toBe('notRecallable');
  });
});

describe('reminders', () => {
  it('go to those who have not acknowledged, after N days, at most M, each once', async () => {
    await sendAndDeliver();
    await acknowledgeGuideline(deps, learnerActor('alex'), { broadcastId: 'b1', version: 1 });
    deps.clock.advance(DAY);
    expect(await sendBroadcastReminders(deps, 'w')).toBe(0);
    deps.clock.advance(DAY + 6 * 60_000);
    expect(await sendBroadcastReminders(deps, 'w')).toBe(2);
    deps.clock.advance(10 * DAY);
    expect(await sendBroadcastReminders(deps, 'w')).toBe(0); // at most one
    await deps.outbound.drain();
    expect(cardsTo(deps, 'lynne').map((c) => c.reminder)).toEqual([undefined, 1]);
    expect(cardsTo(deps, 'alex')).toHaveLength(1);
    expect(deps.broadcasts.rows.get(`${tenant}|b1`)?.remindersSent).toBe(2);
  });
});

describe('what HR sees', () => {
  it('rates per department and manager, and an export of every recipient', async () => {
    await sendAndDeliver({ audience: { expression: 'org:megan@k.example' } });
    await acknowledgeGuideline(deps, learnerActor('alex'), { broadcastId: 'b1', version: 1 });
    const rates = await acknowledgementRatesOf(deps, hrActor, 'b1');
    expect(
      rates.kind === 'rates' && rates.byManager.map((r) => [r.label, r.acknowledged, r.recipients]),
    ).toEqual([
      ['Megan Bowen', 0, 2],
      ['', 0, 1],
      ['Adele Vance', 1, 2],
    ]);
    const exported = await exportRecipients(deps, hrActor, 'b1');
    expect(
      exported.kind === 'rows' &&
        exported.rows.map((r) => [r.recipient.address, r.delivery?.status, r.acknowledgedVersion]),
    ).toEqual([
      ['adele@k.example', 'sent', undefined],
      ['alex@k.example', 'sent', 1],
      ['isaiah@k.example', 'sent', undefined],
      ['lynne@k.example', 'sent', undefined],
      ['megan@k.example', 'sent', undefined],
    ]);
    expect(await exportRecipients(deps, learnerActor('alex'), 'b1')).toEqual({ kind: 'notAllowed' });
  });
});

describe('My team', () => {
  it('shows a manager who of their people has not acknowledged, and lets them nudge once a day', async () => {
    await sendAndDeliver();
    await acknowledgeGuideline(deps, learnerActor('alex'), { broadcastId: 'b1', version: 1 });
    const shown = await showTeamAcknowledgements(deps, { tenantId: tenant, userId: 'adele' });
    expect(
      shown.kind === 'shown' &&
        shown.guidelines.map((g) => g.notAcknowledged.map((n) => [n.recipient.userId, n.canNudge])),
    ).toEqual([[['lynne', true]]]);
    expect((await showTeamAcknowledgements(deps, { tenantId: tenant, userId: 'lynne' })).kind).toBe(
      'notAllowed',
    );
    const nudged = await nudgeAboutGuideline(deps, { tenantId: tenant, userId: 'adele' }, 'b1', 'lynne');
    expect(nudged.kind).toBe('sent');
    expect((await nudgeAboutGuideline(deps, { tenantId: tenant, userId: 'megan' }, 'b1', 'lynne')).kind).toBe(
      'alreadyNudgedToday',
    );
    expect((await nudgeAboutGuideline(deps, { tenantId: tenant, userId: 'adele' }, 'b1', 'alex')).kind).toBe(
      'alreadyAcknowledged',
    );
    expect(
      (await nudgeAboutGuideline(deps, { tenantId: tenant, userId: 'isaiah' }, 'b1', 'lynne')).kind,
    ).toBe('notAllowed');
    await deps.outbound.drain();
    expect(cardsTo(deps, 'lynne').map((c) => c.nudgedBy)).toEqual([undefined, 'Adele Vance']);
  });
});
