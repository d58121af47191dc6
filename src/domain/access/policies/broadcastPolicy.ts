import type { BroadcastStatus } from '../../broadcasts/broadcast.ts';
import { isHrAdmin, isSelf, manages, sameTenant, type Actor } from '../actor.ts';

/**
 * What HR may do with a broadcast. The names match the tab API's `BroadcastAction`
 * (src/http/tabs/contract.ts). Only HR admins of the same tenant; the state decides the rest.
 */
export type BroadcastAction =
  'view' | 'send' | 'correct' | 'recall' | 'export' | 'setReminders' | 'viewRates';

export interface BroadcastResource {
  type: 'broadcast';
  tenantId: string;
  status: BroadcastStatus;
  requiresAcknowledgement: boolean;
}

export function broadcastActions(actor: Actor, b: BroadcastResource): BroadcastAction[] {
  if (!sameTenant(actor, b.tenantId) || !isHrAdmin(actor)) return [];
  const actions: BroadcastAction[] = ['view'];
  if (b.status === 'draft' || b.status === 'scheduled') actions.push('send');
  if (b.status === 'sending' || b.status === 'sent') actions.push('correct');
  if (b.status !== 'draft' && b.status !== 'recalled') actions.push('recall');
  if (b.status !== 'draft') actions.push('export', 'viewRates');
  if (b.requiresAcknowledgement && b.status !== 'recalled') actions.push('setReminders');
  return actions;
}

/** Writing and sending broadcasts at all: HR admins. */
export function canComposeBroadcasts(actor: Actor): boolean {
  return isHrAdmin(actor);
}

/** What can be done with one person's copy of a guideline. */
export type GuidelineRecipientAction = 'view' | 'acknowledge' | 'nudgeAcknowledgement';

export interface GuidelineRecipientResource {
  type: 'guidelineRecipient';
  tenantId: string;
  /** The person the guideline was sent to. */
  recipientId: string;
  requiresAcknowledgement: boolean;
  recalled: boolean;
  /** Whether they acknowledged the current version. */
  acknowledged: boolean;
}

/**
 * Only the person it was sent to acknowledges it (never their manager or HR in their name); their
 * managers see it and may remind them while it is not acknowledged; HR sees it.
 */
export function guidelineRecipientActions(
  actor: Actor,
  r: GuidelineRecipientResource,
): GuidelineRecipientAction[] {
  if (!sameTenant(actor, r.tenantId)) return [];
  const open = r.requiresAcknowledgement && !r.recalled;
  const actions: GuidelineRecipientAction[] = [];
  if (isSelf(actor, r.recipientId)) {
    actions.push('view');
    if (open) actions.push('acknowledge');
  }
  if (manages(actor, r.recipientId)) {
    actions.push('view');
    if (open && !r.acknowledged) actions.push('nudgeAcknowledgement');
  }
  if (isHrAdmin(actor)) actions.push('view');
  return [...new Set(actions)];
}
