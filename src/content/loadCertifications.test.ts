import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCertifications } from './loadCertifications.ts';
import { loadContent } from './loadContent.ts';

const shippedContent = fileURLToPath(new URL('../../content', import.meta.url));
const programs = new Map([
  ['first-aid-course', ['en', 'nb', 'sv']],
  ['english-only', ['en']],
]);
const tempDirs: string[] = [];

afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function contentDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'drypp-certs-'));
  tempDirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

const firstAid = [
  'id: first-aid',
  'version: 1',
  'languages: [en, nb]',
  'title: { en: First aid, nb: Førstehjelp }',
  'program: first-aid-course',
  'firstDueDays: 90',
  'validity: { months: 24 }',
  'renewalWindowDays: 90',
  'expiryCountsFrom: completion',
  '',
].join('\n');

describe('loading certifications', () => {
  it('loads the shipped ones with the shipped programs', async () => {
    const content = await loadContent(shippedContent);
    expect(content.ok && content.certifications.map((c) => [c.id, c.program, c.refresherProgram])).toEqual([
      ['first-aid', 'first-aid-course', undefined],
      ['smoke-diving', 'smoke-diving-course', 'smoke-diving-refresher'],
    ]);
  });

  it('has none without a certifications folder', async () => {
    expect(await loadCertifications(await contentDir({}), programs)).toEqual({
      ok: true,
      certifications: [],
    });
  });

  it('reports every problem with its line: unknown program, a language the program lacks, a file not named after its id', async () => {
    const dir = await contentDir({
      'certifications/first-aid.yaml': firstAid.replace(
        'program: first-aid-course',
        'program: first-aid-coursee',
      ),
      'certifications/wrong-name.yaml': firstAid
        .replace('program: first-aid-course', 'program: english-only')
        .replace('firstDueDays: 90', 'firstDueDays: 90\nvalidUntil: forever'),
      'certifications/english.yaml': firstAid
        .replace('id: first-aid', 'id: english')
        .replace('program: first-aid-course', 'program: english-only'),
    });
    const result = await loadCertifications(dir, programs);
    expect(result.ok).toBe(false);
    const lines = result.ok
      ? []
      : result.problems.map((p) => `${p.file}:${p.location} ${p.path ?? ''}: ${p.reason}`);
    expect(lines).toEqual([
      'certifications/english.yaml:5:10 program: program "english-only" has no nb text, which this certification lists in languages',
      expect.stringMatching(
        /^certifications\/first-aid.yaml:5:10 program: unknown program "first-aid-coursee"; known programs: english-only, first-aid-course$/,
      ),
      'certifications/wrong-name.yaml:7:1 validUntil: unknown field "validUntil"',
    ]);
  });

  it('wants each file named after its id, which keeps ids unique', async () => {
    const dir = await contentDir({ 'certifications/copy-of-first-aid.yaml': firstAid });
    const result = await loadCertifications(dir, programs);
    expect(!result.ok && result.problems.map((p) => `${p.location} ${p.reason}`)).toEqual([
      '1:5 the file must be named after the id: certifications/first-aid.yaml',
    ]);
  });

  it('makes the whole content invalid when one certification is: nothing is imported', async () => {
    const dir = await contentDir({
      'programs/first-aid-course/program.yaml': await readFile(
        path.join(shippedContent, 'programs/first-aid-course/program.yaml'),
        'utf8',
      ),
      'certifications/first-aid.yaml': firstAid.replace('renewalWindowDays: 90', 'renewalWindowDays: 900'),
    });
    for (const lang of ['en', 'nb', 'sv']) {
      const md = `programs/first-aid-course/lessons/cpr.${lang}.md`;
      await mkdir(path.dirname(path.join(dir, md)), { recursive: true });
      await writeFile(path.join(dir, md), await readFile(path.join(shippedContent, md), 'utf8'));
    }
    const content = await loadContent(dir);
    expect(content.ok).toBe(false);
    expect(!content.ok && content.problems.map((p) => `${p.file} ${p.path}`)).toEqual([
      'certifications/first-aid.yaml renewalWindowDays',
    ]);
  });
});
