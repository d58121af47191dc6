/** Latency summaries: nearest-rank percentiles, in milliseconds rounded to 0.1. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1]!;
}

export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

export interface LatencySummary {
  n: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  mean_ms: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50_ms: roundMs(percentile(sorted, 50)),
    p95_ms: roundMs(percentile(sorted, 95)),
    p99_ms: roundMs(percentile(sorted, 99)),
    max_ms: roundMs(sorted.at(-1) ?? 0),
    mean_ms: roundMs(sorted.length ? sum / sorted.length : 0),
  };
}
