// Markdown fields in program.yaml hold paths to .md files beside it; this swaps each path for the text.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { StepKind } from '../domain/learning/program.ts';
import { contentMessages } from './messages.ts';
import { formatPath, type DataPath } from './yamlLocation.ts';

/** Per step kind, the localized field whose values are Markdown file paths. */
export const MARKDOWN_FIELDS: Partial<Record<StepKind, string>> = { lesson: 'body', acknowledge: 'text' };

export type MarkdownProblem =
  { at: 'yaml'; path: DataPath; reason: string } | { at: 'markdown'; file: string; reason: string };

/**
 * Replaces every Markdown reference in `data` (raw, unvalidated program.yaml) with the file's text,
 * in place. A reference that cannot be resolved is left as it is and reported.
 */
export async function resolveMarkdownRefs(
  data: unknown,
  programDir: string,
  contentDir: string,
): Promise<MarkdownProblem[]> {
  const problems: MarkdownProblem[] = [];
  const steps = isRecord(data) && Array.isArray(data.steps) ? data.steps : [];
  const jobs: Promise<void>[] = [];
  steps.forEach((step: unknown, i) => {
    if (!isRecord(step) || typeof step.kind !== 'string') return;
    const field = MARKDOWN_FIELDS[step.kind as StepKind];
    const texts = field === undefined ? undefined : step[field];
    if (field === undefined || !isRecord(texts)) return;
    for (const [language, ref] of Object.entries(texts)) {
      const refPath: DataPath = ['steps', i, field, language];
      jobs.push(
        readReference(ref, refPath, programDir, contentDir).then((result) => {
          if (typeof result === 'string') texts[language] = result;
          else if (result !== undefined) problems.push(result);
        }),
      );
    }
  });
  await Promise.all(jobs);
  return problems;
}

async function readReference(
  ref: unknown,
  refPath: DataPath,
  programDir: string,
  contentDir: string,
): Promise<string | MarkdownProblem | undefined> {
  const yamlProblem = (reason: string): MarkdownProblem => ({ at: 'yaml', path: refPath, reason });
  // Non-strings are left for the schema to report.
  if (typeof ref !== 'string') return undefined;
  if (!/^[^\n]+\.md$/.test(ref)) return yamlProblem(contentMessages.markdownRefNotPath);
  const absolute = path.resolve(programDir, ref);
  if (path.isAbsolute(ref) || !absolute.startsWith(programDir + path.sep)) {
    return yamlProblem(contentMessages.markdownRefOutside);
  }
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return yamlProblem(contentMessages.markdownMissing(ref));
    return yamlProblem(contentMessages.unreadable(String(error)));
  }
  if (text.trim() === '') {
    const file = path.relative(contentDir, absolute).split(path.sep).join('/');
    return { at: 'markdown', file, reason: contentMessages.markdownEmpty(formatPath(refPath)) };
  }
  return text.trim();
}

function isNotFound(error: unknown): boolean {
  return isRecord(error) && error.code === 'ENOENT';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
