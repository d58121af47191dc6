import type { Language } from '../domain/language.ts';
import type { MyLearningItem } from '../cards/myLearningCard.ts';
import type { EnrollmentStore } from './ports.ts';
import type { ProgramCatalog } from './programCatalog.ts';

const statusOrder = { active: 0, completed: 1, expired: 2, withdrawn: 3 } as const;

/** A person's own enrollments (and only theirs), active first, for the "my learning" card. */
export async function showMyLearning(
  deps: { enrollments: EnrollmentStore; catalog: ProgramCatalog },
  person: { tenantId: string; userId: string; language: Language },
): Promise<MyLearningItem[]> {
  const enrollments = await deps.enrollments.listForPerson(person.tenantId, person.userId);
  const dateFormat = new Intl.DateTimeFormat(person.language === 'nb' ? 'nb-NO' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  return enrollments
    .sort((a, b) => statusOrder[a.status] - statusOrder[b.status] || a.enrolledAt.localeCompare(b.enrolledAt))
    .map((e) => ({
      title: deps.catalog.titleOf(e.programId, person.language),
      status: e.status,
      completedSteps: e.completedSteps,
      totalSteps: e.totalSteps,
      nextDue: e.nextDueAt ? dateFormat.format(new Date(e.nextDueAt)) : undefined,
    }));
}
