import type { LearningRecord, LearningRecordBatch } from '../../domain/privacy/learningRecord.ts';
import {
  statementsOf,
  type ActivityNames,
  type XapiSettings,
  type XapiStatement,
} from '../../domain/privacy/xapiStatements.ts';
import type { ReceivedMessage } from '../platform/ports.ts';
import type { LearningRecordStore, LrsAnswer, PseudonymStore } from './ports.ts';

export interface SendLearningRecordsDeps {
  inbox: {
    receive(max: number, visibilitySeconds?: number): Promise<Array<ReceivedMessage<LearningRecordBatch>>>;
  };
  pseudonyms: PseudonymStore;
  lrs: LearningRecordStore;
  names: ActivityNames;
  settings: XapiSettings;
  /**
   * Who of a tenant was erased, read once per round and tenant: a person erased since the record was
   * made has their record dropped, and no pseudonym is made.
   */
  erasedIn(tenantId: string): Promise<(personId: string) => boolean>;
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
  /** Records stored in the LRS (a message may carry several). */
  records: number;
  statements: number;
  /** Messages the LRS refused (4xx) even one at a time: set aside on the poison queue, for an operator. */
  refused: number;
  /** Records of people erased meanwhile: dropped. */
  dropped: number;
  /** Whether the round stopped because the LRS could not be reached; its records come back later. */
  lrsUnavailable: boolean;
}

type Message = ReceivedMessage<LearningRecordBatch>;

/** The largest POST: a receive of 32 messages of 16 records (two statements each) is two of them. */
const MAX_STATEMENTS_PER_POST = 512;

/**
 * Sends queued learning records to the learning record store as xAPI statements, in batches: up to
 * 32 messages a receive, each with one or more records, their statements POSTed together. A message
 * is acknowledged only after the LRS stored its statements, so while the LRS is down nothing is lost:
 * the messages come back after their visibility timeout and go out when it answers again. Statement
 * ids are deterministic, so a record sent twice (a crash after the POST, before the acknowledgement,
 * or an answer enqueued again when its save was retried) is stored once.
 */
export async function sendLearningRecords(
  deps: SendLearningRecordsDeps,
  options: SendOptions = {},
): Promise<SendRound> {
  const batchSize = Math.min(options.batchSize ?? 32, 32);
  const round: SendRound = { records: 0, statements: 0, refused: 0, dropped: 0, lrsUnavailable: false };
  const erasedIn = new Map<string, Promise<(personId: string) => boolean>>();
  const isErased = async (r: LearningRecord) => {
    let test = erasedIn.get(r.tenantId);
    if (!test) {
      test = deps.erasedIn(r.tenantId);
      erasedIn.set(r.tenantId, test);
    }
    return (await test)(r.personId);
  };
  const statementsFor = async (r: LearningRecord) =>
    statementsOf(
      r,
      await deps.pseudonyms.pseudonymOf({ tenantId: r.tenantId, personId: r.personId }),
      deps.settings,
      deps.names,
    );

  /** A message's statements, without the records of people erased meanwhile (counted as dropped). */
  const build = async (m: Message) => {
    const statements: XapiStatement[] = [];
    let records = 0;
    for (const r of m.body.records) {
      if (await isErased(r)) round.dropped++;
      else {
        records++;
        statements.push(...(await statementsFor(r)));
      }
    }
    return { m, records, statements };
  };

  const lane = async () => {
    for (let n = 0; n < (options.maxBatches ?? Infinity) && !round.lrsUnavailable; n++) {
      const received = await deps.inbox.receive(batchSize, options.visibilitySeconds ?? 60);
      if (received.length === 0) return;
      const built = await Promise.all(received.map(build));
      const answer = await sendInPosts(deps.lrs, uniqueById(built.flatMap((b) => b.statements)));
      if (answer.kind === 'unavailable') {
        round.lrsUnavailable = true;
        return;
      }
      if (answer.kind === 'stored') {
        await Promise.all(built.map((b) => b.m.ack()));
        for (const b of built) {
          round.records += b.records;
          round.statements += b.statements.length;
        }
        continue;
      }
      // One bad statement spoils its batch: send each alone, so only a bad message is set aside. A
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
          round.records += b.records;
          round.statements += b.statements.length;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.lanes ?? 1) }, lane));
  return round;
}

/** The statements in POSTs of at most MAX_STATEMENTS_PER_POST; the first answer that is not `stored` wins. */
async function sendInPosts(lrs: LearningRecordStore, statements: XapiStatement[]): Promise<LrsAnswer> {
  for (let i = 0; i < statements.length; i += MAX_STATEMENTS_PER_POST) {
    const answer = await lrs.send(statements.slice(i, i + MAX_STATEMENTS_PER_POST));
    if (answer.kind !== 'stored') return answer;
  }
  return { kind: 'stored' };
}

/** The same record twice in one batch (a retried enqueue) gives the same statements: send them once. */
function uniqueById(statements: XapiStatement[]): XapiStatement[] {
  return [...new Map(statements.map((s) => [s.id, s])).values()];
}
