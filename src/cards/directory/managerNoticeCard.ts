import type { Messages } from '../../messages/catalog.ts';
import { card, heading, paragraph, type AdaptiveCard } from '../platform/adaptiveCard.ts';

export interface ManagerNoticeView {
  hireName: string;
  department?: string;
  startLabel: string; // formatted start day, e.g. "Monday 1 December"
  programs: Array<{ title: string; steps: number; mandatory: boolean }>;
}

/** To a new hire's manager: who starts, when, and the plan Drypp has for them. */
export function managerNoticeCard(t: Messages, view: ManagerNoticeView): AdaptiveCard {
  return card([
    heading(t.managerNotice.title(view.hireName)),
    paragraph(t.managerNotice.starts(view.hireName, view.startLabel, view.department)),
    paragraph(t.managerNotice.plan, { weight: 'Bolder' }),
    {
      type: 'FactSet',
      facts: view.programs.map((p) => ({
        title: p.title,
        value: t.managerNotice.program(p.steps, p.mandatory),
      })),
    },
    paragraph(t.managerNotice.yourPart, { isSubtle: true }),
  ]);
}
