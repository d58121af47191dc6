import { canComposeBroadcasts, type Actor } from '../../domain/access/index.ts';
import {
  addressesIn,
  resolveAudience,
  type AudienceSpec,
  type ResolvedAudience,
} from '../../domain/broadcasts/audience.ts';
import {
  parseAudienceExpression,
  type AudienceNode,
  type AudienceSyntaxError,
} from '../../domain/broadcasts/audienceExpression.ts';
import {
  guidelineProblems,
  normalizedContent,
  type GuidelineContent,
  type GuidelineProblem,
} from '../../domain/broadcasts/broadcast.ts';
import type { Language } from '../../domain/platform/language.ts';
import type { BroadcastsDeps } from './broadcastsDeps.ts';

/** An audience as HR gave it: an expression, and/or the text of a pasted or uploaded list. */
export interface AudienceRequest {
  expression?: string;
  addressText?: string;
}

export type AudienceCheck =
  | { kind: 'invalid'; error: AudienceSyntaxError }
  | { kind: 'tooManyAddresses'; max: number }
  | { kind: 'noAudience' }
  | { kind: 'ok'; spec: AudienceSpec; node: AudienceNode | undefined };

/** Parses what HR gave, without touching storage: every mistake is found before anything is looked up. */
export function checkAudience(request: AudienceRequest): AudienceCheck {
  const expression = request.expression?.trim() ? request.expression.trim() : undefined;
  let node: AudienceNode | undefined;
  if (expression !== undefined) {
    const parsed = parseAudienceExpression(expression);
    if (!parsed.ok) return { kind: 'invalid', error: parsed.error };
    node = parsed.node;
  }
  const listed = addressesIn(request.addressText ?? '');
  if (listed.tooMany) return { kind: 'tooManyAddresses', max: 50_000 };
  if (!node && listed.addresses.length === 0) return { kind: 'noAudience' };
  return { kind: 'ok', spec: { expression, addresses: listed.addresses }, node };
}

export function nodeOf(spec: AudienceSpec): AudienceNode | undefined {
  if (!spec.expression) return undefined;
  const parsed = parseAudienceExpression(spec.expression);
  return parsed.ok ? parsed.node : undefined;
}

export type AudienceOutcome =
  | { kind: 'notAllowed' }
  | Exclude<AudienceCheck, { kind: 'ok' }>
  | { kind: 'resolved'; spec: AudienceSpec; resolved: ResolvedAudience };

/** The live count: who an audience is now, and which of its addresses and terms match nobody. */
export async function resolveAudienceFor(
  deps: Pick<BroadcastsDeps, 'directory'>,
  actor: Actor,
  request: AudienceRequest,
): Promise<AudienceOutcome> {
  if (!canComposeBroadcasts(actor)) return { kind: 'notAllowed' };
  const check = checkAudience(request);
  if (check.kind !== 'ok') return check;
  const directory = await deps.directory.candidates(actor.tenantId);
  return {
    kind: 'resolved',
    spec: check.spec,
    resolved: resolveAudience(check.node, check.spec.addresses, directory),
  };
}

/** The people a stored audience is now (the fan-out's list). */
export async function resolveStoredAudience(
  deps: Pick<BroadcastsDeps, 'directory'>,
  tenantId: string,
  spec: AudienceSpec,
): Promise<ResolvedAudience> {
  return resolveAudience(nodeOf(spec), spec.addresses, await deps.directory.candidates(tenantId));
}

/** The values the tab's pickers offer: departments, job titles and managers, with how many people each. */
export async function audienceFacets(deps: Pick<BroadcastsDeps, 'directory'>, actor: Actor) {
  if (!canComposeBroadcasts(actor)) return { kind: 'notAllowed' as const };
  const people = (await deps.directory.candidates(actor.tenantId)).filter((p) => p.eligible);
  const tally = (values: Array<string | undefined>) => {
    const counts = new Map<string, number>();
    for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => a.value.localeCompare(b.value));
  };
  const reports = new Map<string, number>();
  for (const p of people)
    if (p.managerId && p.managerId !== p.id) reports.set(p.managerId, (reports.get(p.managerId) ?? 0) + 1);
  const managers = people
    .filter((p) => reports.has(p.id))
    .map((p) => ({
      id: p.id,
      displayName: p.displayName,
      address: p.userPrincipalName,
      directReports: reports.get(p.id)!,
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return {
    kind: 'facets' as const,
    departments: tally(people.map((p) => p.department)),
    jobTitles: tally(people.map((p) => p.jobTitle)),
    managers,
    everyone: people.length,
  };
}

export type PreviewOutcome =
  | { kind: 'notAllowed' }
  | { kind: 'invalid'; problems: GuidelineProblem[] }
  | { kind: 'preview'; cards: Array<{ language: Language; card: object }> };

/** The real card each language's readers would get, as the bot sends it. */
export function previewGuideline(
  deps: Pick<BroadcastsDeps, 'cards' | 'defaultTimeZone'>,
  actor: Actor,
  input: { content: GuidelineContent; requiresAcknowledgement: boolean; dueDate?: string },
): PreviewOutcome {
  if (!canComposeBroadcasts(actor)) return { kind: 'notAllowed' };
  const problems = guidelineProblems(input.content, input.dueDate);
  if (problems.length > 0) return { kind: 'invalid', problems };
  const content = normalizedContent(input.content);
  const cards = (Object.keys(content.variants) as Language[]).map((language) => {
    const variant = content.variants[language]!;
    return {
      language,
      card: deps.cards.guidelineCard({
        broadcastId: 'preview',
        version: 1,
        language,
        title: variant.title,
        body: variant.body,
        link: content.link,
        requiresAcknowledgement: input.requiresAcknowledgement,
        dueDate: input.dueDate,
        timeZone: deps.defaultTimeZone,
      }),
    };
  });
  return { kind: 'preview', cards };
}
