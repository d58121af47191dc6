import type { LearningRecord } from '../../domain/privacy/learningRecord.ts';
import type { PersonRef } from '../../domain/privacy/personalData.ts';
import {
  statementsOf,
  type ActivityNames,
  type XapiSettings,
  type XapiStatement,
} from '../../domain/privacy/xapiStatements.ts';
import type { ReceivedMessage } from '../platform/ports.ts';
import type { LearningRecordStore, PseudonymStore } from './ports.ts';

export interface SendLearningRecordsDeps {
  inbox: {
    receive(max: number, visibilitySeconds?: number): Promise<Array<ReceivedMessage<LearningRecord>>>;
  };
  pseudonyms: PseudonymStore;
  lrs: LearningRecordStore;
  names: ActivityNames;
  settings: XapiSettings;
  /** A person erased since the record was made: their record is dropped, no pseudonym is made. */
  isErased(person: PersonRef): Promise<boolean>;
}

export interface SendOptions {
  /** Records taken from the queue at a time (Storage hands out at most 32). */
  batchSize?: number;
  /** Batches at once; each waits for its own LRS answer. */
  lanes?: number;
  /** Stop after this many batches per lane (a round of the job stays short). */
  maxBatches?: number;
  /** A record not acknowledged is handed out again after this long: the retry delay when the LRS is down. */
  visibilitySeconds?: number;
}

/** What one round did: counts only (never a person). */
export interface SendRound {
  records: number;
  statements: number;
  /** Records the LRS refused (4xx) even one at a time: set aside on the poison queue, for an operator. */
  refused: number;
  /** Records of people erased meanwhile: dropped. */
  dropped: number;
  /** Whether the round stopped because the LRS could not be reached; its records come back later. */
  lrsUnavailable: boolean;
}

type Message = ReceivedMessage<LearningRecord>;

/**
 * Sends queued learning records to the learning record store as xAPI statements, in batches. A record
 * is acknowledged only after the LRS stored its statements, so while the LRS is down nothing is lost:
 * the records come back after their visibility timeout and go out when it answers again. Statement ids
 * are deterministic, so a record sent twice (a crash after the POST, before the acknowledgement) is
 * stored once.
 */
export async function sendLearningRecords(
  deps: SendLearningRecordsDeps,
  options: SendOptions = {},
): Promise<SendRound> {
  const batchSize = Math.min(options.batchSize ?? 32, 32);
  const round: SendRound = { records: 0, statements: 0, refused: 0, dropped: 0, lrsUnavailable: false };
  const pseudonyms = new Map<string, Promise<string>>();
  const pseudonymOf = (r: LearningRecord) => {
    const key = `${r.tenantId}\n${r.personId}`;
    let p = pseudonyms.get(key);
    if (!p) {
      p = deps.pseudonyms.pseudonymOf({ tenantId: r.tenantId, personId: r.personId });
      pseudonyms.set(key, p);
    }
    return p;
  };
  const statementsFor = async (m: Message) =>
    statementsOf(m.body, await pseudonymOf(m.body), deps.settings, deps.names);

  const lane = async () => {
    for (let n = 0; n < (options.maxBatches ?? Infinity) && !round.lrsUnavailable; n++) {
      const received = await deps.inbox.receive(batchSize, options.visibilitySeconds ?? 60);
      if (received.length === 0) return;
      const live: Message[] = [];
      for (const m of received) {
        if (await deps.isErased({ tenantId: m.body.tenantId, personId: m.body.personId })) {
          await m.ack();
          round.dropped++;
        } else live.push(m);
      }
      const built = await Promise.all(live.map(async (m) => ({ m, statements: await statementsFor(m) })));
      const answer = await deps.lrs.send(uniqueById(built.flatMap((b) => b.statements)));
      if (answer.kind === 'unavailable') {
        round.lrsUnavailable = true;
        return;
      }
      if (answer.kind === 'stored') {
        await Promise.all(built.map((b) => b.m.ack()));
        round.records += built.length;
        round.statements += built.reduce((sum, b) => sum + b.statements.length, 0);
        continue;
      }
      // One bad statement spoils its batch: send each alone, so only a bad record is set aside. A
      // statement refused as a conflict (409) is one the LRS holds already under its id.
      for (const b of built) {
        let refused = false;
        for (const statement of b.statements) {
          const alone = await deps.lrs.send([statement]);
          if (alone.kind === 'unavailable') {
            round.lrsUnavailable = true;
            return;
          }
          if (alone.kind === 'refused' && alone.status !== 409) refused = true;
        }
        if (refused) {
          await b.m.setAside();
          round.refused++;
        } else {
          await b.m.ack();
          round.records++;
          round.statements += b.statements.length;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.lanes ?? 1) }, lane));
  return round;
}

/** The same record twice in one batch (a retried enqueue) gives the same statements: send them once. */
function uniqueById(statements: XapiStatement[]): XapiStatement[] {
  return [...new Map(statements.map((s) => [s.id, s])).values()];
}
