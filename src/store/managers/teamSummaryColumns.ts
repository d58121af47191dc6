import type { LearningFacts, StepFacts } from '../../domain/managers/teamSummary.ts';

/**
 * A person's learning facts as columns of their summary row. Steps are written compactly, grouped by
 * program as `[stepId, status, dueAt, sentAt, doneAt, attempts, lastScore]`, and the JSON is split over
 * `learning0`, `learning1`, … because one string column holds at most 64 KiB; a row holds 1 MiB.
 */
const CHUNK_CHARS = 30_000;
const MAX_CHUNKS = 30;

type CompactStep = [string, StepFacts['status'], string, string | null, string | null, number, number | null];

interface CompactLearning {
  e: LearningFacts['enrollments'];
  s: Array<{ p: string; s: CompactStep[] }>;
}

export function learningToColumns(learning: LearningFacts): Record<string, string> {
  const byProgram = new Map<string, CompactStep[]>();
  for (const s of learning.steps) {
    const steps = byProgram.get(s.programId) ?? [];
    steps.push([
      s.stepId,
      s.status,
      s.dueAt,
      s.sentAt ?? null,
      s.doneAt ?? null,
      s.attempts,
      s.lastScore ?? null,
    ]);
    byProgram.set(s.programId, steps);
  }
  const compact: CompactLearning = {
    e: learning.enrollments,
    s: [...byProgram].map(([p, s]) => ({ p, s })),
  };
  const json = JSON.stringify(compact);
  const chunks = Math.ceil(json.length / CHUNK_CHARS);
  if (chunks > MAX_CHUNKS)
    throw new Error(`a team summary of ${json.length} characters does not fit one row`);
  const columns: Record<string, string> = {};
  for (let i = 0; i < chunks; i++)
    columns[`learning${i}`] = json.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  return columns;
}

export function learningFromColumns(row: Record<string, unknown>): LearningFacts {
  let json = '';
  for (let i = 0; typeof row[`learning${i}`] === 'string'; i++) json += row[`learning${i}`] as string;
  if (!json) return { enrollments: [], steps: [] };
  const compact = JSON.parse(json) as CompactLearning;
  return {
    enrollments: compact.e,
    steps: compact.s.flatMap(({ p, s }) =>
      s.map(([stepId, status, dueAt, sentAt, doneAt, attempts, lastScore]) => {
        const step: StepFacts = { programId: p, stepId, status, dueAt, attempts };
        if (sentAt !== null) step.sentAt = sentAt;
        if (doneAt !== null) step.doneAt = doneAt;
        if (lastScore !== null) step.lastScore = lastScore;
        return step;
      }),
    ),
  };
}
