import { useEffect, useRef, useState } from 'react';
import { Text } from '@fluentui/react-components';
import * as AC from 'adaptivecards';
import { useTabEnv } from '../../../tabContext.ts';
import { useTabTheme } from '../../../theme.ts';
import { teamsMarkdownToHtml } from './markdown.ts';
import { teamsHostConfig } from './teamsHostConfig.ts';
import './cardPreview.css';

/**
 * Draws a card's JSON (as the server would send it to Teams) with Microsoft's `adaptivecards`
 * renderer, the one Teams' web client and the Agents Playground use, in Teams' host config and the
 * tab's theme. Loaded lazily with the renderer: a chunk of its own that the first screen never waits
 * for. Buttons are drawn but do nothing here; pressing one says so.
 */
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = teamsMarkdownToHtml(text);
  result.didProcess = true;
};

export default function AdaptiveCardView({ card, label }: { card: object; label: string }) {
  const { t } = useTabEnv();
  const { theme } = useTabTheme();
  const box = useRef<HTMLDivElement>(null);
  const [pressed, setPressed] = useState<string>();
  const [broken, setBroken] = useState(false);

  useEffect(() => {
    const target = box.current;
    if (!target) return;
    const adaptive = new AC.AdaptiveCard();
    adaptive.hostConfig = new AC.HostConfig(teamsHostConfig(theme));
    adaptive.onExecuteAction = (action) => setPressed(action.title ?? '');
    const context = new AC.SerializationContext();
    adaptive.parse(card, context);
    const rendered = adaptive.render();
    const errors = context.eventCount > 0 ? describe(context) : [];
    if (errors.length > 0) console.warn('Drypp tab: the card preview has problems', errors);
    setBroken(!rendered);
    target.replaceChildren(...(rendered ? [rendered] : []));
    return () => target.replaceChildren();
  }, [card, theme]);

  return (
    <>
      <div ref={box} className="card-preview" role="group" aria-label={label} data-testid="card-preview" />
      {broken && <Text block>{t.previewBroken}</Text>}
      <div role="status">{pressed !== undefined && <Text block>{t.previewButtonPressed(pressed)}</Text>}</div>
    </>
  );
}

function describe(context: AC.SerializationContext): string[] {
  const out: string[] = [];
  for (let i = 0; i < context.eventCount; i++) out.push(context.getEventAt(i).message);
  return out;
}
