import type { Part, Program } from '../../../domain/learning/program.ts';
import { personLanguage, type Language } from '../../../domain/platform/language.ts';
import type { OutboundCardKind } from '../../delivery/outboundPorts.ts';
import { orConflict, retryOnConflict } from '../../platform/retryOnConflict.ts';
import type { LearningDeps } from '../learningDeps.ts';
import { PLACEMENT_KIND, placementOf, type PlacementTarget } from './placementItem.ts';

/** A part that has a placement quiz. */
export type PlacementPart = Part & { placement: NonNullable<Part['placement']> };

/** Builds the placement card (src/cards/learning/placement), in the learner's language. */
export type RenderPlacementCard = (view: {
  program: Program;
  part: PlacementPart;
  learnerId: string;
  language: Language;
}) => object;

export type PlacementKindDeps = Pick<LearningDeps, 'clock' | 'catalog' | 'progress' | 'steps' | 'people'>;

/**
 * The outbound pipeline's `placement` kind. Rendered at send time, and skipped when there is
 * nothing to offer any more: the enrollment is no longer active or of another version, or the
 * part was answered or already done. The quiz counts as sent just before the call (a person may
 * answer the moment it lands, and an answer is accepted only for a placement card that was sent).
 */
export function placementCardKind(deps: PlacementKindDeps, render: RenderPlacementCard): OutboundCardKind {
  return {
    kind: PLACEMENT_KIND,
    async render(item, context) {
      const target = placementOf(item);
      const found = await loadPlacement(deps, target);
      if (!found) return { skip: 'notLive' };
      const { program, part, first } = found;
      if (first.placementResult !== undefined || first.status === 'done') return { skip: 'answered' };
      const person = await deps.people.get(item.tenantId, item.userId);
      const language = personLanguage(person?.preferredLanguage, context.locale);
      return { card: render({ program, part, learnerId: target.userId, language }) };
    },
    async beforeSend(item) {
      const target = placementOf(item);
      const found = await loadPlacement(deps, target);
      if (!found) return;
      const stepId = found.first.stepId;
      await retryOnConflict('record a placement card as sent', async () => {
        const step = await deps.steps.get(target.tenantId, target.userId, target.programId, stepId);
        if (!step || step.placementSentAt !== undefined) return 'unchanged';
        const sent = { ...step, placementSentAt: deps.clock.now().toISOString() };
        return orConflict(await deps.steps.update(sent), 'recorded');
      });
    },
  };
}

/** The part's quiz and its first step's state, in an active enrollment of the program's version and round. */
async function loadPlacement(deps: PlacementKindDeps, target: PlacementTarget) {
  const program = deps.catalog.find(target.programId);
  const part = program?.parts.find((p): p is PlacementPart => p.id === target.partId && !!p.placement);
  if (!program || !part) return undefined;
  const { enrollment, steps } = await deps.progress.load(target.tenantId, target.userId, target.programId);
  const first = steps.find((s) => s.stepId === part.steps[0]);
  if (!enrollment || enrollment.status !== 'active' || !first) return undefined;
  if (enrollment.programVersion !== program.version || (enrollment.round ?? 0) !== (target.round ?? 0))
    return undefined;
  return { program, part, first };
}
