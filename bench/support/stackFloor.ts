import express from 'express';
import { ActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import { odata, type TransactionAction } from '@azure/data-tables';
import { createBotAdapter } from '../../src/teams/botAdapter.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { enrollmentRange, personPartitionOf } from '../../src/store/learning/progressRows.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { stripRow } from '../../src/store/platform/rowMapping.ts';

/**
 * The floor of an answer on Drypp's fixed stack, for `npm run bench -- invoke` to measure in the
 * same run as Drypp: what any answer to a card costs before Drypp's own logic. An express server
 * with a JSON body parser, botbuilder's CloudAdapter (as Drypp creates it, no app id) and an
 * ActivityHandler, and the two storage calls an answer cannot do without, through the production
 * StorageClients (the SDK pipeline as Drypp trims it): the person's rows for the program (one
 * partition query) and the step with its enrollment written back in one ETag-guarded transaction.
 * It answers with a card of a real answer's size. No checks, no domain, no logging: whatever Drypp
 * spends above this is its own.
 *
 * Run as its own process: `node --import tsx bench/support/stackFloor.ts` with PORT and
 * DRYPP_STORAGE_CONNECTION_STRING set; it prints `listening` when ready.
 */
const connectionString = process.env.DRYPP_STORAGE_CONNECTION_STRING!;
const table = new StorageClients({ kind: 'connectionString', connectionString }).table(
  tableNames.learnerProgress,
);
const adapter = createBotAdapter({ appType: 'MultiTenant' });

/** About the size of Drypp's "Done ✓" card (a lesson card with its state). */
const answerCard = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Step 3 of 12 · 5 min', isSubtle: true, size: 'Small', wrap: true },
    { type: 'TextBlock', text: 'Meetings that work', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: 'Start every meeting with its purpose. '.repeat(8), wrap: true },
    { type: 'TextBlock', text: 'Done ✓', color: 'Good', weight: 'Bolder', wrap: true },
  ],
};

/** A row read from the table, as a Replace guarded by its ETag. */
function writeBack(row: Record<string, unknown>): TransactionAction {
  const { etag, ...fields } = stripRow<Record<string, unknown>>(row);
  const entity = { ...fields, partitionKey: String(row.partitionKey), rowKey: String(row.rowKey) };
  return ['update', entity, 'Replace', { etag }];
}

class FloorBot extends ActivityHandler {
  protected override async onInvokeActivity(turn: TurnContext): Promise<InvokeResponse> {
    const activity = turn.activity;
    const data = (activity.value as { action?: { data?: Record<string, unknown> } }).action?.data ?? {};
    const tenantId = activity.conversation.tenantId ?? '';
    const userId = activity.from.aadObjectId ?? '';
    const programId = String(data.programId);
    const stepId = String(data.stepId);
    const { from, to } = enrollmentRange(programId);
    const partitionKey = personPartitionOf(tenantId, userId);
    let enrollment: Record<string, unknown> | undefined;
    let step: Record<string, unknown> | undefined;
    for await (const row of table.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${to}`,
      },
    })) {
      if (row.rowType === 'enrollment') enrollment = row;
      else if (row.stepId === stepId) step = row;
    }
    if (enrollment && step) {
      // Written back as read, each guarded by the ETag it was read with (as Drypp's save is).
      await table.submitTransaction([writeBack(step), writeBack(enrollment)]);
    }
    return {
      status: 200,
      body: {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: { ...answerCard, floor: { found: Boolean(enrollment && step) } },
      },
    };
  }
}

const bot = new FloorBot();
const app = express();
app.use(express.json({ limit: '256kb' }));
app.post('/api/messages', async (req, res) => {
  const outcome = await adapter.handleActivity(req.header('authorization') ?? '', req.body, (turn) =>
    bot.run(turn),
  );
  if (outcome.kind !== 'done') return void res.status(401).end();
  res.status(outcome.status).type('application/json').end(JSON.stringify(outcome.body));
});
app.get('/healthz', (_req, res) => void res.end('ok'));
app.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
