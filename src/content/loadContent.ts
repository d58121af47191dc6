// Reads and validates every program under <dir>/programs, every enrollment rule under <dir>/rules,
// the certifications and the learning paths by role.
// All or nothing: one bad file means no programs and no rules. The layout is described in content/README.md.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Document, LineCounter } from 'yaml';
import type { ContentProblem } from './contentProblem.ts';
import { byFileAndPosition, lineCol, parseYamlFile } from './yamlFile.ts';
import type { EnrollmentRule } from '../domain/learning/enrollmentRules.ts';
import { ProgramSchema, type Program } from '../domain/learning/program.ts';
import { loadRules, type RuleFileSummary } from './loadRules.ts';
import type { Certification } from '../domain/certificates/certification.ts';
import { loadCertifications } from './loadCertifications.ts';
import type { RolePath } from '../domain/learning/paths/rolePath.ts';
import { certificationIdsIn, loadPaths } from './loadPaths.ts';
import type { PrivacyFile } from '../domain/privacy/privacyPolicy.ts';
import { loadPrivacyPolicy } from './loadPrivacyPolicy.ts';
import { resolveMarkdownRefs } from './markdownRefs.ts';
import { contentMessages } from './messages.ts';
import { contentErrorMap, schemaProblems } from './zodProblems.ts';
import { formatPath, locate, type DataPath } from './yamlLocation.ts';

export type LoadContentResult =
  | {
      ok: true;
      programs: Program[];
      rules: EnrollmentRule[];
      ruleFiles: RuleFileSummary[];
      certifications: Certification[];
      /** Learning paths by role (content/paths). */
      paths: RolePath[];
      /** content/privacy.yaml: legal holds and retention per tenant ({} without the file). */
      privacy: PrivacyFile;
    }
  | { ok: false; problems: ContentProblem[] };

export const PROGRAMS_FOLDER = 'programs';
export const PROGRAM_FILE = 'program.yaml';

export async function loadContent(dir: string): Promise<LoadContentResult> {
  const contentDir = path.resolve(dir);
  const listing = await listProgramFolders(contentDir);
  if ('problem' in listing) return { ok: false, problems: [listing.problem] };

  const problems: ContentProblem[] = [...listing.strayFiles];
  const loaded = await Promise.all(listing.folders.map((folder) => loadProgram(contentDir, folder)));
  for (const result of loaded) problems.push(...result.problems);
  problems.push(...duplicateIds(loaded));

  // Rules may name any program that is there, even one with problems of its own: those are reported once.
  const programIds = loaded.map((r, i) =>
    typeof r.source?.id === 'string' ? r.source.id : listing.folders[i],
  );
  const rules = await loadRules(contentDir, { programIds: programIds.filter((id) => id !== undefined) });
  if (!rules.ok) problems.push(...rules.problems);
  const known = new Map(
    loaded.flatMap((r, i) => {
      const id = typeof r.source?.id === 'string' ? r.source.id : listing.folders[i];
      return id === undefined ? [] : [[id, r.program?.languages] as const];
    }),
  );
  const certifications = await loadCertifications(contentDir, known);
  if (!certifications.ok) problems.push(...certifications.problems);
  const paths = await loadPaths(contentDir, {
    programIds: new Set(known.keys()),
    certificationIds: await certificationIdsIn(contentDir),
  });
  if (!paths.ok) problems.push(...paths.problems);

  const privacy = await loadPrivacyPolicy(contentDir);
  if (!privacy.ok) problems.push(...privacy.problems);

  if (problems.length > 0 || !rules.ok || !certifications.ok || !paths.ok || !privacy.ok)
    return { ok: false, problems: problems.sort(byFileAndPosition) };
  return {
    ok: true,
    programs: loaded.flatMap((r) => (r.program ? [r.program] : [])),
    rules: rules.rules,
    ruleFiles: rules.files,
    certifications: certifications.certifications,
    paths: paths.paths,
    privacy: privacy.privacy,
  };
}

interface LoadedProgram {
  file: string;
  problems: ContentProblem[];
  program?: Program;
  /** Kept to point at the id when another program uses it too. */
  source?: { doc: Document; lineCounter: LineCounter; id: unknown };
}

async function loadProgram(contentDir: string, folder: string): Promise<LoadedProgram> {
  const programDir = path.join(contentDir, PROGRAMS_FOLDER, folder);
  const file = `${PROGRAMS_FOLDER}/${folder}/${PROGRAM_FILE}`;
  const fileProblem = (reason: string, location = ''): LoadedProgram => ({
    file,
    problems: [{ file, location, reason }],
  });

  let text: string;
  try {
    text = await readFile(path.join(programDir, PROGRAM_FILE), 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return fileProblem(
      missing ? contentMessages.programYamlMissing : contentMessages.unreadable(String(error)),
    );
  }

  const yaml = parseYamlFile(file, text, contentMessages.yamlNotMapping);
  if (!yaml.ok) return { file, problems: yaml.problems };
  const { doc, lineCounter, data } = yaml;

  const at = (dataPath: DataPath, reason: string, atKey = false): ContentProblem => ({
    file,
    location: lineCol(locate(doc, lineCounter, dataPath, atKey)),
    ...(dataPath.length > 0 ? { path: formatPath(dataPath) } : {}),
    reason,
  });

  const problems: ContentProblem[] = [];
  const markdownProblems = await resolveMarkdownRefs(data, programDir, contentDir);
  for (const p of markdownProblems) {
    problems.push(p.at === 'yaml' ? at(p.path, p.reason) : { file: p.file, location: '', reason: p.reason });
  }

  const parsed = ProgramSchema.safeParse(data, { error: contentErrorMap });
  if (!parsed.success) {
    for (const p of schemaProblems(parsed.error.issues)) problems.push(at(p.path, p.reason, p.atKey));
  }
  const source = { doc, lineCounter, id: (data as Record<string, unknown>).id };
  if (problems.length > 0 || !parsed.success) return { file, problems, source };
  return { file, problems, program: parsed.data, source };
}

async function listProgramFolders(
  contentDir: string,
): Promise<{ folders: string[]; strayFiles: ContentProblem[] } | { problem: ContentProblem }> {
  const isDir = await stat(contentDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir)
    return { problem: { file: '.', location: '', reason: contentMessages.folderNotFound(contentDir) } };

  const programsDir = path.join(contentDir, PROGRAMS_FOLDER);
  let entries;
  try {
    entries = await readdir(programsDir, { withFileTypes: true });
  } catch {
    // Any failure to list means there is no usable programs/ folder; the message says what to do.
    return {
      problem: { file: PROGRAMS_FOLDER, location: '', reason: contentMessages.programsFolderMissing },
    };
  }
  const folders = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const strayFiles = entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => ({
      file: `${PROGRAMS_FOLDER}/${e.name}`,
      location: '',
      reason: contentMessages.strayProgramFile,
    }));
  return { folders, strayFiles };
}

function duplicateIds(loaded: LoadedProgram[]): ContentProblem[] {
  const firstFile = new Map<string, string>();
  const problems: ContentProblem[] = [];
  for (const { file, source } of loaded) {
    if (source === undefined || typeof source.id !== 'string') continue;
    const other = firstFile.get(source.id);
    if (other === undefined) {
      firstFile.set(source.id, file);
      continue;
    }
    problems.push({
      file,
      location: lineCol(locate(source.doc, source.lineCounter, ['id'])),
      path: 'id',
      reason: contentMessages.duplicateProgramId(source.id, other),
    });
  }
  return problems;
}
