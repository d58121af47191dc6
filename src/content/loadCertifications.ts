// Reads and validates the certifications in <dir>/certifications/*.yaml: one file per certification,
// named after its id. All or nothing, like programs and rules: one bad file means none are loaded.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { CertificationSchema, type Certification } from '../domain/certificates/certification.ts';
import type { ContentProblem } from './contentProblem.ts';
import { contentMessages } from './messages.ts';
import { byFileAndPosition, lineCol, parseYamlFile } from './yamlFile.ts';
import { contentErrorMap, schemaProblems } from './zodProblems.ts';
import { formatPath, locate, type DataPath } from './yamlLocation.ts';

export const CERTIFICATIONS_FOLDER = 'certifications';

export const certificationMessages = {
  notAFolder: 'certifications must be a folder of .yaml files, one per certification',
  nestedFolder:
    'certification files go directly in certifications/ (certifications/<id>.yaml); this folder is not read',
  notMapping: 'a certification file must be a mapping of fields (id, program, validity, …)',
  fileNameNotId: (id: string) => `the file must be named after the id: certifications/${id}.yaml`,
  unknownProgram: (id: string, known: string[]) =>
    `unknown program "${id}"; known programs: ${known.length === 0 ? '(none)' : known.join(', ')}`,
  missingLanguage: (program: string, language: string) =>
    `program "${program}" has no ${language} text, which this certification lists in languages`,
} as const;

export type LoadCertificationsResult =
  { ok: true; certifications: Certification[] } | { ok: false; problems: ContentProblem[] };

/** The programs certifications may name, with their languages (unknown for a program with problems). */
export type KnownPrograms = ReadonlyMap<string, readonly string[] | undefined>;

/** No certifications/ folder means no certifications: content is valid without them. */
export async function loadCertifications(
  dir: string,
  programs: KnownPrograms,
): Promise<LoadCertificationsResult> {
  const contentDir = path.resolve(dir);
  let entries;
  try {
    entries = await readdir(path.join(contentDir, CERTIFICATIONS_FOLDER), { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: true, certifications: [] };
    const reason =
      code === 'ENOTDIR' ? certificationMessages.notAFolder : contentMessages.unreadable(String(error));
    return { ok: false, problems: [{ file: CERTIFICATIONS_FOLDER, location: '', reason }] };
  }
  const visible = entries.filter((e) => !e.name.startsWith('.'));
  const problems: ContentProblem[] = visible
    .filter((e) => e.isDirectory())
    .map((e) => ({
      file: `${CERTIFICATIONS_FOLDER}/${e.name}`,
      location: '',
      reason: certificationMessages.nestedFolder,
    }));
  const files = visible
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => e.name)
    .sort();
  const loaded = await Promise.all(files.map((name) => loadOne(contentDir, name, programs)));
  for (const l of loaded) problems.push(...l.problems);
  if (problems.length > 0) return { ok: false, problems: problems.sort(byFileAndPosition) };
  return { ok: true, certifications: loaded.flatMap((l) => (l.certification ? [l.certification] : [])) };
}

interface Loaded {
  problems: ContentProblem[];
  certification?: Certification;
}

async function loadOne(contentDir: string, name: string, programs: KnownPrograms): Promise<Loaded> {
  const file = `${CERTIFICATIONS_FOLDER}/${name}`;
  let text: string;
  try {
    text = await readFile(path.join(contentDir, file), 'utf8');
  } catch (error) {
    return { problems: [{ file, location: '', reason: contentMessages.unreadable(String(error)) }] };
  }
  const yaml = parseYamlFile(file, text, certificationMessages.notMapping);
  if (!yaml.ok) return { problems: yaml.problems };
  const source = { doc: yaml.doc, lineCounter: yaml.lineCounter };
  const at = (dataPath: DataPath, reason: string, atKey = false) =>
    problemAt(file, source, dataPath, reason, atKey);

  const parsed = CertificationSchema.safeParse(yaml.data, { error: contentErrorMap });
  if (!parsed.success) {
    return { problems: schemaProblems(parsed.error.issues).map((p) => at(p.path, p.reason, p.atKey)) };
  }
  const certification = parsed.data;
  const problems: ContentProblem[] = [];
  if (name.replace(/\.ya?ml$/, '') !== certification.id) {
    problems.push(at(['id'], certificationMessages.fileNameNotId(certification.id)));
  }
  const known = [...programs.keys()].sort();
  for (const field of ['program', 'refresherProgram'] as const) {
    const programId = certification[field];
    if (programId === undefined) continue;
    if (!programs.has(programId)) {
      problems.push(at([field], certificationMessages.unknownProgram(programId, known)));
      continue;
    }
    // A certification in Swedish whose course is not: Swedish learners would get English cards.
    const languages = programs.get(programId) ?? certification.languages;
    for (const language of certification.languages.filter((l) => !languages.includes(l))) {
      problems.push(at([field], certificationMessages.missingLanguage(programId, language)));
    }
  }
  return problems.length > 0 ? { problems } : { problems, certification };
}

function problemAt(
  file: string,
  source: { doc: Document; lineCounter: LineCounter },
  dataPath: DataPath,
  reason: string,
  atKey: boolean,
): ContentProblem {
  return {
    file,
    location: lineCol(locate(source.doc, source.lineCounter, dataPath, atKey)),
    ...(dataPath.length > 0 ? { path: formatPath(dataPath) } : {}),
    reason,
  };
}
