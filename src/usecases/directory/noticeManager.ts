import { managerNoticeCard } from '../../cards/directory/managerNoticeCard.ts';
import { personLanguage } from '../../domain/platform/language.ts';
import { isMandatoryStep, textFor } from '../../domain/learning/program.ts';
import { messagesFor } from '../../messages/catalog.ts';
import type { Person } from '../../domain/directory/person.ts';
import type { LearningDeps } from '../learning/learningDeps.ts';

/**
 * "Maja Berg starts Monday in Nursing; this is her plan": a card to the new hire's manager, once per
 * hire (the delivery record's key makes a second sync or a second worker skip it). A manager Drypp
 * cannot reach yet is recorded as failed and not retried: the manager's tab shows the same plan.
 */
export async function noticeManager(
  deps: Pick<LearningDeps, 'clock' | 'catalog' | 'conversations' | 'deliveries' | 'sender' | 'people'>,
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
  const t = messagesFor(language);
  const start = hire.hireDate && Date.parse(hire.hireDate) > now.getTime() ? new Date(hire.hireDate) : now;
  const startLabel = new Intl.DateTimeFormat(t.step.dateLocale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: hire.timeZone ?? 'Europe/Oslo',
  }).format(start);
  const programs = programIds.flatMap((id) => {
    const program = deps.catalog.find(id);
    if (!program) return [];
    const mandatory = program.steps.some((s) => isMandatoryStep(program, s));
    return [{ title: textFor(program.title, language), steps: program.steps.length, mandatory }];
  });
  const card = managerNoticeCard(t, {
    hireName: hire.displayName,
    department: hire.department,
    startLabel,
    programs,
  });
  const result = await deps.sender.sendCard(hire.tenantId, hire.managerId, card);
  await deps.deliveries.finish({
    tenantId: hire.tenantId,
    key,
    status: result.ok ? 'sent' : 'failed',
    startedAt: now.toISOString(),
    sentAt: result.ok ? deps.clock.now().toISOString() : undefined,
    activityId: result.ok ? result.activityId : undefined,
    failure: result.ok ? undefined : result.reason,
  });
  return result.ok ? 'sent' : 'unreachable';
}
