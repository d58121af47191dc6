import { describe, expect, it } from 'vitest';
import {
  correctBroadcast,
  displayStatus,
  guidelineProblems,
  newBroadcast,
  recallBroadcast,
  scheduleSend,
} from './broadcast.ts';
import {
  acknowledgementRates,
  decideAcknowledgement,
  reminderDue,
  spreadsheetSafe,
  type BroadcastRecipient,
} from './recipient.ts';

const now = new Date('2026-12-01T09:00:00Z');
const content = {
  variants: { en: { title: 'Hand hygiene', body: 'Wash your hands.' } },
  defaultLanguage: 'en' as const,
};
const draft = newBroadcast({
  tenantId: 't',
  id: 'b1',
  createdBy: 'hr',
  now,
  content,
  requiresAcknowledgement: true,
  audience: { expression: 'everyone', addresses: [] },
  reminders: { afterDays: 2, maxReminders: 2 },
});
const sent = (() => {
  const s = scheduleSend(draft, now);
  if (!s.ok) throw new Error('not sent');
  return { ...s.broadcast, fannedOutAt: now.toISOString() };
})();
const recipient: BroadcastRecipient = {
  tenantId: 't',
  broadcastId: 'b1',
  userId: 'alex',
  address: 'alex@k.example',
  displayName: 'Alex',
  language: 'en',
  addedAt: now.toISOString(),
  acknowledgements: [],
  remindersSent: 0,
};
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe('a guideline', () => {
  it('names every problem of its content at once', () => {
    expect(
      guidelineProblems(
        { variants: { nb: { title: 'a\nb', body: ' ' } }, defaultLanguage: 'en', link: 'http://x.example' },
        '2026-02-30',
      ).map((p) => `${p.path} ${p.problem}`),
    ).toEqual([
      'variants.nb.title notOneLine',
      'variants.nb.body missing',
      'defaultLanguage notAVariant',
      'link notHttps',
      'dueDate notADay',
    ]);
    expect(guidelineProblems(content)).toEqual([]);
  });

  it('is sent now or scheduled at least a minute ahead, and only once', () => {
    expect(scheduleSend(draft, now, new Date(now.getTime() + 30_000))).toEqual({
      ok: false,
      problem: 'tooSoon',
    });
    const scheduled = scheduleSend(draft, now, days(1));
    expect(scheduled.ok && scheduled.broadcast.status).toBe('scheduled');
    expect(scheduleSend(sent, now)).toEqual({ ok: false, problem: 'notADraft' });
  });

  it('shows sent once nothing is left in the pipeline', () => {
    expect(displayStatus(sent, { queued: 1, installing: 0, sending: 0 })).toBe('sending');
    expect(displayStatus(sent, { queued: 0, installing: 0, sending: 0 })).toBe('sent');
    expect(displayStatus({ ...sent, fannedOutAt: undefined }, { queued: 0, installing: 0, sending: 0 })).toBe(
      'sending',
    );
  });

  it('is corrected with a new version that says what changed; never a draft, never unchanged', () => {
    const changed = { ...content, variants: { en: { title: 'Hand hygiene', body: 'Wash for 30 s.' } } };
    const corrected = correctBroadcast(sent, changed, '  Wash for 30 s,\nnot 10 ', 'hr', days(1));
    expect(corrected.ok && corrected.broadcast.version).toBe(2);
    expect(corrected.ok && corrected.broadcast.versions[1]!.changeNote).toBe('Wash for 30 s, not 10');
    expect(correctBroadcast(draft, changed, 'x', 'hr', now)).toEqual({ ok: false, problem: 'notSent' });
    expect(correctBroadcast(sent, content, 'x', 'hr', now)).toEqual({ ok: false, problem: 'unchanged' });
    expect(correctBroadcast(sent, changed, ' ', 'hr', now)).toEqual({
      ok: false,
      problem: 'changeNoteMissing',
    });
  });

  it('is recalled once, and a draft is not recalled', () => {
    const recalled = recallBroadcast(sent, now);
    expect(recalled.ok && recalled.broadcast.status).toBe('recalled');
    expect(recalled.ok && recallBroadcast(recalled.broadcast, now)).toEqual({
      ok: false,
      problem: 'notRecallable',
    });
    expect(recallBroadcast(draft, now)).toEqual({ ok: false, problem: 'notRecallable' });
  });
});

describe('acknowledgement', () => {
  it("records the server's current version once, with the time", () => {
    const first = decideAcknowledgement(sent, recipient, 1, now);
    expect(first.kind).toBe('acknowledge');
    if (first.kind !== 'acknowledge') return;
    expect(first.recipient.acknowledgements).toEqual([{ version: 1, at: now.toISOString() }]);
    expect(decideAcknowledgement(sent, first.recipient, 1, days(1))).toEqual({
      kind: 'alreadyAcknowledged',
      at: now.toISOString(),
    });
  });

  it('treats a card of another version as outdated, whatever it claims', () => {
    expect(decideAcknowledgement({ ...sent, version: 2 }, recipient, 1, now)).toEqual({ kind: 'outdated' });
    expect(decideAcknowledgement(sent, recipient, 2, now)).toEqual({ kind: 'outdated' });
  });

  it('records nothing on a recalled guideline or one that asks for none', () => {
    expect(decideAcknowledgement({ ...sent, status: 'recalled' }, recipient, 1, now).kind).toBe('recalled');
    expect(decideAcknowledgement({ ...sent, requiresAcknowledgement: false }, recipient, 1, now).kind).toBe(
      'notRequired',
    );
  });
});

describe('reminders', () => {
  const delivered = now.toISOString();
  it('comes after N days, at most M times, never after an acknowledgement', () => {
    expect(reminderDue(sent, recipient, delivered, days(1))).toBeUndefined();
    expect(reminderDue(sent, recipient, delivered, days(2))).toBe(1);
    const once = { ...recipient, remindersSent: 1, lastRemindedAt: days(2).toISOString() };
    expect(reminderDue(sent, once, delivered, days(3))).toBeUndefined();
    expect(reminderDue(sent, once, delivered, days(4))).toBe(2);
    expect(reminderDue(sent, { ...once, remindersSent: 2 }, delivered, days(30))).toBeUndefined();
    const acked = { ...recipient, acknowledgements: [{ version: 1, at: delivered }] };
    expect(reminderDue(sent, acked, delivered, days(30))).toBeUndefined();
    expect(reminderDue(sent, recipient, undefined, days(30))).toBeUndefined();
  });
});

describe('rates and the export', () => {
  it('groups acknowledgement of the current version, lowest rate first', () => {
    const rows = [
      { ...recipient, userId: 'a', department: 'IT', acknowledgements: [{ version: 1, at: '' }] },
      { ...recipient, userId: 'b', department: 'IT' },
      { ...recipient, userId: 'c', department: 'HR', acknowledgements: [{ version: 1, at: '' }] },
    ];
    expect(acknowledgementRates(rows, 1, (r) => r.department ?? '')).toEqual([
      { key: 'IT', recipients: 2, acknowledged: 1, rate: 0.5 },
      { key: 'HR', recipients: 1, acknowledged: 1, rate: 1 },
    ]);
    expect(acknowledgementRates(rows, 2, (r) => r.department ?? '').every((r) => r.acknowledged === 0)).toBe(
      true,
    );
  });

  it.each(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx'])('neutralises %j', (cell) => {
    expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
  });
  it('leaves ordinary cells alone', () => {
    expect(spreadsheetSafe('Alex Wilber')).toBe('Alex Wilber');
  });
});
