// Reads a guideline for `drypp broadcast send`: Markdown with optional YAML front matter, and other
// languages' files. Every problem is a CommandFailed with the file named; nothing is sent until all is read.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { GuidelineContent, GuidelineVariant } from '../../../domain/broadcasts/broadcast.ts';
import type { Language } from '../../../domain/platform/language.ts';
import { broadcastMessages as text } from '../../broadcastMessages.ts';
import { CommandFailed } from '../session.ts';

export interface GuidelineFile {
  variant: GuidelineVariant;
  language?: Language;
  link?: string;
  due?: string;
  ack?: boolean;
  reminders?: string;
  variants: Record<string, string>;
}

const LANGUAGES = ['en', 'nb', 'sv'];

export function languageOf(value: string): Language {
  if (!LANGUAGES.includes(value)) throw new CommandFailed(text.badLanguage(value));
  return value as Language;
}

/**
 * `---` front matter `---` then the body. Without a `title`, a first line `# …` is the title (and
 * leaves the body).
 */
export async function readGuidelineFile(file: string): Promise<GuidelineFile> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    throw new CommandFailed(text.fileUnreadable(file)); // the path is named; the OS error adds nothing for HR
  }
  raw = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  let meta: Record<string, unknown> = {};
  let body = raw;
  const fm = /^---\n([\s\S]*?)\n---\n?/.exec(raw);
  if (fm) {
    let parsed: unknown;
    try {
      parsed = parse(fm[1]!);
    } catch (error) {
      throw new CommandFailed(text.frontMatter(file, (error as Error).message.split('\n')[0]!));
    }
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed)))
      throw new CommandFailed(text.frontMatter(file, 'expected keys such as title, language, link'));
    meta = (parsed ?? {}) as Record<string, unknown>;
    body = raw.slice(fm[0].length);
  }
  const str = (key: string) => {
    const v = meta[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' && typeof v !== 'number')
      throw new CommandFailed(text.frontMatter(file, `${key} must be text`));
    return String(v);
  };
  let title = str('title');
  if (title === undefined) {
    const heading = /^\s*#\s+(.+)\n?/.exec(body);
    if (heading) {
      title = heading[1]!.trim();
      body = body.slice(heading[0].length);
    }
  }
  const variants = meta.variants ?? {};
  if (typeof variants !== 'object' || Array.isArray(variants))
    throw new CommandFailed(
      text.frontMatter(file, 'variants must map a language to a file, e.g. nb: guideline.nb.md'),
    );
  const due = meta.due instanceof Date ? meta.due.toISOString().slice(0, 10) : str('due');
  return {
    variant: { title: title ?? '', body: body.trim() },
    language: str('language') === undefined ? undefined : languageOf(str('language')!),
    link: str('link'),
    due,
    ack: meta.ack === undefined ? undefined : meta.ack === true,
    reminders: str('reminders'),
    variants: Object.fromEntries(
      Object.entries(variants as Record<string, unknown>).map(([k, v]) => [
        k,
        path.resolve(path.dirname(file), String(v)),
      ]),
    ),
  };
}

/** The guideline in every language given: the main file, its front matter's variants, and `--variant`s. */
export async function readGuideline(
  file: string,
  options: { language?: string; title?: string; variant?: string[] },
): Promise<{ content: GuidelineContent; main: GuidelineFile }> {
  const main = await readGuidelineFile(file);
  const language = options.language ? languageOf(options.language) : (main.language ?? 'en');
  const variants: GuidelineContent['variants'] = {
    [language]: { ...main.variant, ...(options.title ? { title: options.title } : {}) },
  };
  const others = { ...main.variants };
  for (const v of options.variant ?? []) {
    const m = /^([a-z]{2})=(.+)$/.exec(v);
    if (!m) throw new CommandFailed(text.badVariant(v));
    others[m[1]!] = path.resolve(m[2]!);
  }
  for (const [lang, variantFile] of Object.entries(others)) {
    variants[languageOf(lang)] = (await readGuidelineFile(variantFile)).variant;
  }
  return {
    content: { variants, defaultLanguage: language, ...(main.link ? { link: main.link } : {}) },
    main,
  };
}
