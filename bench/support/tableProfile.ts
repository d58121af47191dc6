import { sendInvoke, type InvokeTarget } from './cardInvokes.ts';
import type { TableCall } from './tableProxy.ts';

type ProbedInvoke = Parameters<typeof sendInvoke>[2];

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
 * Answers one after the other, each by a learner the load left alone: the Table calls on that
 * learner's rows during each request, in order, and Azurite's time for them when idle.
 */
export async function profileTableCalls(
  calls: readonly TableCall[],
  target: InvokeTarget,
  probes: ReadonlyArray<{ who: { tenantId: string; userId: string }; planned: ProbedInvoke }>,
): Promise<Record<string, { calls: string[]; table_ms: number; invoke_ms: number }>> {
  const result: Record<string, { calls: string[]; table_ms: number; invoke_ms: number }> = {};
  for (const { who, planned } of probes) {
    const before = calls.length;
    const outcome = await sendInvoke(target, who, planned);
    const mine = calls.slice(before).filter((c) => c.url.includes(who.userId));
    const calledKinds = mine.map((c) => c.kind);
    if (outcome.problem) calledKinds.push(`(answer: ${outcome.problem})`);
    result[planned.kind] = {
      calls: calledKinds,
      table_ms: Math.round(mine.reduce((sum, c) => sum + c.ms, 0) * 10) / 10,
      invoke_ms: Math.round(outcome.ms * 10) / 10,
    };
  }
  return result;
}
