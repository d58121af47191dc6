import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '../../../domain/platform/language.ts';
import { messagesFor } from '../../../messages/catalog.ts';
import { acknowledgeCard, acknowledgedCard } from './acknowledgeCard.ts';
import { programCompletedCard, stepDoneCard } from './completionCards.ts';
import { attendanceConfirmedCard, eventCard } from './eventCard.ts';
import { lessonCard } from './lessonCard.ts';
import { outdatedCard } from './outdatedCard.ts';
import { reflectionCard, reflectionSavedCard } from './reflectionCard.ts';
import { stepActionSchemas } from './stepActionSchemas.ts';
import * as f from './stepCardFixtures.ts';

describe('step cards', () => {
  it.each(supportedLanguages.flatMap((language) => f.allStepCards(language)))(
    '%s card is Adaptive Card 1.5 that the SDK parses',
    (_name, json) => {
      expect(json.version).toBe('1.5');
      expect(f.parseErrors(json)).toEqual([]);
      expect(f.ofType(json, 'Action.Submit')).toEqual([]);
    },
  );

  it('heads every step card with program, position, mandatory or voluntary, minutes and due date', () => {
    const [kicker, badge, title] = lessonCard(f.ctx, f.lesson).body;
    expect(kicker?.text).toBe('Leading in a digital workplace · Step 3 of 10');
    expect(badge?.text).toBe('Mandatory · 5 min · due 27 November');
    expect(title?.text).toBe('Meetings that work');
    const voluntary = lessonCard(f.ctxFor('nb', { mandatory: false, dueLabel: undefined }), f.lesson);
    expect(voluntary.body[0]?.text).toBe('Leading in a digital workplace · Steg 3 av 10');
    expect(voluntary.body[1]?.text).toBe('Frivillig · 5 min');
  });

  it('a reminder is the step card again with a line on top', () => {
    expect(reflectionCard(f.ctxFor('en', { reminder: 2 }), f.reflection).body[0]?.text).toBe(
      'Reminder: this was due 27 November',
    );
    expect(f.text(reflectionCard(f.ctx, f.reflection))).not.toContain('Reminder');
  });

  it('a lesson shows its text, image with alt text, video with transcript and link, and "Mark as done"', () => {
    const json = lessonCard(f.ctx, f.lesson);
    expect(f.text(json)).toContain('Start **every** meeting with its purpose.');
    expect(f.ofType(json, 'Image')[0]).toMatchObject({
      url: 'https://example.org/a.png',
      altText: 'A team around a table',
    });
    expect(f.ofType(json, 'Action.OpenUrl').map((a) => [a.title, a.url])).toEqual([
      ['Watch the video', 'https://example.org/v'],
      ['Read the transcript', 'https://example.org/t'],
      ['Read more', 'https://example.org/more'],
    ]);
    expect(json.actions).toEqual([
      { type: 'Action.Execute', title: 'Mark as done', verb: 'completeStep', data: f.actionData },
    ]);
  });

  it("a lesson's link goes to the address for the learner's language when it has one per language", () => {
    const perCountry = {
      ...f.lesson,
      link: {
        url: { en: 'https://www.datatilsynet.no/', sv: 'https://www.imy.se/' },
        label: { en: 'Datatilsynet', sv: 'IMY' },
      },
    };
    const links = (language: 'en' | 'sv') =>
      f.ofType(lessonCard(f.ctxFor(language), perCountry), 'Action.OpenUrl').map((a) => [a.title, a.url]);
    expect(links('sv')).toContainEqual(['IMY', 'https://www.imy.se/']);
    expect(links('en')).toContainEqual(['Datatilsynet', 'https://www.datatilsynet.no/']);
  });

  it('a reflection keeps what was typed, limits its length and offers sharing only when the program does', () => {
    const json = reflectionCard(f.ctx, f.reflection, {
      error: 'Write something first',
      text: 'So far',
      share: true,
    });
    expect(f.inputs(json)).toMatchObject([
      { type: 'Input.Text', id: 'reflection', isMultiline: true, maxLength: 500, value: 'So far' },
      { type: 'Input.Toggle', id: 'shareWithManager', title: 'Share with my manager', value: 'true' },
    ]);
    expect(f.nodes(json).find((n) => n.text === 'Write something first')?.color).toBe('Attention');
    expect(json.actions?.[0]).toMatchObject({ verb: 'submitReflection', data: f.actionData });
    expect(f.inputs(reflectionCard(f.ctx, f.privateReflection)).map((i) => i.id)).toEqual(['reflection']);
  });

  it('a saved reflection shows the text literally, read-only, and whether it was shared', () => {
    const json = reflectionSavedCard(f.ctx, f.reflection, '**my** words', false);
    expect(f.inputs(json)).toEqual([]);
    expect(json.actions).toBeUndefined();
    expect(f.ofType(json, 'TextRun')[0]?.text).toBe('**my** words');
    expect(f.text(json)).toContain('Not shared with your manager.');
    expect(f.text(reflectionSavedCard(f.ctx, f.reflection, 'x', true))).toContain(
      'Shared with your manager.',
    );
  });

  it('an acknowledgement names the text version and sends it with the answer', () => {
    const json = acknowledgeCard(f.ctx, f.acknowledge);
    expect(f.text(json)).toContain('Version 3');
    expect(json.actions?.[0]).toMatchObject({
      title: 'I have read and understood',
      verb: 'acknowledge',
      data: { ...f.actionData, textVersion: '3' },
    });
    const done = acknowledgedCard(f.ctx, f.acknowledge, '2 December');
    expect(done.actions).toBeUndefined();
    expect(f.text(done)).toContain(
      'You confirmed on 2 December that you have read and understood version 3.',
    );
  });

  it('an event shows its time and a Join link; the learner or the facilitator confirms attendance', () => {
    const json = eventCard(f.ctx, f.event);
    expect(f.text(json)).toContain('Monday, 1 September 2025 at 09:00');
    expect(f.text(eventCard(f.ctxFor('nb'), f.event))).toContain('mandag 1. september 2025 kl. 09:00');
    expect(f.text(eventCard(f.ctxFor('sv'), f.event))).toContain('måndag 1 september 2025 kl. 09:00');
    expect(json.actions?.map((a) => [a.type, a.title])).toEqual([
      ['Action.OpenUrl', 'Join'],
      ['Action.Execute', 'I attended'],
    ]);
    expect(json.actions?.[1]).toMatchObject({ verb: 'confirmAttendance', data: f.actionData });
    const facilitated = eventCard(f.ctx, f.facilitatedEvent);
    expect(facilitated.actions).toBeUndefined();
    expect(f.text(facilitated)).toContain('Room 4');
    expect(f.text(facilitated)).toContain(f.ctx.t.step.event.facilitatorConfirms);
    expect(f.text(attendanceConfirmedCard(f.ctx, f.event))).toContain('Attendance confirmed ✓');
  });

  it('a finished lesson and a finished program say so', () => {
    expect(f.text(stepDoneCard(f.ctx, 'Meetings that work'))).toContain('Done ✓');
    expect(f.text(programCompletedCard(messagesFor('nb'), 'Ledelse'))).toContain('Du har fullført Ledelse.');
    expect(f.text(programCompletedCard(messagesFor('sv'), 'Ledarskap'))).toContain(
      'Du har slutfört Ledarskap.',
    );
  });

  it('an outdated action explains each reason differently and always says nothing changed', () => {
    for (const language of supportedLanguages) {
      const t = messagesFor(language);
      const bodies = f.reasons.map((r) => f.text(outdatedCard(t, r)));
      expect(new Set(bodies).size).toBe(f.reasons.length);
      for (const body of bodies) expect(body).toContain(t.outdated.nothingChanged);
    }
  });

  it('every step verb has a schema', () => {
    expect(Object.keys(stepActionSchemas).sort()).toEqual([
      'acknowledge',
      'answerPulse',
      'answerQuiz',
      'answerReview',
      'answerSelfAssessment',
      'completeStep',
      'confirmAttendance',
      'retryQuiz',
      'submitReflection',
    ]);
  });
});
