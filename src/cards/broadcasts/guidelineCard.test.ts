import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import type { GuidelineCardView } from '../../domain/broadcasts/guidelineView.ts';
import { guidelineCard, markdownBlocks } from './guidelineCard.ts';
import { presentAcknowledgement } from './presenters/acknowledgePresenter.ts';

function parseErrors(json: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(json, context);
  const errors: string[] = [];
  for (let i = 0; i < context.eventCount; i++) errors.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) errors.push(event.message);
  return errors;
}

const view: GuidelineCardView = {
  broadcastId: 'b-1',
  version: 2,
  language: 'nb',
  title: 'Håndhygiene',
  body: '# Hvorfor\nSmitte stopper med **rene hender**.\n\n- Vask i 30 sekunder\n- Bruk sprit',
  link: 'https://intranett.example/hygiene',
  requiresAcknowledgement: true,
  dueDate: '2026-12-15',
  changeNote: '30 sekunder, ikke 20',
  timeZone: 'Europe/Oslo',
};

describe('the guideline card', () => {
  it('is an Adaptive Card 1.5 that the SDK parses without complaint, in each state', () => {
    expect(parseErrors(guidelineCard(view))).toEqual([]);
    expect(parseErrors(guidelineCard({ ...view, acknowledgedAt: '2026-12-02T08:30:00Z' }))).toEqual([]);
    expect(parseErrors(guidelineCard({ ...view, reminder: 1, nudgedBy: 'Adele Vance' }, 'note'))).toEqual([]);
  });

  it("asks for the acknowledgement with the card's broadcast and version, and says what changed", () => {
    const json = guidelineCard(view);
    const text = JSON.stringify(json);
    expect(json.actions).toContainEqual(
      expect.objectContaining({
        type: 'Action.Execute',
        verb: 'guideline.acknowledge',
        data: { broadcastId: 'b-1', version: 2 },
      }),
    );
    expect(text).toContain('Oppdatert (versjon 2): 30 sekunder, ikke 20');
    expect(text).toContain('Bekreft innen 15. desember 2026.');
    expect(json.actions).toContainEqual(expect.objectContaining({ type: 'Action.OpenUrl', url: view.link }));
  });

  it('shows "Acknowledged on <date>" in the person\'s zone instead of the button', () => {
    const json = guidelineCard({ ...view, language: 'en', acknowledgedAt: '2026-12-02T08:30:00Z' });
    expect(JSON.stringify(json)).toContain('Acknowledged on 2 December 2026 at 09:30');
    expect(json.actions?.some((a) => a.type === 'Action.Execute')).toBe(false);
  });

  it('turns Markdown headings into bold lines and keeps paragraphs and lists', () => {
    expect(markdownBlocks('# Why\nBecause.\n\n- a\n- b')).toEqual([
      expect.objectContaining({ text: 'Why', weight: 'Bolder' }),
      expect.objectContaining({ text: 'Because.' }),
      expect.objectContaining({ text: '- a\n- b' }),
    ]);
  });

  it("answers an outdated card with the current version and someone else's with a note", () => {
    const outdated = presentAcknowledgement({ kind: 'outdated', card: view }, 'nb');
    expect(outdated.kind === 'card' && JSON.stringify(outdated.card)).toContain('ingenting er registrert');
    expect(presentAcknowledgement({ kind: 'notYours' }, 'en')).toEqual({
      kind: 'note',
      text: 'This guideline was not sent to you, so nothing was recorded.',
    });
  });
});

describe('the recipients export', () => {
  it('neutralises cells a spreadsheet would run as formulas, and quotes as CSV needs', async () => {
    const { recipientsCsv } = await import('./presenters/recipientsCsv.ts');
    const csv = recipientsCsv([
      {
        recipient: {
          tenantId: 't',
          broadcastId: 'b',
          userId: 'u',
          address: 'lynne@k.example',
          displayName: '=HYPERLINK("http://evil.example","x")',
          department: '+Helse, omsorg',
          language: 'en',
          addedAt: '',
          acknowledgements: [],
          remindersSent: 1,
        },
        managerName: '@Adele',
      },
    ]);
    const lines = csv.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe(
      'address,name,department,job title,manager,language,delivery,failure,sent at,acknowledged version,acknowledged at,reminders',
    );
    expect(lines[1]).toBe(
      `lynne@k.example,"'=HYPERLINK(""http://evil.example"",""x"")","'+Helse, omsorg",,'@Adele,en,queued,,,,,1`,
    );
  });
});
