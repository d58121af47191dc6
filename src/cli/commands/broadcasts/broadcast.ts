// drypp broadcast send | status | export | recall: guidelines HR sends, from the command line, on the
// server's storage. Everything that can be wrong is reported before anything is stored or sent.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { recipientsCsv } from '../../../cards/broadcasts/presenters/recipientsCsv.ts';
import { composeBroadcasts } from '../../../composeBroadcasts.ts';
import { composeOutbound } from '../../../composeOutbound.ts';
import type { Actor } from '../../../domain/access/index.ts';
import { describeAudienceError } from '../../../domain/broadcasts/audienceExpression.ts';
import { currentVersion, displayStatus, variantFor } from '../../../domain/broadcasts/broadcast.ts';
import { createLogger } from '../../../log/logger.ts';
import { checkAudience } from '../../../usecases/broadcasts/composeGuideline.ts';
import { recallGuideline } from '../../../usecases/broadcasts/correctOrRecall.ts';
import { createBroadcast } from '../../../usecases/broadcasts/createBroadcast.ts';
import { fanOutOne } from '../../../usecases/broadcasts/fanOutBroadcasts.ts';
import { exportRecipients, showBroadcast } from '../../../usecases/broadcasts/showBroadcasts.ts';
import type { TeamsConnector } from '../../../usecases/delivery/outboundPorts.ts';
import { broadcastMessages as text } from '../../broadcastMessages.ts';
import type { CliIO } from '../../io.ts';
import { cliMessages } from '../../messages.ts';
import { readGuideline } from './guidelineFile.ts';
import {
  CommandFailed,
  cliConfig,
  connect,
  resolvePerson,
  resolveTenant,
  runCommand,
  type CliEnv,
} from '../session.ts';

interface SendOptions {
  file: string;
  audience?: string;
  addresses?: string;
  ack?: boolean;
  at?: string;
  title?: string;
  language?: string;
  variant?: string[];
  due?: string;
  link?: string;
  remind?: string;
  skipUnmatched?: boolean;
  as?: string;
  tenant?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerBroadcastCommands(program: Command, io: CliIO, env: CliEnv): void {
  const broadcast = program.command('broadcast').description(text.description);
  broadcast
    .command('send')
    .description(text.sendDescription)
    .requiredOption('--file <guideline.md>', text.fileOption)
    .option('--audience <expr>', text.audienceOption)
    .option('--addresses <file>', text.addressesOption)
    .option('--ack', text.ackOption)
    .option('--at <time>', text.atOption)
    .option('--title <text>', text.titleOption)
    .option('--language <en|nb|sv>', text.languageOption)
    .option('--variant <lang=file>', text.variantOption, collect)
    .option('--due <YYYY-MM-DD>', text.dueOption)
    .option('--link <url>', text.linkOption)
    .option('--remind <days,max>', text.remindOption)
    .option('--skip-unmatched', text.skipOption)
    .option('--as <upn>', text.asOption)
    .option('--tenant <id>', cliMessages.session.tenantOption)
    .addHelpText('after', `\n${cliMessages.session.storageHelp}`)
    .action(async (options: SendOptions) => runCommand(io, () => send(io, env, options)));
  broadcast
    .command('status <id>')
    .description(text.statusDescription)
    .option('--once', text.onceOption)
    .option('--tenant <id>', cliMessages.session.tenantOption)
    .action(async (id: string, options: { once?: boolean; tenant?: string }) =>
      runCommand(io, () => status(io, env, id, options)),
    );
  broadcast
    .command('export <id>')
    .description(text.exportDescription)
    .option('--csv', text.csvOption)
    .option('--tenant <id>', cliMessages.session.tenantOption)
    .action(async (id: string, options: { csv?: boolean; tenant?: string }) =>
      runCommand(io, () => exportCommand(io, env, id, options)),
    );
  broadcast
    .command('recall <id>')
    .description(text.recallDescription)
    .option('--tenant <id>', cliMessages.session.tenantOption)
    .action(async (id: string, options: { tenant?: string }) =>
      runCommand(io, () => recall(io, env, id, options)),
    );
}

/** The CLI enqueues on the pipeline; the worker sends. It never calls Teams itself. */
const cliNeverSends: TeamsConnector = {
  send: () => Promise.reject(new Error('the CLI does not send cards: the worker does')),
  update: () => Promise.reject(new Error('the CLI does not send cards: the worker does')),
  delete: () => Promise.reject(new Error('the CLI does not send cards: the worker does')),
};

async function session(io: CliIO, env: CliEnv, tenant: string | undefined) {
  const config = cliConfig(env);
  const composed = await connect(io, config);
  const { deps, storage } = composed;
  const outbound = composeOutbound({
    config,
    storage,
    clock: deps.clock,
    conversations: deps.conversations,
    reachability: deps.reachability,
    connector: cliNeverSends,
    log: createLogger('silent'),
  });
  const broadcasts = composeBroadcasts({
    storage,
    clock: deps.clock,
    people: deps.people,
    leases: deps.leases,
    outbound: outbound.pipeline,
    defaultTimeZone: deps.policy.timeZone,
  });
  const tenantId = await resolveTenant(deps.people, tenant);
  return { composed, broadcasts: broadcasts.deps, tenantId };
}

/** The operator at the terminal holds the storage account's keys: they act as HR. */
function operator(tenantId: string, userId: string): Actor {
  return { tenantId, userId, roles: ['learner', 'hrAdmin'] };
}

async function send(io: CliIO, env: CliEnv, options: SendOptions): Promise<void> {
  // Read and check everything that needs no storage first: files, flags, the expression's syntax.
  const file = path.resolve(io.cwd, options.file);
  const { content, main } = await readGuideline(file, {
    language: options.language,
    title: options.title,
    variant: options.variant?.map((v) =>
      v.replace(/=(.+)$/, (_m, f: string) => `=${path.resolve(io.cwd, f)}`),
    ),
  });
  if (options.link) content.link = options.link;
  const ack = options.ack ?? main.ack ?? false;
  const remind = options.remind ?? main.reminders;
  const reminders = remind === undefined ? undefined : parseReminders(remind);
  const at = options.at === undefined ? undefined : parseAt(options.at);
  const addressText = options.addresses
    ? await readAddresses(path.resolve(io.cwd, options.addresses))
    : undefined;
  const audience = { expression: options.audience, addressText };
  const check = checkAudience(audience);
  if (check.kind === 'invalid')
    throw new CommandFailed(
      text.audienceInvalid(options.audience ?? '', check.error.column, describeAudienceError(check.error)),
    );
  if (check.kind === 'noAudience') throw new CommandFailed(text.noAudience);
  if (check.kind === 'tooManyAddresses') throw new CommandFailed(text.tooManyAddresses(check.max));

  const { composed, broadcasts, tenantId } = await session(io, env, options.tenant);
  const author = options.as
    ? (await resolvePerson(composed.deps.people, tenantId, options.as)).id
    : 'drypp-cli';
  const outcome = await createBroadcast(broadcasts, operator(tenantId, author), {
    id: randomUUID(),
    content,
    requiresAcknowledgement: ack,
    dueDate: options.due ?? main.due,
    audience,
    reminders,
    send: { at },
    skipUnmatched: options.skipUnmatched,
  });
  switch (outcome.kind) {
    case 'notAllowed':
      throw new CommandFailed(text.nothingSent);
    case 'invalidContent':
      throw new CommandFailed(
        [
          text.guidelineInvalid,
          ...outcome.problems.map((p) => text.guidelineProblem(p.path, p.problem)),
        ].join('\n'),
      );
    case 'invalidReminders':
      throw new CommandFailed(text.badReminders(remind ?? ''));
    case 'invalid':
    case 'noAudience':
    case 'tooManyAddresses':
      throw new CommandFailed(text.noAudience);
    case 'unmatched': {
      const lines: string[] = [];
      const { unmatchedAddresses, unmatchedTerms } = outcome.resolved;
      if (unmatchedAddresses.length > 0)
        lines.push(
          text.unmatchedAddresses(unmatchedAddresses.length),
          ...unmatchedAddresses.map((a) => `  ${a}`),
        );
      lines.push(...unmatchedTerms.map((t) => text.unmatchedTerm(t.term, t.suggestions)), text.nothingSent);
      throw new CommandFailed(lines.join('\n'));
    }
    case 'emptyAudience':
      throw new CommandFailed(text.emptyAudience);
    case 'badSchedule':
      throw new CommandFailed(text.tooSoon);
    case 'created': {
      const b = outcome.broadcast;
      if (outcome.existed) return io.out(text.existed(b.id));
      if (at) return io.out(text.scheduled(b.id, outcome.resolved.people.length, at.toISOString()));
      // Sent now: the fan-out runs here at once (the worker's job would pick it up too; it is idempotent).
      const stored = await broadcasts.broadcasts.get(tenantId, b.id);
      const count = stored ? await fanOutOne(broadcasts, stored) : undefined;
      io.out(text.sending(b.id, count ?? outcome.resolved.people.length));
    }
  }
}

function parseReminders(value: string) {
  const m = /^\s*(\d{1,2})\s*,\s*(\d{1,2})\s*$/.exec(value);
  if (!m) throw new CommandFailed(text.badReminders(value));
  return { afterDays: Number(m[1]), maxReminders: Number(m[2]) };
}

function parseAt(value: string): Date {
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/.test(value);
  const at = new Date(value);
  if (!ok || Number.isNaN(at.getTime())) throw new CommandFailed(text.badAt(value));
  return at;
}

async function readAddresses(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new CommandFailed(text.fileUnreadable(file)); // named; the OS error adds nothing
  }
}

async function status(io: CliIO, env: CliEnv, id: string, options: { once?: boolean; tenant?: string }) {
  const { broadcasts, tenantId } = await session(io, env, options.tenant);
  const actor = operator(tenantId, 'drypp-cli');
  const read = async () => {
    const outcome = await showBroadcast(broadcasts, actor, id);
    if (outcome.kind !== 'detail') throw new CommandFailed(text.unknownBroadcast(id));
    return outcome.overview;
  };
  let overview = await read();
  const figures = (o: typeof overview) => {
    const c = o.progress.counts;
    return {
      recipients: o.broadcast.recipientCount ?? c.total,
      sent: c.sent,
      queued: c.queued + c.installing + c.sending,
      failed: c.failed,
      acknowledged: o.progress.acknowledged,
    };
  };
  if (io.isTTY && !options.once) {
    // A live bar while cards are still on their way; Ctrl-C stops watching (nothing else stops).
    const bar = new SingleBar({ format: text.bar, hideCursor: true });
    const start = figures(overview);
    bar.start(Math.max(start.recipients, 1), start.sent, start);
    while (displayStatus(overview.broadcast, overview.progress.counts) === 'sending') {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      overview = await read();
      const f = figures(overview);
      bar.setTotal(Math.max(f.recipients, 1));
      bar.update(f.sent, f);
    }
    bar.stop();
  }
  const f = figures(overview);
  const b = overview.broadcast;
  io.out(
    text.statusLine({
      title: variantFor(currentVersion(b).content, currentVersion(b).content.defaultLanguage).variant.title,
      status: overview.status,
      version: b.version,
      ...f,
      acknowledged: b.requiresAcknowledgement ? f.acknowledged : undefined,
    }),
  );
  for (const [reason, count] of Object.entries(overview.progress.counts.byReason))
    io.out(text.failure(reason, count));
}

async function exportCommand(
  io: CliIO,
  env: CliEnv,
  id: string,
  options: { csv?: boolean; tenant?: string },
) {
  const { broadcasts, tenantId } = await session(io, env, options.tenant);
  const outcome = await exportRecipients(broadcasts, operator(tenantId, 'drypp-cli'), id);
  if (outcome.kind !== 'rows') throw new CommandFailed(text.unknownBroadcast(id));
  if (options.csv)
    return io.out(
      recipientsCsv(outcome.rows)
        .replace(/^\ufeff/, '')
        .trimEnd(),
    );
  io.out(
    JSON.stringify(
      outcome.rows.map((r) => ({
        address: r.recipient.address,
        name: r.recipient.displayName,
        department: r.recipient.department,
        manager: r.managerName || undefined,
        language: r.recipient.language,
        delivery: r.delivery?.status ?? 'queued',
        failure: r.delivery?.reason,
        sentAt: r.delivery?.sentAt,
        acknowledgedVersion: r.acknowledgedVersion,
        acknowledgedAt: r.acknowledgedAt,
        reminders: r.recipient.remindersSent,
      })),
      null,
      2,
    ),
  );
}

async function recall(io: CliIO, env: CliEnv, id: string, options: { tenant?: string }) {
  const { broadcasts, tenantId } = await session(io, env, options.tenant);
  const outcome = await recallGuideline(broadcasts, operator(tenantId, 'drypp-cli'), id);
  if (outcome.kind === 'notFound' || outcome.kind === 'notAllowed')
    throw new CommandFailed(text.unknownBroadcast(id));
  if (outcome.kind === 'notRecallable')
    throw new CommandFailed(text.notRecallable(id, outcome.broadcast.status));
  io.out(text.recalled(id, outcome.report.queued, outcome.report.notSent));
}
