import { z } from 'zod';
import { broadcastCardVerbs, type BroadcastCardVerb } from '../platform/cardVerbs.ts';

/**
 * The data of guideline card actions, with limits: the broadcast's id (a UUID Drypp made) and the
 * version the card showed. The version is only compared with the server's, never recorded.
 * Anything else, or anything larger, is refused as an out-of-date card before any use case runs.
 */
export const broadcastActionSchemas = {
  [broadcastCardVerbs.acknowledgeGuideline]: z.object({
    broadcastId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
    version: z.int().min(1).max(1_000_000),
    // Teams may add its own object next to the card's data.
    msteams: z.looseObject({}).optional(),
  }),
} satisfies Record<BroadcastCardVerb, z.ZodType>;

export type AcknowledgeGuidelineData = z.infer<(typeof broadcastActionSchemas)['guideline.acknowledge']>;
