import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { LearningFacts, StepFacts } from '../../domain/managers/teamSummary.ts';
import type { TeamViewFacts } from '../../domain/managers/teamViewFacts.ts';

/**
 * A person's learning facts as one column of their summary row: compact JSON (steps grouped by
 * program as `[stepId, status, dueAt, sentAt, doneAt, attempts, lastScore]`), deflated, in base64.
 * A string column holds at most 32K characters; five programs take about 1.5K, so a person would need
 * well over a hundred programs to reach it (and then the refresh fails loudly, it never truncates).
 */
const MAX_CHARS = 32_000;

type CompactStep = [string, StepFacts['status'], string, string | null, string | null, number, number | null];

interface CompactLearning {
  e: LearningFacts['enrollments'];
  s: Array<{ p: string; s: CompactStep[] }>;
}

export function learningToColumn(learning: LearningFacts): string {
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
  const compact: CompactLearning = { e: learning.enrollments, s: [...byProgram].map(([p, s]) => ({ p, s })) };
  const column = deflateRawSync(JSON.stringify(compact)).toString('base64');
  if (column.length > MAX_CHARS) {
    throw new Error(`a team summary of ${column.length} characters does not fit its column`);
  }
  return column;
}

export function learningFromColumn(column: unknown): LearningFacts {
  if (typeof column !== 'string' || column === '') return { enrollments: [], steps: [] };
  const json = inflateRawSync(Buffer.from(column, 'base64')).toString('utf8');
  const compact = JSON.parse(json) as CompactLearning;
  // Plain loops: a manager's team is 200 people's columns, thousands of steps, decoded per call.
  const steps: StepFacts[] = [];
  for (const { p, s } of compact.s) {
    for (const [stepId, status, dueAt, sentAt, doneAt, attempts, lastScore] of s) {
      const step: StepFacts = { programId: p, stepId, status, dueAt, attempts };
      if (sentAt !== null) step.sentAt = sentAt;
      if (doneAt !== null) step.doneAt = doneAt;
      if (lastScore !== null) step.lastScore = lastScore;
      steps.push(step);
    }
  }
  return { enrollments: compact.e, steps };
}

/**
 * My team's list facts (teamViewFacts.ts) as their own column: plain JSON, parsed as it is, since a
 * team read parses 200 of them per call; deflated in base64 (as `learning` is) only when the JSON
 * would not fit a column. JSON starts with `{`, which base64 never does.
 */
export function viewToColumn(facts: TeamViewFacts): string {
  const json = JSON.stringify(facts);
  if (json.length <= MAX_CHARS) return json;
  const column = deflateRawSync(json).toString('base64');
  if (column.length > MAX_CHARS) {
    throw new Error(`a team summary's list facts of ${column.length} characters do not fit their column`);
  }
  return column;
}

/** The facts, or undefined for a row written before they were kept (read `learning` instead). */
export function viewFromColumn(column: unknown): TeamViewFacts | undefined {
  if (typeof column !== 'string' || column === '') return undefined;
  const json = column.startsWith('{')
    ? column
    : inflateRawSync(Buffer.from(column, 'base64')).toString('utf8');
  return JSON.parse(json) as TeamViewFacts;
}
