// Reads content/privacy.yaml: per tenant, the legal holds erasure keeps and the retention periods for
// people who left. No file means Drypp's defaults (no hold, 12 months), as the README says.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PrivacyFileSchema, type PrivacyFile } from '../domain/privacy/privacyPolicy.ts';
import type { ContentProblem } from './contentProblem.ts';
import { contentMessages } from './messages.ts';
import { lineCol, parseYamlFile } from './yamlFile.ts';
import { contentErrorMap, schemaProblems } from './zodProblems.ts';
import { formatPath, locate } from './yamlLocation.ts';

export const PRIVACY_FILE = 'privacy.yaml';

export type LoadPrivacyResult =
  { ok: true; privacy: PrivacyFile } | { ok: false; problems: ContentProblem[] };

export async function loadPrivacyPolicy(dir: string): Promise<LoadPrivacyResult> {
  const file = PRIVACY_FILE;
  let text: string;
  try {
    text = await readFile(path.join(path.resolve(dir), file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, privacy: {} };
    return {
      ok: false,
      problems: [{ file, location: '', reason: contentMessages.unreadable(String(error)) }],
    };
  }
  const yaml = parseYamlFile(file, text, 'privacy.yaml must be a mapping with "default:" and/or "tenants:"');
  if (!yaml.ok) return { ok: false, problems: yaml.problems };
  const parsed = PrivacyFileSchema.safeParse(yaml.data, { error: contentErrorMap });
  if (parsed.success) return { ok: true, privacy: parsed.data };
  return {
    ok: false,
    problems: schemaProblems(parsed.error.issues).map((p) => ({
      file,
      location: lineCol(locate(yaml.doc, yaml.lineCounter, p.path, p.atKey)),
      ...(p.path.length > 0 ? { path: formatPath(p.path) } : {}),
      reason: p.reason,
    })),
  };
}
