import type { Messages } from '../../messages/catalog.ts';
import { card, heading, paragraph, type AdaptiveCard } from '../platform/adaptiveCard.ts';

export interface NoticeCardView {
  title: string;
  body: string;
  /** The certificate's facts, when there is one: valid until, and (later) how to show it. */
  facts: Array<{ title: string; value: string }>;
  /** The certificate's PDF. */
  download?: { title: string; url: string };
}

/** A certification notice: what happened or is due, and what to do. */
export function certificateNoticeCard(_t: Messages, view: NoticeCardView): AdaptiveCard {
  return card(
    [
      heading(view.title),
      paragraph(view.body),
      ...(view.facts.length > 0 ? [{ type: 'FactSet', facts: view.facts }] : []),
    ],
    view.download ? [{ type: 'Action.OpenUrl', title: view.download.title, url: view.download.url }] : [],
  );
}
