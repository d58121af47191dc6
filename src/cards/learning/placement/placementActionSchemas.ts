import { z } from 'zod';
import { placementCardVerbs, type PlacementCardVerb } from '../../platform/cardVerbs.ts';
import { cardDataLimits, Count, ObjectId, Slug, withChoices } from '../steps/stepActionSchemas.ts';

/**
 * The data of a placement card's actions. The card names the part and whose card it is; the answers
 * arrive as the quiz's `q_<questionId>` inputs (→ `choices`, option indexes only). Nothing else the
 * card might carry (a score, a verdict) is read: the server scores the choices against the content.
 */
const PlacementActionDataSchema = z
  .object({
    programId: Slug,
    programVersion: Count(cardDataLimits.maxVersion),
    partId: Slug,
    learnerId: ObjectId,
    msteams: z.looseObject({}).optional(),
  })
  .catchall(z.string().max(cardDataLimits.inputLength));

export const AnswerPlacementDataSchema = PlacementActionDataSchema.transform(withChoices);
export const DeclinePlacementDataSchema = PlacementActionDataSchema;

export const placementActionSchemas = {
  [placementCardVerbs.answerPlacement]: AnswerPlacementDataSchema,
  [placementCardVerbs.declinePlacement]: DeclinePlacementDataSchema,
} as const satisfies Record<PlacementCardVerb, z.ZodType>;

export type PlacementActionDataOf<V extends PlacementCardVerb> = z.infer<(typeof placementActionSchemas)[V]>;
