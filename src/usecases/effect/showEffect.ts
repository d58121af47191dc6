import { can, type Actor } from '../../domain/access/index.ts';
import type { EffectSnapshot } from '../../domain/effect/effectSnapshot.ts';
import type { TeamDirectoryEntry } from '../../domain/managers/teamSummary.ts';
import { mapLimit } from '../platform/mapLimit.ts';
import { refreshEffectFigures, type EffectDeps } from './refreshEffectFigures.ts';

/** "Refresh now" within this long of the last run answers with that run: a button pressed twice reads once. */
export const REFRESH_AT_MOST_EVERY_MS = 30_000;

export type EffectOutcome =
  | { kind: 'notAllowed' }
  | {
      kind: 'figures';
      /** Undefined until the aggregation job has run for the tenant. */
      snapshot?: EffectSnapshot;
      /** The managers whose groups the figures name, for the view to show their names. */
      managers: Map<string, TeamDirectoryEntry>;
    };

const resourceOf = (actor: Actor) => ({ type: 'effectFigures' as const, tenantId: actor.tenantId });

/** The Effect view: the tenant's last snapshot (one partition read), for HR admins only. */
export async function showEffect(deps: EffectDeps, actor: Actor): Promise<EffectOutcome> {
  if (!can(actor, 'view', resourceOf(actor))) return { kind: 'notAllowed' };
  const snapshot = await deps.effectFigures.load(actor.tenantId);
  return { kind: 'figures', snapshot, managers: await managersOf(deps, actor.tenantId, snapshot) };
}

/** The same figures for the CSV export. */
export async function exportEffect(deps: EffectDeps, actor: Actor): Promise<EffectOutcome> {
  if (!can(actor, 'export', resourceOf(actor))) return { kind: 'notAllowed' };
  const snapshot = await deps.effectFigures.load(actor.tenantId);
  return { kind: 'figures', snapshot, managers: await managersOf(deps, actor.tenantId, snapshot) };
}

/** HR asks for figures now instead of waiting for the next run (at most one run per 30 s). */
export async function refreshEffectNow(deps: EffectDeps, actor: Actor): Promise<EffectOutcome> {
  if (!can(actor, 'refresh', resourceOf(actor))) return { kind: 'notAllowed' };
  const last = await deps.effectFigures.load(actor.tenantId);
  const fresh =
    last && deps.clock.now().getTime() - Date.parse(last.at) < REFRESH_AT_MOST_EVERY_MS
      ? last
      : await refreshEffectFigures(deps, actor.tenantId);
  return { kind: 'figures', snapshot: fresh, managers: await managersOf(deps, actor.tenantId, fresh) };
}

async function managersOf(
  deps: Pick<EffectDeps, 'teamDirectory'>,
  tenantId: string,
  snapshot: EffectSnapshot | undefined,
): Promise<Map<string, TeamDirectoryEntry>> {
  const ids = new Set([
    ...(snapshot?.programs.flatMap((p) => p.managers.map((m) => m.managerId)) ?? []),
    ...(snapshot?.involvement?.managers.map((m) => m.managerId) ?? []),
  ]);
  // One point read per manager with people in a program (not per person), a few at a time.
  const entries = await mapLimit([...ids], 16, (id) => deps.teamDirectory.get(tenantId, id));
  return new Map(entries.flatMap((e) => (e ? [[e.id, e] as const] : [])));
}
