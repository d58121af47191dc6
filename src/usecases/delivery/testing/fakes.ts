// In-memory fakes of the delivery ports, for use-case tests. The sender records every card and
// answers what the test scripts (a 429 with Retry-After, a person who blocked the app, a crash).
import type { StoredConversation } from '../../../domain/delivery/conversation.ts';
import type { Delivery, SendResult } from '../../../domain/delivery/delivery.ts';
import { deliveryKey, type DueWork } from '../../../domain/delivery/dueWork.ts';
import type { Stored } from '../../platform/ports.ts';
import { EtagRows, Faults } from '../../platform/testing/fakes.ts';
import type { ChatSender, ConversationStore, DeliveryStore, DueWorkStore } from '../ports.ts';

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
