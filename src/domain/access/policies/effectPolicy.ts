import { isHrAdmin, sameTenant, type Actor } from '../actor.ts';

/**
 * The Effect view: figures about programs and groups, never about one person (the five-person rule
 * in src/domain/effect/suppression.ts). Only HR admins of the same tenant see, export or refresh them;
 * a person's own answers stay with the step policy (the person, their manager where the program
 * shares them, HR).
 */
export type EffectAction = 'view' | 'export' | 'refresh';

export interface EffectFiguresResource {
  type: 'effectFigures';
  tenantId: string;
}

export function effectActions(actor: Actor, r: EffectFiguresResource): EffectAction[] {
  if (!sameTenant(actor, r.tenantId) || !isHrAdmin(actor)) return [];
  return ['view', 'export', 'refresh'];
}
