import { personLanguage, type Language } from '../../domain/platform/language.ts';
import type { Program } from '../../domain/learning/program.ts';
import type { Person } from '../../domain/directory/person.ts';
import type { LearningDeps } from '../learning/learningDeps.ts';

/** What the manager is told: who starts, from when, in which programs, in the manager's language. */
export interface ManagerNotice {
  language: Language;
  hire: Person;
  start: Date;
  programs: Program[];
}

/** Builds the manager's card (src/cards/directory/presenters/managerNoticePresenter.ts). */
export type RenderManagerNotice = (notice: ManagerNotice) => object;

/**
 * "Maja Berg starts Monday in Nursing; this is her plan": a card to the new hire's manager, once per
 * hire (the delivery record's key makes a second sync or a second worker skip it). A manager Drypp
 * cannot reach yet is recorded as failed and not retried: the manager's tab shows the same plan.
 */
export async function noticeManager(
  deps: Pick<LearningDeps, 'clock' | 'catalog' | 'conversations' | 'deliveries' | 'sender' | 'people'> & {
    render: RenderManagerNotice;
  },
  hire: Person,
  programIds: string[],
): Promise<'sent' | 'noManager' | 'alreadySent' | 'unreachable'> {
  if (!hire.managerId) return 'noManager';
  const now = deps.clock.now();
  const key = `managerNotice|${hire.managerId}|${hire.id}`;
  const begun = await deps.deliveries.begin({
    tenantId: hire.tenantId,
    key,
    status: 'sending',
    startedAt: now.toISOString(),
  });
  if (!begun.created) return 'alreadySent';

  const conversation = await deps.conversations.find(hire.tenantId, hire.managerId);
  const manager = await deps.people.get(hire.tenantId, hire.managerId);
  const language = personLanguage(manager?.preferredLanguage, conversation?.locale);
  const start = hire.hireDate && Date.parse(hire.hireDate) > now.getTime() ? new Date(hire.hireDate) : now;
  const programs = programIds.flatMap((id) => deps.catalog.find(id) ?? []);
  const card = deps.render({ language, hire, start, programs });
  const result = await deps.sender.sendCard(hire.tenantId, hire.managerId, card);
  await deps.deliveries.finish({
    tenantId: hire.tenantId,
    key,
    etag: begun.etag,
    status: result.ok ? 'sent' : 'failed',
    startedAt: now.toISOString(),
    sentAt: result.ok ? deps.clock.now().toISOString() : undefined,
    activityId: result.ok ? result.activityId : undefined,
    failure: result.ok ? undefined : result.reason,
  });
  return result.ok ? 'sent' : 'unreachable';
}
