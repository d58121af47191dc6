import type { LearningTimeRequest } from '../../domain/managers/learningTimeRequest.ts';
import type { LearningTimeStore } from './ports.ts';

const ATTEMPTS = 5;

/**
 * The one read-change-write loop for learning-time requests: `change` is pure and sees the newest
 * row on every attempt; a concurrent writer (the tab and the card deciding at once, the follow-up
 * job setting a flag) makes the ETag check fail and the change is computed again on fresh data.
 * `change` returns undefined to leave the row as it is.
 */
export async function changeRequest<R>(
  deps: { learningTime: LearningTimeStore },
  tenantId: string,
  id: string,
  change: (current: LearningTimeRequest) => { next?: LearningTimeRequest; result: R },
): Promise<{ found: false } | { found: true; result: R; request: LearningTimeRequest }> {
  for (let attempt = 1; ; attempt++) {
    const current = await deps.learningTime.get(tenantId, id);
    if (!current) return { found: false };
    const { next, result } = change(current);
    if (!next) return { found: true, result, request: current };
    if ((await deps.learningTime.update(next)) === 'updated') return { found: true, result, request: next };
    if (attempt >= ATTEMPTS) throw new Error(`learning-time request kept changing under ${ATTEMPTS} writes`);
  }
}
