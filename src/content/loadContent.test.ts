import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentProblem } from './contentProblem.ts';
import { loadContent } from './loadContent.ts';

const shippedContent = fileURLToPath(new URL('../../content', import.meta.url));
const tempDirs: string[] = [];

afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Writes `files` (path relative to the content folder → text) into a fresh temp folder. */
async function contentDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'drypp-content-'));
  tempDirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

/** A valid two-language program; line 9 is the lesson's `title:` and line 12 its `body:`. */
function programYaml(id = 'sample', extra = ''): string {
  return [
    `id: ${id}`, // 1
    'version: 1', // 2
    'languages: [en, nb]', // 3
    'mandatory: false', // 4
    'title: { en: Sample, nb: Eksempel }', // 5
    'description: { en: A sample, nb: Et eksempel }', // 6
    'steps:', // 7
    '  - id: hello', // 8
    '    title: { en: Hello, nb: Hei }', // 9
    '    kind: lesson', // 10
    '    minutes: 2', // 11
    '    body:', // 12
    '      en: lessons/hello.en.md', // 13
    '      nb: lessons/hello.nb.md', // 14
    '    due: { offsetDays: 0 }', // 15
    extra,
  ].join('\n');
}

function sampleProgram(id = 'sample', yaml = programYaml(id)): Record<string, string> {
  return {
    [`programs/${id}/program.yaml`]: yaml,
    [`programs/${id}/lessons/hello.en.md`]: 'Hello **world**\n',
    [`programs/${id}/lessons/hello.nb.md`]: 'Hei **verden**\n',
  };
}

async function problemsOf(files: Record<string, string>): Promise<ContentProblem[]> {
  const result = await loadContent(await contentDir(files));
  if (result.ok) throw new Error('expected problems, but the content loaded');
  return result.problems;
}

describe('loadContent', () => {
  it('loads good content, with Markdown bodies read from their files', async () => {
    const result = await loadContent(await contentDir({ ...sampleProgram('a'), ...sampleProgram('b') }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.programs.map((p) => p.id)).toEqual(['a', 'b']);
    expect(result.programs[0]?.steps[0]).toMatchObject({
      kind: 'lesson',
      body: { en: 'Hello **world**', nb: 'Hei **verden**' },
    });
  });

  it('loads the content shipped with Drypp', async () => {
    const result = await loadContent(shippedContent);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const onboarding = result.programs.find((p) => p.id === 'welcome-onboarding');
    expect(onboarding?.languages).toEqual(['en', 'nb', 'sv']);
    // Every shipped program speaks every language Drypp itself speaks.
    for (const program of result.programs) expect(program.languages, program.id).toEqual(['en', 'nb', 'sv']);
    expect(onboarding?.steps.length).toBeGreaterThanOrEqual(8);
    // The learner's kinds (a self-assessment at the start and the end), and the manager's check-in.
    expect(new Set(onboarding?.steps.map((s) => s.kind))).toEqual(
      new Set(['lesson', 'quiz', 'reflection', 'acknowledge', 'checkin', 'self-assessment']),
    );
  });

  it('ships Swedish texts that are Swedish, not the English or Norwegian ones copied', async () => {
    const result = await loadContent(shippedContent);
    if (!result.ok) throw new Error('the shipped content does not load');
    // Swedish and Bokmål sometimes coincide; each such text is listed here after a look at it.
    const sameInSwedishAndNorwegian = ['welcome-onboarding.steps.5.questions.1.options.0.text'];
    const copies: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value !== 'object' || value === null) return;
      const texts = value as Record<string, unknown>;
      if (typeof texts.sv === 'string') {
        if (texts.sv === texts.en) copies.push(`${path}: sv is the en text`);
        if (texts.sv === texts.nb && !sameInSwedishAndNorwegian.includes(path))
          copies.push(`${path}: sv is the nb text`);
      }
      for (const [key, child] of Object.entries(texts)) walk(child, `${path}.${key}`);
    };
    for (const program of result.programs) walk(program, program.id);
    expect(copies).toEqual([]);
  });

  it('reports a YAML syntax error with file and line', async () => {
    const broken = programYaml().replace('title: { en: Hello, nb: Hei }', 'title: { en: Hello, nb: Hei');
    const problems = await problemsOf(sampleProgram('sample', broken));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({
      file: 'programs/sample/program.yaml',
      reason: expect.stringMatching(/^YAML syntax/),
    });
    expect(problems[0]?.location).toMatch(/^1[0-1]:\d+$/);
  });

  it('reports a missing Markdown file at the line that names it', async () => {
    const files = sampleProgram();
    delete files['programs/sample/lessons/hello.nb.md'];
    expect(await problemsOf(files)).toEqual([
      {
        file: 'programs/sample/program.yaml',
        location: '14:11',
        path: 'steps[0].body.nb',
        reason: 'Markdown file not found: lessons/hello.nb.md',
      },
    ]);
  });

  it('reports an empty Markdown file as that file', async () => {
    const files = { ...sampleProgram(), 'programs/sample/lessons/hello.en.md': ' \n\n' };
    expect(await problemsOf(files)).toEqual([
      expect.objectContaining({
        file: 'programs/sample/lessons/hello.en.md',
        reason: expect.stringMatching(/empty/),
      }),
    ]);
  });

  it('refuses Markdown references that leave the program folder', async () => {
    const yaml = programYaml().replace('lessons/hello.en.md', '../other/secret.md');
    expect(await problemsOf(sampleProgram('sample', yaml))).toEqual([
      expect.objectContaining({
        location: '13:11',
        reason: expect.stringMatching(/inside the program folder/),
      }),
    ]);
  });

  it('reports every problem in every file, and loads nothing', async () => {
    const badSchema = programYaml('second')
      .replace('title: { en: Hello, nb: Hei }', 'title: { en: Hello }')
      .replace('minutes: 2', 'minutes: 0')
      .replace('kind: lesson', 'kind: lesson\n    colour: red');
    const files: Record<string, string> = {
      ...sampleProgram('first', programYaml('first').replace('version: 1', 'version: [')),
      ...sampleProgram('second', badSchema),
      'programs/no-yaml/lessons/x.en.md': 'stray',
    };
    delete files['programs/second/lessons/hello.en.md'];
    const problems = await problemsOf(files);
    const summary = problems.map((p) => `${p.file}:${p.location} ${p.path ?? ''} ${p.reason}`);
    expect(summary).toEqual([
      expect.stringMatching(/^programs\/first\/program\.yaml:\d+:\d+ +YAML syntax/),
      'programs/no-yaml/program.yaml:  program folder has no program.yaml',
      'programs/second/program.yaml:9:5 steps[0].title missing text for nb',
      'programs/second/program.yaml:11:5 steps[0].colour unknown field "colour"',
      'programs/second/program.yaml:12:14 steps[0].minutes Too small: expected number to be >=1',
      'programs/second/program.yaml:14:11 steps[0].body.en Markdown file not found: lessons/hello.en.md',
    ]);
  });

  it('reports a program whose languages are incomplete, at the text and at the languages', async () => {
    // Swedish listed but one text not translated; and a Danish text in a program without Danish.
    const yaml = programYaml()
      .replace('languages: [en, nb]', 'languages: [en, nb, sv]')
      .replace('title: { en: Sample, nb: Eksempel }', 'title: { en: Sample, nb: Eksempel, sv: Exempel }')
      .replace(
        'description: { en: A sample, nb: Et eksempel }',
        'description: { en: A sample, nb: Et eksempel, sv: Ett exempel, da: Et eksempel }',
      )
      .replace(
        '      nb: lessons/hello.nb.md',
        '      nb: lessons/hello.nb.md\n      sv: lessons/hello.sv.md',
      );
    const files = {
      ...sampleProgram('sample', yaml),
      'programs/sample/lessons/hello.sv.md': 'Hej **världen**\n',
    };
    const problems = await problemsOf(files);
    expect(problems.map((p) => `${p.file}:${p.location}  ${p.path}: ${p.reason}`)).toEqual([
      expect.stringMatching(
        /^programs\/sample\/program\.yaml:3:1 {2}languages: 1 of 4 texts are also in da \(first: description\.da\), but da is not in languages/,
      ),
      'programs/sample/program.yaml:9:5  steps[0].title: missing text for sv',
    ]);
  });

  it('reports a program id used twice', async () => {
    const files = { ...sampleProgram('one'), ...sampleProgram('two', programYaml('one')) };
    for (const lang of ['en', 'nb']) files[`programs/two/lessons/hello.${lang}.md`] = 'Hi';
    expect(await problemsOf(files)).toEqual([
      {
        file: 'programs/two/program.yaml',
        location: '1:5',
        path: 'id',
        reason: 'program id "one" is also used by programs/one/program.yaml',
      },
    ]);
  });

  it('reports a folder that is not content', async () => {
    expect(await problemsOf({ 'README.md': 'hi' })).toEqual([
      expect.objectContaining({ file: 'programs', reason: expect.stringMatching(/no programs\/ folder/) }),
    ]);
  });
});
