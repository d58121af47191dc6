import type { LearningTimeRequest } from '../../../domain/managers/learningTimeRequest.ts';
import { orConflict, retryOnConflict } from '../../platform/retryOnConflict.ts';
import type { LearningTimeStore } from '../ports.ts';

/**
 * Read-change-write of one learning-time request on the shared retryOnConflict: `change` is pure
 * and sees the newest row on every attempt; a concurrent writer (the tab and the card deciding at
 * once, the follow-up job setting a flag) makes the ETag check fail and the change is computed again
 * on fresh data. `change` returns no `next` to leave the row as it is.
 */
export async function changeRequest<R>(
  deps: { learningTime: LearningTimeStore },
  tenantId: string,
  id: string,
  change: (current: LearningTimeRequest) => { next?: LearningTimeRequest; result: R },
): Promise<{ found: false } | { found: true; result: R; request: LearningTimeRequest }> {
  return retryOnConflict(`learning-time request ${id}`, async () => {
    const current = await deps.learningTime.get(tenantId, id);
    if (!current) return { found: false as const };
    const { next, result } = change(current);
    if (!next) return { found: true as const, result, request: current };
    const outcome = await deps.learningTime.update({ ...next, etag: current.etag });
    return orConflict(outcome, { found: true as const, result, request: next });
  });
}
