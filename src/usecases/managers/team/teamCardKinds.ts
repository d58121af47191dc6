import { textFor } from '../../../domain/learning/program.ts';
import { personLanguage } from '../../../domain/platform/language.ts';
import type { OutboundCardKind } from '../../delivery/outboundPorts.ts';
import type { ManagersDeps } from '../managersDeps.ts';
import type { Language } from '../../../domain/platform/language.ts';
import { NUDGE_KIND, RECOGNITION_KIND } from '../../../domain/managers/managerCardKinds.ts';

/** The nudge and thank-you cards, built by src/cards/managers in the person's language. */
export interface TeamCardPresenter {
  nudgeCard(view: { managerName: string; language: Language }): object;
  recognitionCard(view: {
    managerName: string;
    text: string;
    subjectTitle?: string;
    language: Language;
  }): object;
  /** The catalogue's suggested thank-you lines, in the manager's language. */
  recognitionSuggestions(language: Language): readonly string[];
}

export { NUDGE_KIND, RECOGNITION_KIND };

/** A nudge's ref: who nudges (the card names them). */
export interface NudgeRef {
  [field: string]: string;
  managerId: string;
}

/** A thank-you's ref: who thanks, the line they chose, and what it is for. */
export interface RecognitionRef {
  [field: string]: string | null;
  managerId: string;
  text: string;
  programId: string;
  stepId: string | null;
}

type CardDeps = Pick<ManagersDeps, 'people' | 'catalog'>;

/**
 * The outbound pipeline's `nudge` and `recognition` kinds: the cards a manager sends from My team,
 * built at send time in the person's language (their profile, else their Teams client's).
 */
export function teamCardKinds(deps: CardDeps, cards: TeamCardPresenter): OutboundCardKind[] {
  return [
    {
      kind: NUDGE_KIND,
      async render(item, context) {
        const ref = item.ref as NudgeRef;
        const [person, manager] = await Promise.all([
          deps.people.get(item.tenantId, item.userId),
          deps.people.get(item.tenantId, ref.managerId),
        ]);
        const language = personLanguage(person?.preferredLanguage, context.locale);
        return { card: cards.nudgeCard({ managerName: manager?.displayName ?? '', language }) };
      },
    },
    {
      kind: RECOGNITION_KIND,
      async render(item, context) {
        const ref = item.ref as RecognitionRef;
        const [person, manager] = await Promise.all([
          deps.people.get(item.tenantId, item.userId),
          deps.people.get(item.tenantId, ref.managerId),
        ]);
        const language = personLanguage(person?.preferredLanguage, context.locale);
        const program = deps.catalog.find(ref.programId);
        const step = ref.stepId ? program?.steps.find((s) => s.id === ref.stepId) : undefined;
        const title = step?.title ?? program?.title;
        const card = cards.recognitionCard({
          managerName: manager?.displayName ?? '',
          text: ref.text,
          subjectTitle: title ? textFor(title, language) : undefined,
          language,
        });
        return { card };
      },
    },
  ];
}
