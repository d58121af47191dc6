// Reads and validates the learning paths in <dir>/paths/*.yaml: one file per role, named after its
// id. All or nothing, like programs, rules and certifications: one bad file means none are loaded.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { RolePathSchema, type RolePath } from '../domain/learning/paths/rolePath.ts';
import type { ContentProblem } from './contentProblem.ts';
import { contentMessages } from './messages.ts';
import { byFileAndPosition, lineCol, parseYamlFile } from './yamlFile.ts';
import { contentErrorMap, schemaProblems } from './zodProblems.ts';
import { formatPath, locate, type DataPath } from './yamlLocation.ts';

export const PATHS_FOLDER = 'paths';

export const pathMessages = {
  notAFolder: 'paths must be a folder of .yaml files, one per role',
  nestedFolder: 'path files go directly in paths/ (paths/<id>.yaml); this folder is not read',
  notMapping: 'a path file must be a mapping of fields (id, title, audience, programs, certifications)',
  fileNameNotId: (id: string) => `the file must be named after the id: paths/${id}.yaml`,
  unknownProgram: (id: string, known: string[]) =>
    `unknown program "${id}"; known programs: ${known.length === 0 ? '(none)' : known.join(', ')}`,
  unknownCertification: (id: string, known: string[]) =>
    `unknown certification "${id}"; known certifications: ${known.length === 0 ? '(none)' : known.join(', ')}`,
  listedTwice: (id: string) => `"${id}" is listed twice`,
} as const;

export type LoadPathsResult = { ok: true; paths: RolePath[] } | { ok: false; problems: ContentProblem[] };

/** What paths may name: the programs and certifications there are (even ones with problems of their own). */
export interface KnownContent {
  programIds: ReadonlySet<string>;
  certificationIds: ReadonlySet<string>;
}

/** No paths/ folder means no paths: content is valid without them. */
export async function loadPaths(dir: string, known: KnownContent): Promise<LoadPathsResult> {
  const contentDir = path.resolve(dir);
  let entries;
  try {
    entries = await readdir(path.join(contentDir, PATHS_FOLDER), { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: true, paths: [] };
    const reason = code === 'ENOTDIR' ? pathMessages.notAFolder : contentMessages.unreadable(String(error));
    return { ok: false, problems: [{ file: PATHS_FOLDER, location: '', reason }] };
  }
  const visible = entries.filter((e) => !e.name.startsWith('.'));
  const problems: ContentProblem[] = visible
    .filter((e) => e.isDirectory())
    .map((e) => ({ file: `${PATHS_FOLDER}/${e.name}`, location: '', reason: pathMessages.nestedFolder }));
  const files = visible
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => e.name)
    .sort();
  const loaded = await Promise.all(files.map((name) => loadOne(contentDir, name, known)));
  for (const l of loaded) problems.push(...l.problems);
  if (problems.length > 0) return { ok: false, problems: problems.sort(byFileAndPosition) };
  return { ok: true, paths: loaded.flatMap((l) => (l.path ? [l.path] : [])) };
}

/** The certification ids in <dir>/certifications (by file name), for paths to check what they name. */
export async function certificationIdsIn(dir: string): Promise<Set<string>> {
  const names = await readdir(path.join(path.resolve(dir), 'certifications')).catch(() => [] as string[]);
  return new Set(names.filter((n) => /\.ya?ml$/.test(n)).map((n) => n.replace(/\.ya?ml$/, '')));
}

async function loadOne(
  contentDir: string,
  name: string,
  known: KnownContent,
): Promise<{ problems: ContentProblem[]; path?: RolePath }> {
  const file = `${PATHS_FOLDER}/${name}`;
  let text: string;
  try {
    text = await readFile(path.join(contentDir, file), 'utf8');
  } catch (error) {
    return { problems: [{ file, location: '', reason: contentMessages.unreadable(String(error)) }] };
  }
  const yaml = parseYamlFile(file, text, pathMessages.notMapping);
  if (!yaml.ok) return { problems: yaml.problems };
  const at = (dataPath: DataPath, reason: string, atKey = false): ContentProblem => ({
    file,
    location: lineCol(locate(yaml.doc, yaml.lineCounter, dataPath, atKey)),
    ...(dataPath.length > 0 ? { path: formatPath(dataPath) } : {}),
    reason,
  });

  const parsed = RolePathSchema.safeParse(yaml.data, { error: contentErrorMap });
  if (!parsed.success) {
    return { problems: schemaProblems(parsed.error.issues).map((p) => at(p.path, p.reason, p.atKey)) };
  }
  const rolePath = parsed.data;
  const problems: ContentProblem[] = [];
  if (name.replace(/\.ya?ml$/, '') !== rolePath.id) {
    problems.push(at(['id'], pathMessages.fileNameNotId(rolePath.id)));
  }
  const lists = [
    {
      field: 'programs',
      ids: rolePath.programs,
      known: known.programIds,
      unknown: pathMessages.unknownProgram,
    },
    {
      field: 'certifications',
      ids: rolePath.certifications,
      known: known.certificationIds,
      unknown: pathMessages.unknownCertification,
    },
  ] as const;
  for (const list of lists) {
    const seen = new Set<string>();
    list.ids.forEach((id, i) => {
      if (seen.has(id)) problems.push(at([list.field, i], pathMessages.listedTwice(id)));
      seen.add(id);
      if (!list.known.has(id)) problems.push(at([list.field, i], list.unknown(id, [...list.known].sort())));
    });
  }
  return problems.length > 0 ? { problems } : { problems, path: rolePath };
}
