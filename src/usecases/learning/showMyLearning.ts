import type { Language } from '../../domain/platform/language.ts';
import type { EnrollmentStatus } from '../../domain/learning/enrollment.ts';
import type { Enrollment } from '../../domain/learning/enrollment.ts';
import type { EnrollmentStore } from './ports.ts';
import type { StepStore } from './ports.ts';
import { textFor } from '../../domain/learning/program.ts';
import type { ProgramCatalog } from './programCatalog.ts';

/** One program on the person's "my learning" list; dates are left to the presenter. */
export interface MyLearningEntry {
  title: string | undefined; // undefined when the program is no longer in the content
  status: EnrollmentStatus;
  completedSteps: number;
  totalSteps: number;
  nextDueAt?: string; // ISO instant
  timeZone?: string; // the person's, for showing nextDueAt
  nextTitle?: string; // the next step not done yet
}

const statusOrder = { active: 0, completed: 1, expired: 2, withdrawn: 3 } as const;

/** A person's own enrollments (and only theirs), active first, for the "my learning" card. */
export async function showMyLearning(
  deps: { enrollments: EnrollmentStore; steps: StepStore; catalog: ProgramCatalog },
  person: { tenantId: string; userId: string; language: Language },
): Promise<MyLearningEntry[]> {
  const enrollments = await deps.enrollments.listForPerson(person.tenantId, person.userId);
  const sorted = enrollments.sort(
    (a, b) => statusOrder[a.status] - statusOrder[b.status] || a.enrolledAt.localeCompare(b.enrolledAt),
  );
  return Promise.all(
    sorted.map(async (e) => ({
      title: deps.catalog.titleOf(e.programId, person.language),
      status: e.status,
      completedSteps: e.completedSteps,
      totalSteps: e.totalSteps,
      nextDueAt: e.nextDueAt,
      timeZone: e.timeZone,
      nextTitle: e.status === 'active' ? await nextStepTitle(deps, e, person.language) : undefined,
    })),
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
