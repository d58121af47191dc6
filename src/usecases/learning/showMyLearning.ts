import type { Language } from '../../domain/platform/language.ts';
import type { MyLearningItem } from '../../cards/learning/myLearningCard.ts';
import type { Enrollment } from '../../domain/learning/enrollment.ts';
import type { EnrollmentStore } from './ports.ts';
import type { StepStore } from './ports.ts';
import { textFor } from '../../domain/learning/program.ts';
import { dayMonthFormat } from './stepCardContext.ts';
import type { ProgramCatalog } from './programCatalog.ts';

const statusOrder = { active: 0, completed: 1, expired: 2, withdrawn: 3 } as const;

/** A person's own enrollments (and only theirs), active first, for the "my learning" card. */
export async function showMyLearning(
  deps: { enrollments: EnrollmentStore; steps: StepStore; catalog: ProgramCatalog },
  person: { tenantId: string; userId: string; language: Language },
): Promise<MyLearningItem[]> {
  const enrollments = await deps.enrollments.listForPerson(person.tenantId, person.userId);
  const sorted = enrollments.sort(
    (a, b) => statusOrder[a.status] - statusOrder[b.status] || a.enrolledAt.localeCompare(b.enrolledAt),
  );
  return Promise.all(
    sorted.map(async (e) => {
      const dateFormat = dayMonthFormat(person.language, e.timeZone);
      return {
        title: deps.catalog.titleOf(e.programId, person.language),
        status: e.status,
        completedSteps: e.completedSteps,
        totalSteps: e.totalSteps,
        nextDue: e.nextDueAt ? dateFormat.format(new Date(e.nextDueAt)) : undefined,
        nextTitle: e.status === 'active' ? await nextStepTitle(deps, e, person.language) : undefined,
      };
    }),
  );
}

/** The first step of the program, in order, that the person has not done yet. */
async function nextStepTitle(
  deps: { steps: StepStore; catalog: ProgramCatalog },
  e: Enrollment,
  language: Language,
): Promise<string | undefined> {
  const program = deps.catalog.find(e.programId);
  if (!program) return undefined;
  const done = new Set(
    (await deps.steps.listForEnrollment(e.tenantId, e.userId, e.programId))
      .filter((s) => s.status === 'done')
      .map((s) => s.stepId),
  );
  const next = program.steps.find((s) => !done.has(s.id));
  return next ? textFor(next.title, language) : undefined;
}
