import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from './loadContent.ts';
import { loadPaths } from './loadPaths.ts';

const shippedContent = fileURLToPath(new URL('../../content', import.meta.url));
const known = {
  programIds: new Set(['welcome-onboarding', 'first-aid-course']),
  certificationIds: new Set(['first-aid', 'smoke-diving']),
};
const tempDirs: string[] = [];

afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function contentDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'drypp-paths-'));
  tempDirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

describe('loading learning paths', () => {
  it('loads the shipped paths with the shipped programs and certifications', async () => {
    const content = await loadContent(shippedContent);
    expect(content.ok && content.paths.map((p) => [p.id, p.programs, p.certifications])).toEqual([
      ['everyone', ['welcome-onboarding'], []],
      ['firefighter', [], ['smoke-diving', 'first-aid']],
    ]);
  });

  it('has none without a paths folder', async () => {
    expect(await loadPaths(await contentDir({}), known)).toEqual({ ok: true, paths: [] });
  });

  it('reports every problem with its line: unknown program and certification, a repeat, the file name, a group', async () => {
    const dir = await contentDir({
      'paths/nurses.yaml': [
        'id: nurse',
        'languages: [en, nb]',
        'title: { en: Nurse, nb: Sykepleier }',
        'audience: { jobTitle: { matches: sykepleier } }',
        'programs: [welcome-onboarding, cpr-course, welcome-onboarding]',
        'certifications:',
        '  - first-aid',
        '  - hlr',
        '',
      ].join('\n'),
      'paths/leaders.yaml': [
        'id: leaders',
        'languages: [en]',
        'title: { en: Leaders }',
        "audience: { group: '5f1c3b6e-2a7d-4c1e-9b8a-0d6e4f2a1c37' }",
        'programs: [welcome-onboarding]',
        '',
      ].join('\n'),
    });
    const result = await loadPaths(dir, known);
    expect(result.ok).toBe(false);
    const lines = result.ok
      ? []
      : result.problems.map((p) => `${p.file}:${p.location} ${p.path}: ${p.reason}`);
    expect(lines).toEqual([
      'paths/leaders.yaml:4:1 audience: a path is for job titles and departments (or everyone); use an enrollment rule (rules/) for a group',
      'paths/nurses.yaml:1:5 id: the file must be named after the id: paths/nurse.yaml',
      'paths/nurses.yaml:5:32 programs[1]: unknown program "cpr-course"; known programs: first-aid-course, welcome-onboarding',
      'paths/nurses.yaml:5:44 programs[2]: "welcome-onboarding" is listed twice',
      'paths/nurses.yaml:8:5 certifications[1]: unknown certification "hlr"; known certifications: first-aid, smoke-diving',
    ]);
  });

  it('makes the whole content invalid when a path is broken', async () => {
    const dir = await contentDir({
      'programs/.keep': '',
      'paths/everyone.yaml':
        'id: everyone\nlanguages: [en]\ntitle: { en: All }\naudience: { everyone: true }\nprograms: [nothing-here]\n',
    });
    const result = await loadContent(dir);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.file)).toEqual(['paths/everyone.yaml']);
  });
});
