// drypp content …: commands for program content files.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { ContentProblem } from '../../content/contentProblem.ts';
import { loadContent } from '../../content/loadContent.ts';
import type { CliIO } from '../io.ts';
import { cliMessages } from '../messages.ts';

const text = cliMessages.content;

/** The content shipped with Drypp, found from this file rather than the working folder. */
const shippedContentDir = fileURLToPath(new URL('../../../content', import.meta.url));

export function registerContentCommands(program: Command, io: CliIO): void {
  const content = program.command('content').description(text.description);
  content
    .command('validate')
    .description(text.validateDescription)
    .argument('[dir]', text.validateDirArgument)
    .action(async (dir: string | undefined) => validateContent(io, resolveContentDir(io.cwd, dir)));
}

export function resolveContentDir(cwd: string, dir: string | undefined): string {
  if (dir !== undefined) return path.resolve(cwd, dir);
  const local = path.join(cwd, 'content');
  return existsSync(local) ? local : shippedContentDir;
}

export async function validateContent(io: CliIO, dir: string): Promise<void> {
  io.err(text.validating(dir));
  const result = await loadContent(dir);
  if (!result.ok) {
    for (const problem of result.problems) io.out(formatProblem(problem, dir, io.cwd));
    const files = new Set(result.problems.map((p) => p.file)).size;
    io.out(text.invalid(result.problems.length, files));
    io.fail(1);
    return;
  }
  for (const p of result.programs) io.out(text.programLine(p.id, p.version, p.languages, p.steps.length));
  for (const f of result.ruleFiles) io.out(text.ruleFileLine(f.file, f.rules));
  for (const c of result.certifications) {
    const validity = 'months' in c.validity ? `${c.validity.months} months` : `${c.validity.days} days`;
    io.out(text.certificationLine(c.id, c.version, validity, c.program, c.refresherProgram));
  }
  for (const p of result.paths) io.out(text.pathLine(p.id, p.programs, p.certifications));
  if (result.ruleFiles.length === 0) io.out(text.noRules);
  io.out(
    result.programs.length === 0
      ? text.noPrograms
      : text.allValid(result.programs.length, result.rules.length),
  );
}

/** `file:line:col  path: reason`, with the file relative to the working folder so editors can open it. */
export function formatProblem(problem: ContentProblem, dir: string, cwd: string): string {
  const absolute = path.resolve(dir, problem.file);
  const relative = path.relative(cwd, absolute);
  const file = relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  const where = problem.location === '' ? file : `${file}:${problem.location}`;
  const what = problem.path === undefined ? problem.reason : `${problem.path}: ${problem.reason}`;
  return `${where}  ${what}`;
}
