import type { Clock } from '../../domain/platform/clock.ts';
import type { StoredConversation } from '../../domain/delivery/conversation.ts';
import { afterAnswer, type ConnectorAnswer, type NextStep } from '../../domain/delivery/outboundRetry.ts';
import type { OutboundRecipient } from '../../domain/delivery/outbound.ts';
import type { AppInstaller } from '../directory/ports.ts';
import type { ConversationPacer } from './conversationPacer.ts';
import { laneOf } from './outboundPipeline.ts';
import type {
  OutboundCardKind,
  OutboundMessage,
  OutboundQueue,
  OutboundStatusStore,
  ReceivedOutbound,
  TeamsConnector,
} from './outboundPorts.ts';
import type { ConversationStore, SendReservation, TenantSendRate } from './ports.ts';

/** Handed out this often without being finished, a message is taken to kill its worker: poison. */
export const MAX_DEQUEUES = 5;
/** Waits for a person's chat (after a Graph install), in seconds: about 35 minutes in all. */
const UNREACHABLE_WAITS_S = [2, 2, 3, 5, 10, 20, 30, 60, 120, 300, 600, 900];
/** A wait for a conversation's own limit longer than this goes back to the queue instead. */
const LONGEST_PACING_WAIT_MS = 1500;

export interface OutboundHandlerDeps {
  clock: Clock;
  status: OutboundStatusStore;
  queue: OutboundQueue;
  conversations: ConversationStore;
  connector: TeamsConnector;
  kinds: ReadonlyMap<string, OutboundCardKind>;
  /** The per-tenant Teams rate all workers share. */
  rate: TenantSendRate;
  pacer: ConversationPacer;
  /**
   * Graph installs for people with no known chat, within the Graph install budget all workers share
   * (src/usecases/directory/installWithinBudget.ts); absent without Graph.
   */
  installer?: AppInstaller;
  /** Wall-clock ms (Teams and Storage count real time, also in a sandbox whose clock moved). */
  nowMs: () => number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  /** This process, recorded on the rows it begins sending. */
  workerId: string;
  /** A 'sending' row older than this is taken as lost: its worker died (the queue's visibility timeout). */
  staleMs: number;
  /** Told of events worth a log line (no personal data: keys and reasons only). */
  notice?: (event: string, detail: Record<string, unknown>) => void;
}

export type HandleOutcome =
  | 'sent'
  | 'updated'
  | 'deleted'
  | 'failed'
  | 'skipped'
  | 'retried'
  | 'waitingForChat'
  | 'duplicate'
  | 'inFlightElsewhere'
  | 'notSent'
  | 'setAside';

/**
 * One message of the outbound queue, start to end: take the status row (ETag), find the chat (or
 * install the app through Graph first), render the card for the person, wait for the conversation's
 * and the tenant's rate, call Teams, record the answer, and either finish the message or put it
 * back to wait (its own Retry-After, a jittered backoff). Every step is safe to run twice.
 */
export async function handleOutbound(
  deps: OutboundHandlerDeps,
  received: ReceivedOutbound,
): Promise<HandleOutcome> {
  const { message } = received;
  const kind = deps.kinds.get(message.item.kind);
  if (received.dequeueCount > MAX_DEQUEUES || !kind) {
    const reason = kind ? 'tooManyAttempts' : 'unknownKind';
    await failRow(deps, message, reason);
    if (kind && message.op === 'send') await kind.afterFailed?.(message.item, reason);
    deps.notice?.('outbound message set aside', { key: message.item.key, reason });
    await received.setAside();
    return 'setAside';
  }
  const earlyMs = (message.notBefore ?? 0) - deps.nowMs();
  if (earlyMs > LONGEST_PACING_WAIT_MS) {
    await requeue(deps, received, message, earlyMs);
    return 'retried';
  }
  if (earlyMs > 0) await deps.sleep(earlyMs);
  if (message.op !== 'send') return correct(deps, kind, received);
  return send(deps, kind, received);
}

async function send(deps: OutboundHandlerDeps, kind: OutboundCardKind, received: ReceivedOutbound) {
  const { message } = received;
  const { item } = message;
  // Everything before the call to Teams that needs no ownership of the row comes first, so the row
  // says 'sending' only for the moment of the call: a row found 'sending' later really was in flight.
  const conversation = await deps.conversations.find(item.tenantId, item.userId);
  if (!conversation) {
    const owned = await own(deps, kind, received);
    return typeof owned === 'string' ? owned : waitForChat(deps, kind, received, owned.etag);
  }
  const rendered = await kind.render(item, {
    purpose: 'send',
    locale: conversation.locale,
    now: deps.clock.now(),
  });
  if ('skip' in rendered) {
    const owned = await own(deps, kind, received);
    if (typeof owned === 'string') return owned;
    await deps.status.change(item, { status: 'skipped', reason: rendered.skip }, owned.etag);
    await kind.afterFailed?.(item, rendered.skip);
    await received.ack();
    return 'skipped';
  }
  const paced = await pace(deps, conversation);
  if (!paced.ok) {
    await requeue(deps, received, message, paced.waitMs);
    return 'retried';
  }
  // The instant is reserved first and waited for last: taking the row and the kind's step before
  // the call happen meanwhile, so what reaches Teams is the reserved instant, not that plus storage.
  const reserved = deps.rate.reserve ? await deps.rate.reserve(item.tenantId) : await taken(deps.rate, item);
  const owned = await own(deps, kind, received);
  if (typeof owned === 'string') return owned;
  const { etag } = owned;
  await kind.beforeSend?.(item);
  await reserved.ready();
  deps.pacer.record(conversation.conversationId, deps.nowMs());
  const answer = await deps.connector.send(conversation, rendered.card);
  const step = afterAnswer(answer, message.transient, deps.random());

  if (step.kind === 'done') {
    const at = deps.clock.now();
    // A conflict: another worker took this send over as lost while it was in flight (both sent:
    // the one duplicate the records cannot prevent); the row is theirs.
    const changed = await deps.status.change(
      item,
      {
        status: 'sent',
        sentAt: at.toISOString(),
        activityId: step.activityId,
        conversationId: conversation.conversationId,
        reason: '',
        ...(kind.afterSent ? { settled: false } : {}),
      },
      etag,
    );
    if (kind.afterSent) {
      await kind.afterSent(item, { activityId: step.activityId, at });
      if (changed !== 'conflict') await deps.status.change(item, { settled: true }, changed.etag);
    }
    await received.ack();
    return 'sent';
  }
  return afterRefusal(deps, kind, received, etag, step);
}

/** What to do when Teams did not take the call: wait and try again, or record the failure. */
async function afterRefusal(
  deps: OutboundHandlerDeps,
  kind: OutboundCardKind,
  received: ReceivedOutbound,
  etag: string,
  step: Exclude<NextStep, { kind: 'done' }>,
): Promise<HandleOutcome> {
  const { message } = received;
  if (step.kind === 'failed') {
    await deps.status.change(message.item, { status: 'failed', reason: step.reason }, etag);
    if (message.op === 'send') await kind.afterFailed?.(message.item, step.reason);
    deps.notice?.('outbound send failed', { key: message.item.key, reason: step.reason });
    await received.ack();
    return 'failed';
  }
  let next = { ...message, etag: undefined as string | undefined };
  if (message.op === 'send') {
    const retryAt = new Date(deps.nowMs() + step.afterMs).toISOString();
    const changed = await deps.status.change(message.item, { status: 'queued', retryAt }, etag);
    next.etag = changed === 'conflict' ? undefined : changed.etag;
  }
  next = step.throttled
    ? { ...next, throttled: message.throttled + 1 }
    : { ...next, transient: message.transient + 1 };
  await requeue(deps, received, next, step.afterMs);
  return 'retried';
}

/**
 * Takes the row for this message ('sending', under its ETag), or finishes the message when that is
 * not for this worker to do: sent before (its after-send step is run if a crash skipped it),
 * settled, or held by another worker (then a copy comes back once that send would count as lost).
 */
async function own(
  deps: OutboundHandlerDeps,
  kind: OutboundCardKind,
  received: ReceivedOutbound,
): Promise<{ etag: string } | HandleOutcome> {
  const { message } = received;
  const { item } = message;
  const attempts = message.transient + message.throttled + message.unreachable + 1;
  const taken = await takeRow(deps, message, attempts);
  if (taken.kind === 'taken') return { etag: taken.etag };
  if (taken.kind === 'busy') {
    await requeue(deps, received, { ...message, etag: undefined }, taken.retryInMs);
    return 'inFlightElsewhere';
  }
  if (taken.kind === 'sent' && taken.row.settled === false && kind.afterSent) {
    await kind.afterSent(item, { activityId: taken.row.activityId ?? '', at: new Date(taken.row.sentAt!) });
    await deps.status.change(item, { settled: true }, taken.row.etag);
  }
  await received.ack();
  return 'duplicate';
}

type Taken =
  | { kind: 'taken'; etag: string }
  | { kind: 'sent'; row: OutboundRecipient & { etag: string } }
  | { kind: 'settled' }
  | { kind: 'busy'; retryInMs: number };

/** Marks the row 'sending' under its ETag, so exactly one worker makes this call to Teams. */
async function takeRow(
  deps: OutboundHandlerDeps,
  message: OutboundMessage,
  attempts: number,
): Promise<Taken> {
  const { item } = message;
  const sending = {
    status: 'sending' as const,
    startedAt: new Date(deps.nowMs()).toISOString(),
    worker: deps.workerId,
    attempts,
  };
  if (message.etag) {
    const changed = await deps.status.change(item, sending, message.etag);
    if (changed !== 'conflict') return { kind: 'taken', etag: changed.etag };
  }
  for (let round = 0; round < 5; round++) {
    const row = await deps.status.get(item);
    if (!row) {
      // Rows are written before their messages, so a message without one outlived its row: the
      // person was erased on request, or their records removed after they left. Their card is not
      // sent, and the row is not written again (that would bring back what the erasure removed).
      deps.notice?.('outbound message dropped: its status row is gone', { kind: item.kind });
      return { kind: 'settled' };
    }
    if (row.status === 'sent') return { kind: 'sent', row };
    if (row.status === 'failed' || row.status === 'skipped') return { kind: 'settled' };
    if (row.status === 'sending') {
      const age = deps.nowMs() - Date.parse(row.startedAt ?? '');
      if (age < deps.staleMs) return { kind: 'busy', retryInMs: deps.staleMs - age + 1000 };
      deps.notice?.('outbound send taken over after its worker stopped', { key: item.key });
    }
    // A stale copy of a message that was put back to wait (its Retry-After): it waits as well.
    const waitMs = row.retryAt ? Date.parse(row.retryAt) - deps.nowMs() : 0;
    if (row.status !== 'sending' && waitMs > 0) return { kind: 'busy', retryInMs: waitMs };
    const changed = await deps.status.change(item, sending, row.etag);
    if (changed !== 'conflict') return { kind: 'taken', etag: changed.etag };
  }
  return { kind: 'busy', retryInMs: 1000 };
}

/** No known chat: install the app through Graph (first time, and now and then), then wait for Teams. */
async function waitForChat(
  deps: OutboundHandlerDeps,
  kind: OutboundCardKind,
  received: ReceivedOutbound,
  etag: string,
): Promise<HandleOutcome> {
  const { message } = received;
  const { item } = message;
  const n = message.unreachable;
  if (n >= UNREACHABLE_WAITS_S.length)
    return afterRefusal(deps, kind, received, etag, { kind: 'failed', reason: 'notReachable' });
  let waitS = UNREACHABLE_WAITS_S[n]!;
  if (deps.installer && (n === 0 || n === 4 || n === 8)) {
    const installed = await deps.installer.installForUser(item.tenantId, item.userId);
    if (installed.kind === 'failed')
      return afterRefusal(deps, kind, received, etag, { kind: 'failed', reason: 'notInstalled' });
    if (installed.kind === 'retry') waitS = Math.max(waitS, Math.ceil(installed.afterMs / 1000));
  }
  const status = deps.installer ? 'installing' : 'queued';
  const retryAt = new Date(deps.nowMs() + waitS * 1000).toISOString();
  const changed = await deps.status.change(item, { status, retryAt }, etag);
  const next = { ...message, etag: changed === 'conflict' ? undefined : changed.etag, unreachable: n + 1 };
  await requeue(deps, received, next, waitS * 1000);
  return 'waitingForChat';
}

/** A correction of a sent card: update it in place, or delete it (a recall). */
async function correct(
  deps: OutboundHandlerDeps,
  kind: OutboundCardKind,
  received: ReceivedOutbound,
): Promise<HandleOutcome> {
  const { message } = received;
  const { item } = message;
  const row = await deps.status.get(item);
  const conversation = row?.conversationId
    ? await deps.conversations.find(item.tenantId, item.userId)
    : undefined;
  if (!row || row.status !== 'sent' || !row.activityId || row.deletedAt || !conversation) {
    await received.ack();
    return 'notSent';
  }
  const chat: StoredConversation = { ...conversation, conversationId: row.conversationId! };
  let answer: ConnectorAnswer;
  if (message.op === 'update') {
    const rendered = await kind.render(item, {
      purpose: 'update',
      locale: conversation.locale,
      now: deps.clock.now(),
    });
    if ('skip' in rendered) {
      await received.ack();
      return 'skipped';
    }
    await deps.rate.take(item.tenantId);
    answer = await deps.connector.update(chat, row.activityId, rendered.card);
  } else {
    await deps.rate.take(item.tenantId);
    answer = await deps.connector.delete(chat, row.activityId);
  }
  const step = afterAnswer(answer, message.transient, deps.random());
  if (
    step.kind === 'done' ||
    (message.op === 'delete' && step.kind === 'failed' && step.reason === 'notFound')
  ) {
    const at = deps.clock.now().toISOString();
    const corrected = message.op === 'update' ? { updatedAt: at } : { deletedAt: at };
    await deps.status.change(item, corrected, row.etag, row);
    await received.ack();
    return message.op === 'update' ? 'updated' : 'deleted';
  }
  if (step.kind === 'failed') {
    // The card stays as it was in that chat; the row keeps saying sent. Reported, not retried.
    deps.notice?.(`outbound ${message.op} failed`, { key: item.key, reason: step.reason });
    await received.ack();
    return 'failed';
  }
  const next = step.throttled
    ? { ...message, throttled: message.throttled + 1 }
    : { ...message, transient: message.transient + 1 };
  await requeue(deps, received, next, step.afterMs);
  return 'retried';
}

async function taken(rate: TenantSendRate, item: { tenantId: string }): Promise<SendReservation> {
  await rate.take(item.tenantId);
  return { at: 0, ready: async () => undefined };
}

async function pace(deps: OutboundHandlerDeps, conversation: StoredConversation) {
  const waitMs = deps.pacer.waitMs(conversation.conversationId, deps.nowMs());
  if (waitMs > LONGEST_PACING_WAIT_MS) return { ok: false as const, waitMs };
  if (waitMs > 0) await deps.sleep(waitMs);
  return { ok: true as const };
}

/** A new message first, then the old one acknowledged: a crash between leaves two, never none. */
async function requeue(
  deps: OutboundHandlerDeps,
  received: ReceivedOutbound,
  next: OutboundMessage,
  delayMs: number,
) {
  const notBefore = deps.nowMs() + delayMs;
  await deps.queue.send(laneOf(next.item), { ...next, notBefore }, { delayMs });
  await received.ack();
}

async function failRow(deps: OutboundHandlerDeps, message: OutboundMessage, reason: string): Promise<void> {
  if (message.op !== 'send') return;
  for (let round = 0; round < 5; round++) {
    const row = await deps.status.get(message.item);
    if (!row || row.status === 'sent' || row.status === 'failed' || row.status === 'skipped') return;
    if ((await deps.status.change(message.item, { status: 'failed', reason }, row.etag)) !== 'conflict')
      return;
  }
}
