import { describe, expect, it } from 'vitest';
import {
  audienceBody,
  audienceExpression,
  emptyCompose,
  guidelineFormOf,
  toCreateBody,
  toDraftBody,
} from './draft.ts';
import { composeProblems, fieldOfIssue, guidelineProblems } from './validate.ts';

const today = { day: '2026-12-01', now: Date.parse('2026-12-01T12:00:00Z') };

function written() {
  const form = emptyCompose('nb');
  form.guideline.variants.nb = { title: 'Ny rutine for håndhygiene', body: 'Les **hele** rutinen.' };
  return form;
}

describe('the compose form’s draft', () => {
  it('sends only the languages written, trimmed, with the link and due date when given', () => {
    const form = written();
    form.guideline.variants.en = { title: ' Hand hygiene ', body: ' Read it. ' };
    form.guideline.link = ' https://intra.example/rutine ';
    form.guideline.dueDate = '2026-12-15';
    expect(toDraftBody(form.guideline)).toEqual({
      variants: {
        nb: { title: 'Ny rutine for håndhygiene', body: 'Les **hele** rutinen.' },
        en: { title: 'Hand hygiene', body: 'Read it.' },
      },
      defaultLanguage: 'nb',
      link: 'https://intra.example/rutine',
      requiresAcknowledgement: true,
      dueDate: '2026-12-15',
    });
  });

  it('builds the audience expression the CLI takes, quoting values', () => {
    const { audience } = emptyCompose('en');
    expect(audienceExpression(audience)).toBe('everyone');
    expect(
      audienceExpression({ ...audience, kind: 'departments', departments: ['Helse og omsorg', 'IT'] }),
    ).toBe('department:"Helse og omsorg" or department:"IT"');
    expect(audienceExpression({ ...audience, kind: 'jobTitles', jobTitles: ['Sjef "den store"'] })).toBe(
      'jobTitle:"Sjef \\"den store\\""',
    );
    expect(audienceExpression({ ...audience, kind: 'organisation', manager: 'adelev@x.no' })).toBe(
      'org:"adelev@x.no"',
    );
    expect(audienceBody({ ...audience, kind: 'departments' })).toBeUndefined();
    expect(audienceBody({ ...audience, kind: 'addresses', addresses: 'a@x.no\nb@x.no' })).toEqual({
      addresses: 'a@x.no\nb@x.no',
    });
  });

  it('schedules at the instant the admin typed in their own zone, with reminders when acknowledgement is asked', () => {
    const form = written();
    form.when = 'schedule';
    form.scheduleAt = '2026-12-02T08:30';
    const body = toCreateBody(form, { send: true });
    expect(body?.send).toEqual({ at: new Date('2026-12-02T08:30').toISOString() });
    expect(body?.reminders).toEqual({ afterDays: 3, maxReminders: 2 });
    form.guideline.requiresAcknowledgement = false;
    form.when = 'now';
    const now = toCreateBody(form, { send: true, skipUnmatched: true });
    expect(now?.send).toEqual({});
    expect(now?.reminders).toBeUndefined();
    expect(now?.skipUnmatched).toBe(true);
    expect(toCreateBody(form, { send: false })?.send).toBeUndefined();
  });

  it('comes back from a sent guideline for a correction', () => {
    const form = guidelineFormOf(
      { variants: { sv: { title: 'T', body: 'B' } }, defaultLanguage: 'sv', requiresAcknowledgement: false },
      { afterDays: 5, maxReminders: 1 },
    );
    expect(form.variants.sv).toEqual({ title: 'T', body: 'B' });
    expect(form.variants.en).toEqual({ title: '', body: '' });
    expect([form.defaultLanguage, form.link, form.remindAfterDays, form.maxReminders]).toEqual([
      'sv',
      '',
      '5',
      '1',
    ]);
  });
});

describe('the compose form’s checks', () => {
  it('asks for something written, in the default language, with a title and a body', () => {
    expect(guidelineProblems(emptyCompose('en').guideline, today)).toMatchObject({ variants: 'noneWritten' });
    const form = written();
    form.guideline.variants.sv.body = 'Bara text';
    form.guideline.defaultLanguage = 'en';
    expect(guidelineProblems(form.guideline, today)).toEqual({
      'variants.sv.title': 'required',
      defaultLanguage: 'defaultNotWritten',
    });
  });

  it('refuses a link that is not https, a due date in the past and reminders out of range', () => {
    const form = written();
    form.guideline.link = 'http://intra.example';
    form.guideline.dueDate = '2026-11-30';
    form.guideline.remindAfterDays = '0';
    form.guideline.maxReminders = '11';
    expect(guidelineProblems(form.guideline, today)).toEqual({
      link: 'notHttps',
      dueDate: 'dateInPast',
      remindAfterDays: 'outOfRange',
      maxReminders: 'outOfRange',
    });
    form.guideline.requiresAcknowledgement = false;
    form.guideline.link = 'intra.example';
    expect(guidelineProblems(form.guideline, today)).toEqual({ link: 'notHttps', dueDate: 'dateInPast' });
  });

  it('needs an audience, and a schedule at least a minute ahead', () => {
    const form = written();
    form.audience.kind = 'departments';
    form.when = 'schedule';
    form.scheduleAt = new Date(today.now + 30_000).toISOString().slice(0, 16);
    expect(composeProblems(form, today, true)).toMatchObject({
      audience: 'audienceEmpty',
      scheduleAt: 'scheduleInPast',
    });
    // Saving a draft does not care about the time.
    expect(composeProblems(form, today, false).scheduleAt).toBeUndefined();
  });

  it('puts the server’s issues next to the same fields', () => {
    expect(fieldOfIssue('draft.variants.nb.title')).toBe('variants.nb.title');
    expect(fieldOfIssue('draft.link')).toBe('link');
    expect(fieldOfIssue('audience.expression')).toBe('audience');
    expect(fieldOfIssue('send.at')).toBe('scheduleAt');
    expect(fieldOfIssue('reminders.maxReminders')).toBe('maxReminders');
    expect(fieldOfIssue('somethingElse')).toBeUndefined();
  });
});
