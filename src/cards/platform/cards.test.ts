import { describe, expect, it } from 'vitest';
import * as AC from 'adaptivecards';
import { messagesFor } from '../../messages/catalog.ts';
import { welcomeCard } from '../learning/welcomeCard.ts';
import { helpCard } from './helpCard.ts';
import { myLearningCard } from '../learning/myLearningCard.ts';
import { errorCard } from './errorCard.ts';

/** Parses a card with Microsoft's Adaptive Cards SDK and returns what it complained about. */
function parseErrors(json: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(json, context);
  const errors: string[] = [];
  for (let i = 0; i < context.eventCount; i++) errors.push(context.getEventAt(i).message);
  const validation = parsed.validateProperties();
  for (const event of validation.validationEvents) errors.push(event.message);
  return errors;
}

function allText(json: unknown): string {
  return JSON.stringify(json);
}

describe('cards', () => {
  const en = messagesFor('en');
  const nb = messagesFor('nb');
  const sv = messagesFor('sv');

  it.each([
    ['welcome', welcomeCard(en)],
    ['welcome (sv)', welcomeCard(sv)],
    ['help (sv)', helpCard(sv, { notUnderstood: true })],
    ['help', helpCard(en, { notUnderstood: true })],
    ['my learning (empty)', myLearningCard(en, [])],
    [
      'my learning',
      myLearningCard(en, [
        { title: 'Welcome', status: 'active', completedSteps: 2, totalSteps: 8, nextDue: '1 Dec' },
      ]),
    ],
    ['error', errorCard(en, 'abc-123')],
  ])('%s card is Adaptive Card 1.5 that the SDK parses without complaint', (_name, json) => {
    expect(json.version).toBe('1.5');
    expect(parseErrors(json)).toEqual([]);
  });

  it('the parser check can fail: an unknown element is reported', () => {
    expect(parseErrors({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }] })).not.toEqual([]);
  });

  it("speaks the person's language", () => {
    expect(allText(welcomeCard(nb))).toContain('Velkommen til Drypp');
    expect(allText(welcomeCard(sv))).toContain('Välkommen till Drypp');
    expect(allText(welcomeCard(en))).toContain('Welcome to Drypp');
  });

  it('shows an honest empty state when there is nothing to learn', () => {
    expect(allText(myLearningCard(en, []))).toContain(en.myLearning.emptyTitle);
  });

  it('shows each program with its progress and next due date', () => {
    const text = allText(
      myLearningCard(en, [
        { title: 'Digital workplace', status: 'active', completedSteps: 3, totalSteps: 4, nextDue: '2 Dec' },
        { title: undefined, status: 'completed', completedSteps: 4, totalSteps: 4 },
      ]),
    );
    expect(text).toContain('Digital workplace');
    expect(text).toContain('3 of 4 steps done');
    expect(text).toContain('Next item due 2 Dec');
    expect(text).toContain(en.myLearning.unknownProgram);
  });

  it('puts the correlation id on the error card, and nothing else technical', () => {
    const text = allText(errorCard(en, 'corr-42'));
    expect(text).toContain('corr-42');
    expect(text).not.toMatch(/Error:|at \w+ \(/);
  });
});
