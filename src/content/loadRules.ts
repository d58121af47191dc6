// Reads and validates the enrollment rules in <dir>/rules/*.yaml. All or nothing, like programs:
// one bad file means no rules. Rule ids are unique across files; every program a rule names must exist.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { byFileAndPosition, lineCol, parseYamlFile } from './yamlFile.ts';
import { RulesFileSchema, type EnrollmentRule } from '../domain/learning/enrollmentRules.ts';
import { Slug } from '../domain/learning/program.ts';
import type { ContentProblem } from './contentProblem.ts';
import { contentMessages } from './messages.ts';
import { contentErrorMap, schemaProblems } from './zodProblems.ts';
import { formatPath, locate, type DataPath } from './yamlLocation.ts';

export const RULES_FOLDER = 'rules';

/** Reasons specific to rules files; the generic ones (YAML syntax, unknown field, …) are shared. */
export const ruleMessages = {
  rulesFolderNotAFolder: 'rules must be a folder of .yaml files',
  nestedFolder: 'rules files go directly in rules/ (rules/<name>.yaml); this folder is not read',
  notMapping: 'a rules file must be a mapping with a "rules:" list',
  duplicateRuleId: (id: string, where: string) => `rule id "${id}" is also used at ${where}`,
  unknownProgram: (id: string, known: string[]) =>
    `unknown program "${id}"; known programs: ${known.length === 0 ? '(none)' : known.join(', ')}`,
} as const;

export interface RuleFileSummary {
  /** Relative to the content folder, with forward slashes. */
  file: string;
  rules: number;
}

export type LoadRulesResult =
  { ok: true; rules: EnrollmentRule[]; files: RuleFileSummary[] } | { ok: false; problems: ContentProblem[] };

export interface LoadRulesOptions {
  /** The programs rules may name; when given, any other id is a problem. */
  programIds?: Iterable<string>;
}

/** No rules/ folder means no rules: content is valid, and nobody is enrolled automatically. */
export async function loadRules(dir: string, options: LoadRulesOptions = {}): Promise<LoadRulesResult> {
  const contentDir = path.resolve(dir);
  const listing = await listRuleFiles(contentDir);
  const loaded = await Promise.all(listing.files.map((file) => loadRulesFile(contentDir, file)));

  const problems = [...listing.problems, ...loaded.flatMap((f) => f.problems)];
  problems.push(...duplicateRuleIds(loaded));
  if (options.programIds !== undefined)
    problems.push(...unknownPrograms(loaded, new Set(options.programIds)));

  if (problems.length > 0) return { ok: false, problems: problems.sort(byFileAndPosition) };
  return {
    ok: true,
    rules: loaded.flatMap((f) => f.rules ?? []),
    files: loaded.map((f) => ({ file: f.file, rules: f.rules?.length ?? 0 })),
  };
}

interface LoadedRulesFile {
  file: string;
  problems: ContentProblem[];
  rules?: EnrollmentRule[];
  /** The parsed YAML, kept for checks across files (ids, programs) even when the schema failed. */
  source?: { doc: Document; lineCounter: LineCounter; data: unknown };
}

async function listRuleFiles(contentDir: string): Promise<{ files: string[]; problems: ContentProblem[] }> {
  let entries;
  try {
    entries = await readdir(path.join(contentDir, RULES_FOLDER), { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { files: [], problems: [] };
    const reason =
      code === 'ENOTDIR' ? ruleMessages.rulesFolderNotAFolder : contentMessages.unreadable(String(error));
    return { files: [], problems: [{ file: RULES_FOLDER, location: '', reason }] };
  }
  const visible = entries.filter((e) => !e.name.startsWith('.'));
  const files = visible
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => `${RULES_FOLDER}/${e.name}`)
    .sort();
  const problems = visible
    .filter((e) => e.isDirectory())
    .map((e) => ({ file: `${RULES_FOLDER}/${e.name}`, location: '', reason: ruleMessages.nestedFolder }));
  return { files, problems };
}

async function loadRulesFile(contentDir: string, file: string): Promise<LoadedRulesFile> {
  const fileProblem = (reason: string, location = ''): LoadedRulesFile => ({
    file,
    problems: [{ file, location, reason }],
  });

  let text: string;
  try {
    text = await readFile(path.join(contentDir, file), 'utf8');
  } catch (error) {
    return fileProblem(contentMessages.unreadable(String(error)));
  }

  const yaml = parseYamlFile(file, text, ruleMessages.notMapping);
  if (!yaml.ok) return { file, problems: yaml.problems };
  const { doc, lineCounter, data } = yaml;

  const source = { doc, lineCounter, data };
  const parsed = RulesFileSchema.safeParse(data, { error: contentErrorMap });
  if (parsed.success) return { file, problems: [], rules: parsed.data.rules, source };
  const problems = schemaProblems(parsed.error.issues).map((p) =>
    at(file, source, p.path, p.reason, p.atKey),
  );
  return { file, problems, source };
}

/** Rules as written, for checks that should run even when a file has other problems. */
function rawRules(data: unknown): Array<{ index: number; id: unknown; programs: unknown }> {
  const rules = (data as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((rule: unknown, index) =>
    rule !== null && typeof rule === 'object'
      ? [
          {
            index,
            id: (rule as Record<string, unknown>).id,
            programs: (rule as Record<string, unknown>).programs,
          },
        ]
      : [],
  );
}

function duplicateRuleIds(loaded: LoadedRulesFile[]): ContentProblem[] {
  const first = new Map<string, string>();
  const problems: ContentProblem[] = [];
  for (const { file, source } of loaded) {
    if (source === undefined) continue;
    for (const { index, id } of rawRules(source.data)) {
      if (typeof id !== 'string') continue;
      const problem = at(file, source, ['rules', index, 'id'], '');
      const where = `${file}:${problem.location}`;
      const other = first.get(id);
      if (other === undefined) first.set(id, where);
      else problems.push({ ...problem, reason: ruleMessages.duplicateRuleId(id, other) });
    }
  }
  return problems;
}

function unknownPrograms(loaded: LoadedRulesFile[], known: ReadonlySet<string>): ContentProblem[] {
  const knownList = [...known].sort();
  const problems: ContentProblem[] = [];
  for (const { file, source } of loaded) {
    if (source === undefined) continue;
    for (const { index, programs } of rawRules(source.data)) {
      if (!Array.isArray(programs)) continue;
      programs.forEach((id: unknown, j) => {
        // A malformed id already has its own problem from the schema.
        if (!Slug.safeParse(id).success || known.has(id as string)) return;
        const reason = ruleMessages.unknownProgram(id as string, knownList);
        problems.push(at(file, source, ['rules', index, 'programs', j], reason));
      });
    }
  }
  return problems;
}

function at(
  file: string,
  source: { doc: Document; lineCounter: LineCounter },
  dataPath: DataPath,
  reason: string,
  atKey = false,
): ContentProblem {
  const pos = locate(source.doc, source.lineCounter, dataPath, atKey);
  return {
    file,
    location: lineCol(pos),
    ...(dataPath.length > 0 ? { path: formatPath(dataPath) } : {}),
    reason,
  };
}
