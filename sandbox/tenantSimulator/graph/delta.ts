import { createHmac, timingSafeEqual } from 'node:crypto';
import { REMOVED_BIT, presentUser, userProperties } from './graphUser.ts';
import type { TenantState } from '../state/tenantState.ts';
import type { UserRecord } from '../state/types.ts';

/**
 * `/users/delta` state tokens and pages. A round is either the initial one (every live user, in
 * the order they were created) or a tracked one (the change log between two sequence numbers).
 * Tokens are opaque to clients but signed here, carry `$select`, the tenant's sync generation and
 * when they were issued; anything else, or a token older than 7 days, answers 410.
 */

export const DELTA_TOKEN_DAYS = 7;

export interface DeltaCursor {
  tenantId: string;
  generation: number;
  kind: 'initial' | 'changes' | 'link';
  from: number; // changes after this sequence number (for a tracked round)
  upTo: number; // the round's end: the next deltaLink starts here
  position: number; // users index (initial) or log index (changes) to read on from
  select: string | null;
  issuedAt: number; // ms, the simulator's clock
}

export function encodeCursor(cursor: DeltaCursor, secret: Buffer): string {
  const body = Buffer.from(
    JSON.stringify([
      cursor.tenantId,
      cursor.generation,
      cursor.kind,
      cursor.from,
      cursor.upTo,
      cursor.position,
      cursor.select,
      cursor.issuedAt,
    ]),
  ).toString('base64url');
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url').slice(0, 22)}`;
}

/** The cursor in a token, or undefined for a token this simulator did not issue. */
export function decodeCursor(token: string, secret: Buffer): DeltaCursor | undefined {
  const [body, mac] = token.split('.');
  if (!body || !mac) return undefined;
  const expected = createHmac('sha256', secret).update(body).digest('base64url').slice(0, 22);
  if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected)))
    return undefined;
  try {
    const [tenantId, generation, kind, from, upTo, position, select, issuedAt] = JSON.parse(
      Buffer.from(body, 'base64url').toString('utf8'),
    ) as [string, number, DeltaCursor['kind'], number, number, number, string | null, number];
    return { tenantId, generation, kind, from, upTo, position, select, issuedAt };
  } catch {
    return undefined; // a well-signed token is always JSON; this only guards against a changed secret
  }
}

export type CursorCheck =
  { ok: true } | { ok: false; code: 'syncStateNotFound' | 'resyncRequired'; message: string };

export function checkCursor(cursor: DeltaCursor | undefined, tenant: TenantState, now: Date): CursorCheck {
  if (!cursor || cursor.tenantId !== tenant.id || cursor.upTo > tenant.seq)
    return { ok: false, code: 'syncStateNotFound', message: 'The sync state generation is not found.' };
  if (now.getTime() - cursor.issuedAt > DELTA_TOKEN_DAYS * 86_400_000)
    return {
      ok: false,
      code: 'syncStateNotFound',
      message:
        'The sync state generation is not found. The delta token is expired and data must be synchronized again.',
    };
  if (cursor.generation !== tenant.generation)
    return {
      ok: false,
      code: 'resyncRequired',
      message: 'The delta token is no longer valid, and the app must reset the sync state.',
    };
  return { ok: true };
}

export interface DeltaPage {
  value: Record<string, unknown>[];
  next: DeltaCursor | undefined; // more pages in this round
  deltaLink: DeltaCursor | undefined; // the round is done
}

/** One page of a round; `props`/`mask` come from the round's `$select`. */
export function readDeltaPage(
  tenant: TenantState,
  cursor: DeltaCursor,
  pageSize: number,
  props: string[],
  mask: number,
  now: Date,
  changedPropertiesOnly = false,
): DeltaPage {
  const value: Record<string, unknown>[] = [];
  const present = (user: UserRecord) => withManager(tenant, user, props);
  let position = cursor.position;
  let done: boolean;
  if (cursor.kind === 'initial') {
    while (position < tenant.users.length && value.length < pageSize) {
      const user = tenant.users[position++]!;
      if (!user.removed) value.push(present(user));
    }
    done = position >= tenant.users.length;
  } else {
    // Tracked round: one entry per change; a user changed twice may come twice (Graph replays too).
    const seen = new Set<string>();
    while (position < cursor.upTo && value.length < pageSize) {
      const id = tenant.logIds[position]!;
      const changed = tenant.logMasks[position]!;
      position++;
      if (!(changed & (mask | REMOVED_BIT)) || (seen.has(id) && !changedPropertiesOnly)) continue;
      seen.add(id);
      const user = tenant.findUser(id)!;
      if (user.removed) value.push({ id: user.id, '@removed': { reason: user.removed } });
      else if (changedPropertiesOnly) value.push(changedOnly(present(user), changed));
      else value.push(present(user));
    }
    done = position >= cursor.upTo;
  }
  const issuedAt = now.getTime();
  if (!done) return { value, next: { ...cursor, position, issuedAt }, deltaLink: undefined };
  const link: DeltaCursor = { ...cursor, kind: 'link', from: cursor.upTo, position: cursor.upTo, issuedAt };
  return { value, next: undefined, deltaLink: link };
}

function withManager(tenant: TenantState, user: UserRecord, props: string[]): Record<string, unknown> {
  const out = presentUser(user, props);
  if (props.includes('manager')) {
    const manager = user.managerId ? tenant.findUser(user.managerId) : undefined;
    out['manager@delta'] =
      manager && !manager.removed ? [{ '@odata.type': '#microsoft.graph.user', id: manager.id }] : [];
  }
  return out;
}

/** The first cursor of a round: a fresh initial round, or the tracked round a deltaLink starts. */
export function startRound(
  tenant: TenantState,
  select: string | null,
  link: DeltaCursor | undefined,
  now: Date,
): DeltaCursor {
  const issuedAt = now.getTime();
  if (!link)
    return {
      tenantId: tenant.id,
      generation: tenant.generation,
      kind: 'initial',
      from: 0,
      upTo: tenant.seq,
      position: 0,
      select,
      issuedAt,
    };
  return { ...link, kind: 'changes', upTo: tenant.seq, position: link.from, issuedAt };
}

/** `id` and the properties whose change bits are set: what Graph minimally sends for an update. */
function changedOnly(user: Record<string, unknown>, changed: number): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(user).filter(([prop]) => {
      if (prop === 'id') return true;
      const bit = prop === 'manager@delta' ? userProperties.manager! : userProperties[prop];
      return bit !== undefined && (bit & changed) !== 0;
    }),
  );
}
