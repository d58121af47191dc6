import type { ResolvedAudience } from '../../domain/broadcasts/audience.ts';
import { countByDepartment } from '../../domain/broadcasts/audience.ts';
import {
  currentVersion,
  variantFor,
  type Broadcast,
  type GuidelineContent,
} from '../../domain/broadcasts/broadcast.ts';
import { languageFromLocale } from '../../domain/platform/language.ts';
import { deliveryReasonOf, type DeliveryReason } from '../../domain/delivery/outbound.ts';
import type { BroadcastOverview } from '../../usecases/broadcasts/showBroadcasts.ts';
import type { TeamGuideline } from '../../usecases/broadcasts/teamAcknowledgements.ts';
import type {
  AudienceResolutionResponse,
  BroadcastDetailView,
  BroadcastProgressView,
  BroadcastSummaryView,
  DeliveryReasonView,
  GuidelineDraftBody,
  TeamGuidelineView,
} from './contract.ts';

/** The most unmatched addresses an answer lists (the count says how many there are in all). */
const UNMATCHED_LISTED = 500;

/** From the broadcasts use cases' results to the tab API's views (src/http/tabs/contract.ts). */
export function audienceView(resolved: ResolvedAudience): AudienceResolutionResponse {
  return {
    count: resolved.people.length,
    unmatchedAddresses: resolved.unmatchedAddresses.slice(0, UNMATCHED_LISTED),
    unmatchedAddressCount: resolved.unmatchedAddresses.length,
    unmatchedTerms: resolved.unmatchedTerms,
    byDepartment: countByDepartment(resolved.people),
  };
}

export function draftOf(
  content: GuidelineContent,
  b: Pick<Broadcast, 'requiresAcknowledgement' | 'dueDate'>,
): GuidelineDraftBody {
  return {
    variants: content.variants,
    defaultLanguage: content.defaultLanguage,
    ...(content.link ? { link: content.link } : {}),
    requiresAcknowledgement: b.requiresAcknowledgement,
    ...(b.dueDate ? { dueDate: b.dueDate } : {}),
  };
}

/** Stored reasons as the tab's codes (rows from before the codes fold into theirs). */
function failureCounts(byReason: Record<string, number>): Map<DeliveryReasonView, number> {
  const counts = new Map<DeliveryReasonView, number>();
  for (const [stored, count] of Object.entries(byReason)) {
    const reason: DeliveryReasonView = deliveryReasonOf(stored);
    counts.set(reason, (counts.get(reason) ?? 0) + count);
  }
  return counts;
}

// The contract's codes are the domain's, no more and no fewer (this line fails to compile otherwise).
const sameReasons: [DeliveryReasonView] extends [DeliveryReason]
  ? [DeliveryReason] extends [DeliveryReasonView]
    ? true
    : never
  : never = true;
void sameReasons;

function progressView(o: BroadcastOverview): BroadcastProgressView {
  const c = o.progress.counts;
  return {
    recipients: o.broadcast.recipientCount ?? c.total,
    queued: c.queued + c.installing + c.sending,
    sent: c.sent,
    failed: c.failed,
    acknowledged: o.progress.acknowledged,
    failures: [...failureCounts(c.byReason)]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    recalled: c.deleted,
  };
}

export function summaryView(o: BroadcastOverview, locale: string | undefined): BroadcastSummaryView {
  const b = o.broadcast;
  const { variant } = variantFor(currentVersion(b).content, languageFromLocale(locale));
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    value === undefined ? {} : { [key]: value };
  return {
    id: b.id,
    title: variant.title,
    status: o.status,
    version: b.version,
    requiresAcknowledgement: b.requiresAcknowledgement,
    ...optional('dueDate', b.dueDate),
    createdAt: b.createdAt,
    createdBy: { id: b.createdBy, displayName: o.creatorName },
    ...optional('scheduledFor', b.scheduledFor),
    ...optional('sentAt', b.status !== 'draft' && b.status !== 'scheduled' ? b.scheduledFor : undefined),
    ...optional('recalledAt', b.recalledAt),
    audience: {
      ...optional('expression', b.audience.expression),
      addressCount: b.audience.addresses.length || (b.audience.addressCount ?? 0),
    },
    progress: progressView(o),
    actions: o.actions.filter((a) => a !== 'view') as BroadcastSummaryView['actions'],
  };
}

export function detailView(o: BroadcastOverview, locale: string | undefined): BroadcastDetailView {
  const b = o.broadcast;
  return {
    ...summaryView(o, locale),
    draft: draftOf(currentVersion(b).content, b),
    versions: b.versions.map((v) => ({
      version: v.version,
      createdAt: v.createdAt,
      createdBy: { id: v.createdBy, displayName: o.names.get(v.createdBy) ?? '' },
      ...(v.changeNote ? { changeNote: v.changeNote } : {}),
    })),
    reminders: { afterDays: b.reminders.afterDays, maxReminders: b.reminders.maxReminders },
    remindersSent: b.remindersSent,
  };
}

export function teamGuidelineView(g: TeamGuideline, locale: string | undefined): TeamGuidelineView {
  const b = g.broadcast;
  const { variant } = variantFor(currentVersion(b).content, languageFromLocale(locale));
  return {
    broadcastId: b.id,
    title: variant.title,
    version: b.version,
    ...(b.dueDate ? { dueDate: b.dueDate } : {}),
    ...(b.scheduledFor ? { sentAt: b.scheduledFor } : {}),
    recipients: g.recipients.length,
    acknowledged: g.recipients.length - g.notAcknowledged.length,
    notAcknowledged: g.notAcknowledged
      .map((n) => ({
        personId: n.recipient.userId,
        displayName: n.recipient.displayName,
        ...(n.deliveredAt ? { deliveredAt: n.deliveredAt } : {}),
        remindersSent: n.recipient.remindersSent,
        actions: n.canNudge ? (['nudgeAcknowledgement'] as const).slice() : [],
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName)),
  };
}
