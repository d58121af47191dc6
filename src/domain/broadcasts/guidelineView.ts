// What one person's guideline card shows, from the broadcast and their record. Pure.
import type { Language } from '../platform/language.ts';
import { currentVersion, variantFor, type Broadcast } from './broadcast.ts';
import { acknowledgedAt, type BroadcastRecipient } from './recipient.ts';

export interface GuidelineCardView {
  broadcastId: string;
  version: number;
  language: Language;
  title: string;
  body: string;
  link?: string;
  requiresAcknowledgement: boolean;
  dueDate?: string;
  /** For a correction: what changed since the version before. */
  changeNote?: string;
  /** When they acknowledged this version: the card then shows it instead of the button. */
  acknowledgedAt?: string;
  /** A reminder of an unacknowledged guideline: which one (1-based). */
  reminder?: number;
  /** A manager's nudge about it: the manager's name. */
  nudgedBy?: string;
  timeZone: string;
}

/** The card of the broadcast's current version for one person, in their language. */
export function guidelineView(
  b: Broadcast,
  r: Pick<BroadcastRecipient, 'language' | 'timeZone' | 'acknowledgements'>,
  options: { defaultTimeZone: string; reminder?: number; nudgedBy?: string },
): GuidelineCardView {
  const version = currentVersion(b);
  // The card's own words follow the person's language; the guideline's text is the variant they get.
  const { variant } = variantFor(version.content, r.language);
  return {
    broadcastId: b.id,
    version: b.version,
    language: r.language,
    title: variant.title,
    body: variant.body,
    link: version.content.link,
    requiresAcknowledgement: b.requiresAcknowledgement,
    dueDate: b.dueDate,
    changeNote: version.changeNote,
    acknowledgedAt: acknowledgedAt(r as BroadcastRecipient, b.version),
    reminder: options.reminder,
    nudgedBy: options.nudgedBy,
    timeZone: r.timeZone ?? options.defaultTimeZone,
  };
}
