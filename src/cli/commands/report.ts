// drypp report …: figures for learning admins, from the server's storage.
import type { Command } from 'commander';
import { textFor } from '../../domain/learning/program.ts';
import { loadEngagementReport, type EngagementReport } from '../../usecases/learning/engagementReport.ts';
import type { CliIO } from '../io.ts';
import { cliMessages } from '../messages.ts';
import {
  CommandFailed,
  cliConfig,
  connect,
  loadPrograms,
  requireProgram,
  resolveTenant,
  runCommand,
  type CliEnv,
} from './session.ts';

const text = cliMessages.report;

interface EngagementOptions {
  program: string;
  tenant?: string;
  json?: boolean;
}

export function registerReportCommands(program: Command, io: CliIO, env: CliEnv): void {
  const report = program.command('report').description(text.description);
  report
    .command('engagement')
    .description(text.engagementDescription)
    .requiredOption('--program <id>', cliMessages.session.programOption)
    .option('--tenant <id>', cliMessages.session.tenantOption)
    .option('--json', text.jsonOption)
    .addHelpText('after', `\n${cliMessages.session.storageHelp}`)
    .action(async (options: EngagementOptions) => runCommand(io, () => engagement(io, env, options)));
}

export async function engagement(io: CliIO, env: CliEnv, options: EngagementOptions): Promise<void> {
  const config = cliConfig(env);
  const program = requireProgram(await loadPrograms(config), options.program);
  const { deps } = await connect(io, config);
  const tenantId = await resolveTenant(deps.people, options.tenant);
  const outcome = await loadEngagementReport(deps, { tenantId, programId: program.id });
  if (outcome.kind === 'unknownProgram')
    throw new CommandFailed(cliMessages.session.unknownProgram(program.id, []));
  if (options.json) io.out(JSON.stringify(outcome.report));
  else for (const line of engagementTable(outcome.report, textFor(program.title, 'en'))) io.out(line);
}

/** A heading and aligned rows: label, figure, percentage, and what the figure means. */
export function engagementTable(r: EngagementReport, title: string): string[] {
  const pct = (value: number | null) => (value === null ? text.noFigure : `${value}%`);
  const rows: Array<[string, string, string, string]> = [
    [text.enrolled, String(r.enrolled), '', text.withdrawnNote(r.withdrawn)],
    [text.active, String(r.activeLast7Days), pct(r.activePercent), text.activeNote],
    [text.completed, String(r.completed), pct(r.completionPercent), ''],
    [text.onTime, text.onTimeValue(r.stepsDoneOnTime, r.stepsDone), pct(r.onTimePercent), text.onTimeNote],
    [text.recognised, String(r.stepsRecognised), '', text.recognisedNote],
    [text.quizFirst, '', pct(r.quizFirstAttemptPercent), text.quizNote(r.quizStepsScored)],
    [text.quizLatest, '', pct(r.quizLatestPercent), ''],
  ];
  const width = (i: number) => Math.max(...rows.map((row) => row[i]!.length));
  const [w0, w1, w2] = [width(0), width(1), width(2)];
  return [
    text.heading(r.programId, title, r.tenantId, r.at),
    ...rows.map(([label, figure, share, note]) =>
      `  ${label.padEnd(w0)}  ${figure.padStart(w1)}  ${share.padStart(w2)}  ${note}`.trimEnd(),
    ),
  ];
}
