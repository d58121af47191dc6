// In-memory fakes of the delivery ports, for use-case tests. The sender records every card and
// answers what the test scripts (a 429 with Retry-After, a person who blocked the app, a crash).
import type { StoredConversation } from '../../../domain/delivery/conversation.ts';
import type { Delivery, SendResult } from '../../../domain/delivery/delivery.ts';
import { deliveryKey, type DueWork } from '../../../domain/delivery/dueWork.ts';
import type { Stored } from '../../platform/ports.ts';
import { EtagRows, Faults } from '../../platform/testing/fakes.ts';
import type { ConversationStore, DeliveryStore, DueWorkStore } from '../ports.ts';
import {
  countRecipient,
  emptyCounts,
  type OutboundItem,
  type OutboundRecipient,
} from '../../../domain/delivery/outbound.ts';
import type {
  CorrectionReport,
  EnqueueOptions,
  EnqueueReport,
  OutboundCardKind,
  OutboundPipeline,
  OutboundTarget,
} from '../outboundPorts.ts';

const dueKey = (w: DueWork) => `${w.tenantId}|${w.at}|${deliveryKey(w)}`;

export class FakeDueWorkStore implements DueWorkStore {
  private readonly items = new Map<string, DueWork>();
  constructor(readonly faults = new Faults()) {}

  /** Everything scheduled, in time order. */
  all(): DueWork[] {
    return [...this.items.values()].sort((a, b) => a.at.localeCompare(b.at));
  }
  add(work: DueWork) {
    return this.faults.run('dueWork.add', [work], () => {
      this.items.set(dueKey(work), { ...work });
    });
  }
  addAll(works: readonly DueWork[]) {
    return this.faults.run('dueWork.addAll', [works], () => {
      for (const work of works) this.items.set(dueKey(work), { ...work });
    });
  }
  listDue(tenantId: string, now: Date, limit: number) {
    return this.faults.run('dueWork.listDue', [tenantId, now, limit], () =>
      this.all()
        .filter((w) => w.tenantId === tenantId && Date.parse(w.at) <= now.getTime())
        .slice(0, limit),
    );
  }
  remove(work: DueWork) {
    return this.faults.run('dueWork.remove', [work], () => {
      this.items.delete(dueKey(work));
    });
  }
  move(work: DueWork, at: Date) {
    return this.faults.run('dueWork.move', [work, at], () => {
      this.items.delete(dueKey(work));
      const moved = { ...work, at: at.toISOString() };
      this.items.set(dueKey(moved), moved);
      return moved;
    });
  }
  listForPerson(tenantId: string, userId: string) {
    return this.faults.run('dueWork.listForPerson', [tenantId, userId], () =>
      this.all().filter((w) => w.tenantId === tenantId && w.userId === userId),
    );
  }
}

export class FakeDeliveryStore implements DeliveryStore {
  readonly records = new EtagRows<Delivery>((d) => `${d.tenantId}|${d.key}`);
  private readonly sentOnDay = new Map<string, Set<string>>();
  constructor(readonly faults = new Faults()) {}

  begin(d: Delivery) {
    return this.faults.run(
      'deliveries.begin',
      [d],
      (): { created: true; etag: string } | { created: false; existing: Stored<Delivery> } => {
        const existing = this.records.get(`${d.tenantId}|${d.key}`);
        if (existing) return { created: false, existing };
        this.records.create(d);
        return { created: true, etag: this.records.get(`${d.tenantId}|${d.key}`)!.etag };
      },
    );
  }
  finish(d: Stored<Delivery>) {
    return this.faults.run('deliveries.finish', [d], (): { etag: string } | 'conflict' => {
      if (this.records.update(d) === 'conflict') return 'conflict';
      return { etag: this.records.get(`${d.tenantId}|${d.key}`)!.etag };
    });
  }
  countSentOnDay(tenantId: string, userId: string, localDay: string) {
    return this.faults.run(
      'deliveries.countSentOnDay',
      [tenantId, userId, localDay],
      () => this.sentOnDay.get(`${tenantId}|${userId}|${localDay}`)?.size ?? 0,
    );
  }
  recordSentOnDay(tenantId: string, userId: string, localDay: string, key: string) {
    return this.faults.run('deliveries.recordSentOnDay', [tenantId, userId, localDay, key], () => {
      const day = `${tenantId}|${userId}|${localDay}`;
      this.sentOnDay.set(day, new Set([...(this.sentOnDay.get(day) ?? []), key]));
    });
  }
}

export class FakeConversationStore implements ConversationStore {
  private readonly conversations = new Map<string, StoredConversation & { welcomedIn?: string }>();
  constructor(readonly faults = new Faults()) {}

  save(conversation: StoredConversation) {
    return this.faults.run('conversations.save', [conversation], () => {
      const key = `${conversation.tenantId}|${conversation.userId}`;
      this.conversations.set(key, { ...this.conversations.get(key), ...conversation });
    });
  }
  find(tenantId: string, userId: string) {
    return this.faults.run('conversations.find', [tenantId, userId], () => {
      const found = this.conversations.get(`${tenantId}|${userId}`);
      if (!found) return undefined;
      const { welcomedIn: _welcomedIn, ...conversation } = found;
      return conversation;
    });
  }
  markWelcomed(tenantId: string, userId: string, conversationId: string, _at: string) {
    return this.faults.run('conversations.markWelcomed', [tenantId, userId, conversationId], () => {
      const found = this.conversations.get(`${tenantId}|${userId}`);
      if (!found || found.welcomedIn === conversationId) return false;
      found.welcomedIn = conversationId;
      return true;
    });
  }
}

/** Teams as the fake pipeline's drain sees it: one send into a person's chat, and its answer. */
export interface ChatSender {
  sendCard(tenantId: string, userId: string, card: object): Promise<SendResult>;
}

/** Records every card sent; answers `ok` unless the test scripted another answer for the next sends. */
export class FakeChatSender implements ChatSender {
  readonly sent: Array<{ tenantId: string; userId: string; card: object }> = [];
  private readonly answers: SendResult[] = [];
  private activity = 0;
  constructor(readonly faults = new Faults()) {}

  /** The next sends answer these, in order (e.g. Teams' 429 with Retry-After). */
  answerNext(...results: SendResult[]): void {
    this.answers.push(...results);
  }

  sendCard(tenantId: string, userId: string, card: object) {
    return this.faults.run('sender.sendCard', [tenantId, userId, card], (): SendResult => {
      const scripted = this.answers.shift();
      if (scripted && !scripted.ok) return scripted;
      this.sent.push({ tenantId, userId, card });
      return scripted ?? { ok: true, activityId: `activity-${++this.activity}` };
    });
  }
}

/**
 * The outbound pipeline in memory, for use-case tests: `enqueue` records status rows as the real
 * one does (idempotent per key); `drain()` plays a worker: renders each queued item with its kind
 * and sends it through the given sender, once. No rate, no queue, no retries: those are the real
 * pipeline's and are tested against Azurite and the connector simulator.
 */
export class FakeOutboundPipeline implements OutboundPipeline {
  readonly rows = new Map<string, OutboundRecipient & { item: OutboundItem }>();
  /** Every item enqueued, repeats included, in order. */
  readonly enqueued: OutboundItem[] = [];
  readonly corrections: Array<{ op: 'update' | 'delete'; target: OutboundTarget }> = [];
  private readonly kinds = new Map<string, OutboundCardKind>();
  /** Set: a retryable answer fails the item for good (as the real one does after its last retry). */
  giveUp = false;

  constructor(
    private readonly options: { sender?: ChatSender; now?: () => Date; kinds?: OutboundCardKind[] } = {},
  ) {
    for (const kind of options.kinds ?? []) this.register(kind);
  }

  register(kind: OutboundCardKind): void {
    this.kinds.set(kind.kind, kind);
  }

  async enqueue(items: OutboundItem[], options: EnqueueOptions = {}): Promise<EnqueueReport> {
    const report = { queued: 0, alreadyKnown: 0 };
    for (const item of items) {
      this.enqueued.push(item);
      const id = `${item.tenantId}|${item.key}`;
      const existing = this.rows.get(id);
      if (
        existing &&
        options.retryFailed &&
        (existing.status === 'failed' || existing.status === 'skipped')
      ) {
        Object.assign(existing, { status: 'queued', reason: '', ref: item.ref, item });
        report.queued++;
        continue;
      }
      if (existing) {
        report.alreadyKnown++;
        continue;
      }
      this.rows.set(id, {
        tenantId: item.tenantId,
        batchId: item.batchId,
        key: item.key,
        userId: item.userId,
        kind: item.kind,
        ref: item.ref,
        status: 'queued',
        attempts: 0,
        enqueuedAt: this.now().toISOString(),
        item,
      });
      report.queued++;
    }
    return report;
  }

  async counts(tenantId: string, batchId: string) {
    return this.batch(tenantId, batchId).reduce(countRecipient, emptyCounts());
  }

  async recipients(tenantId: string, batchId: string) {
    return { rows: this.batch(tenantId, batchId) };
  }

  async recipient(target: OutboundTarget) {
    return this.withoutItem(this.rows.get(`${target.tenantId}|${target.key}`));
  }

  async updateSent(targets: OutboundTarget[]): Promise<CorrectionReport> {
    return this.correct('update', targets);
  }

  async deleteSent(targets: OutboundTarget[]): Promise<CorrectionReport> {
    return this.correct('delete', targets);
  }

  /** Sends every queued item once, as a worker would; answers how many went out. */
  async drain(): Promise<number> {
    let sent = 0;
    for (const row of this.rows.values()) {
      if (row.status !== 'queued') continue;
      row.status = 'sending'; // taken: a drain running alongside leaves it (the real one has ETags)
      const kind = this.kinds.get(row.kind);
      if (!kind) throw new Error(`no renderer registered for kind ${row.kind}`);
      const rendered = await kind.render(row.item, { purpose: 'send', now: this.now() });
      if ('skip' in rendered) {
        Object.assign(row, { status: 'skipped', reason: rendered.skip });
        await kind.afterFailed?.(row.item, rendered.skip);
        continue;
      }
      if (!this.options.sender) throw new Error('FakeOutboundPipeline.drain needs a sender');
      await kind.beforeSend?.(row.item);
      const result = await this.options.sender.sendCard(row.tenantId, row.userId, rendered.card);
      row.attempts++;
      if (!result.ok) {
        // Stays queued, as the real one re-queues it, unless the test said this was the last try.
        if (result.retryable && !this.giveUp) {
          row.status = 'queued';
          continue;
        }
        Object.assign(row, { status: 'failed', reason: result.reason });
        await kind.afterFailed?.(row.item, result.reason);
        continue;
      }
      const at = this.now();
      Object.assign(row, { status: 'sent', sentAt: at.toISOString(), activityId: result.activityId });
      await kind.afterSent?.(row.item, { activityId: result.activityId, at });
      sent++;
    }
    return sent;
  }

  private correct(op: 'update' | 'delete', targets: OutboundTarget[]): CorrectionReport {
    const report = { queued: 0, notSent: 0 };
    for (const target of targets) {
      const row = this.rows.get(`${target.tenantId}|${target.key}`);
      if (row?.status !== 'sent') {
        report.notSent++;
        continue;
      }
      this.corrections.push({ op, target });
      row[op === 'update' ? 'updatedAt' : 'deletedAt'] = this.now().toISOString();
      report.queued++;
    }
    return report;
  }

  private batch(tenantId: string, batchId: string): OutboundRecipient[] {
    return [...this.rows.values()]
      .filter((r) => r.tenantId === tenantId && r.batchId === batchId)
      .map((r) => this.withoutItem(r)!);
  }

  private withoutItem(row: (OutboundRecipient & { item: OutboundItem }) | undefined) {
    if (!row) return undefined;
    const { item: _item, ...recipient } = row;
    return recipient;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date(0);
  }
}
