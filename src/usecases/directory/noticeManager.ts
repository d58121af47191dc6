import { personLanguage, type Language } from '../../domain/platform/language.ts';
import type { Program } from '../../domain/learning/program.ts';
import type { Person } from '../../domain/directory/person.ts';
import type { LearningDeps } from '../learning/learningDeps.ts';
import type { OutboundCardKind } from '../delivery/outboundPorts.ts';

/** What the manager is told: who starts, from when, in which programs, in the manager's language. */
export interface ManagerNotice {
  language: Language;
  hire: Person;
  start: Date;
  programs: Program[];
}

/** Builds the manager's card (src/cards/directory/presenters/managerNoticePresenter.ts). */
export type RenderManagerNotice = (notice: ManagerNotice) => object;

export const MANAGER_NOTICE_KIND = 'managerNotice';

/** A notice's ref: the hire as the sync saw them, when they start, and their programs. */
export interface ManagerNoticeRef {
  [field: string]: string;
  hireId: string;
  hireName: string;
  department: string;
  timeZone: string;
  start: string;
  /** Program ids, comma-separated. */
  programIds: string;
}

/**
 * "Maja Berg starts Monday in Nursing; this is her plan": a card to the new hire's manager, once per
 * hire, through the outbound pipeline (its key makes a second sync or a second worker enqueue
 * nothing more; a manager without a known chat gets the app installed first, as anyone does).
 */
export async function noticeManager(
  deps: Pick<LearningDeps, 'clock' | 'outbound'>,
  hire: Person,
  programIds: string[],
): Promise<'queued' | 'noManager' | 'alreadySent'> {
  if (!hire.managerId) return 'noManager';
  const now = deps.clock.now();
  const start = hire.hireDate && Date.parse(hire.hireDate) > now.getTime() ? new Date(hire.hireDate) : now;
  const ref: ManagerNoticeRef = {
    hireId: hire.id,
    hireName: hire.displayName,
    department: hire.department ?? '',
    timeZone: hire.timeZone ?? '',
    start: start.toISOString(),
    programIds: programIds.join(','),
  };
  const report = await deps.outbound.enqueue([
    {
      tenantId: hire.tenantId,
      userId: hire.managerId,
      key: `managerNotice|${hire.managerId}|${hire.id}`,
      kind: MANAGER_NOTICE_KIND,
      ref,
      lane: 'bulk',
    },
  ]);
  return report.queued > 0 ? 'queued' : 'alreadySent';
}

/** The outbound pipeline's `managerNotice` kind: the card built at send time, in the manager's language. */
export function managerNoticeKind(
  deps: Pick<LearningDeps, 'catalog' | 'people'>,
  render: RenderManagerNotice,
): OutboundCardKind {
  return {
    kind: MANAGER_NOTICE_KIND,
    async render(item, context) {
      const ref = item.ref as ManagerNoticeRef;
      const manager = await deps.people.get(item.tenantId, item.userId);
      const hire: Person = {
        tenantId: item.tenantId,
        id: ref.hireId,
        userPrincipalName: '',
        displayName: ref.hireName,
        ...(ref.department ? { department: ref.department } : {}),
        ...(ref.timeZone ? { timeZone: ref.timeZone } : {}),
      };
      const programs = ref.programIds
        .split(',')
        .filter(Boolean)
        .flatMap((id) => deps.catalog.find(id) ?? []);
      const language = personLanguage(manager?.preferredLanguage, context.locale);
      return { card: render({ language, hire, start: new Date(ref.start), programs }) };
    },
  };
}
