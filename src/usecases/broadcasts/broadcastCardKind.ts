import { BROADCAST_KIND } from '../../domain/broadcasts/broadcast.ts';
import { guidelineView } from '../../domain/broadcasts/guidelineView.ts';
import { hasAcknowledged } from '../../domain/broadcasts/recipient.ts';
import type { OutboundItem } from '../../domain/delivery/outbound.ts';
import type { OutboundCardKind, RenderContext, RenderedCard } from '../delivery/outboundPorts.ts';
import type { BroadcastsDeps } from './broadcastsDeps.ts';

/**
 * How the outbound pipeline renders a broadcast's cards at send time: the guideline's current
 * version in the person's language (a correction is rendered again the same way). A recalled
 * guideline is not sent; a reminder or a nudge to someone who acknowledged meanwhile is skipped.
 * The item's ref: `{ broadcastId, reminder?, nudgedBy? }`.
 */
export function broadcastCardKind(
  deps: Pick<BroadcastsDeps, 'broadcasts' | 'recipients' | 'cards' | 'defaultTimeZone'>,
): OutboundCardKind {
  return {
    kind: BROADCAST_KIND,
    async render(item: OutboundItem, _context: RenderContext): Promise<RenderedCard> {
      const broadcastId = typeof item.ref.broadcastId === 'string' ? item.ref.broadcastId : '';
      if (!broadcastId) return { skip: 'unreadable' };
      const [b, r] = await Promise.all([
        deps.broadcasts.get(item.tenantId, broadcastId),
        deps.recipients.get(item.tenantId, broadcastId, item.userId),
      ]);
      if (!b) return { skip: 'broadcastGone' };
      if (b.status === 'recalled') return { skip: 'recalled' };
      if (!r) return { skip: 'notARecipient' };
      const reminder = typeof item.ref.reminder === 'number' ? item.ref.reminder : undefined;
      const nudgedBy = typeof item.ref.nudgedBy === 'string' ? item.ref.nudgedBy : undefined;
      if ((reminder || nudgedBy !== undefined) && hasAcknowledged(r, b.version))
        return { skip: 'acknowledged' };
      return {
        card: deps.cards.guidelineCard(
          guidelineView(b, r, { defaultTimeZone: deps.defaultTimeZone, reminder, nudgedBy }),
        ),
      };
    },
  };
}
