import { plannedInvoke, sendInvoke, type BenchLearner, type InvokeKind } from './cardInvokes.ts';
import type { TableCall } from './tableProxy.ts';

export interface TableCallSummary {
  total: number;
  per_invoke: number;
  by_kind: Record<string, { n: number; mean_ms: number }>;
}

/** Table calls made while the load ran (the scheduler's included), by kind, with Azurite's time per call. */
export function summarizeTableCalls(calls: readonly TableCall[], invokes: number): TableCallSummary {
  const byKind: Record<string, { n: number; mean_ms: number }> = {};
  for (const call of calls) {
    const entry = (byKind[call.kind] ??= { n: 0, mean_ms: 0 });
    entry.mean_ms += (call.ms - entry.mean_ms) / ++entry.n;
  }
  for (const entry of Object.values(byKind)) entry.mean_ms = Math.round(entry.mean_ms * 10) / 10;
  return {
    total: calls.length,
    per_invoke: invokes ? Math.round((calls.length / invokes) * 100) / 100 : 0,
    by_kind: byKind,
  };
}

/**
 * One click of each kind, one after the other, by a learner the load left alone: the Table calls on
 * that learner's rows during each request, in order, and Azurite's time for them when idle.
 */
export async function profileTableCalls(
  calls: readonly TableCall[],
  target: { dryppUrl: string; serviceUrl: string; tenantId: string },
  learner: BenchLearner,
): Promise<Record<string, { calls: string[]; table_ms: number; invoke_ms: number }>> {
  const kinds: InvokeKind[] = ['completeLesson', 'completeLessonAgain', 'quizEmpty', 'reflectionTooLong'];
  const result: Record<string, { calls: string[]; table_ms: number; invoke_ms: number }> = {};
  for (const kind of kinds) {
    const before = calls.length;
    const outcome = await sendInvoke(target, learner.id, plannedInvoke(learner, kind));
    const mine = calls.slice(before).filter((c) => c.url.includes(learner.id));
    result[kind] = {
      calls: mine.map((c) => c.kind),
      table_ms: Math.round(mine.reduce((sum, c) => sum + c.ms, 0) * 10) / 10,
      invoke_ms: Math.round(outcome.ms * 10) / 10,
    };
    if (outcome.problem) result[kind].calls.push(`(answer: ${outcome.problem})`);
  }
  return result;
}
