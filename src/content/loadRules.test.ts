import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { DirectoryPerson } from '../domain/directory/directoryPerson.ts';
import { matchRules } from '../domain/learning/enrollmentRules.ts';
import type { ContentProblem } from './contentProblem.ts';
import { loadContent } from './loadContent.ts';
import { loadRules } from './loadRules.ts';

const shippedContent = fileURLToPath(new URL('../../content', import.meta.url));
const PROGRAMS = ['welcome-onboarding', 'leading-digital-workplace'];
const tempDirs: string[] = [];

afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Writes `files` (path relative to the content folder → text) into a fresh temp folder. */
async function contentDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'drypp-rules-'));
  tempDirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

async function problemsOf(files: Record<string, string>): Promise<ContentProblem[]> {
  const result = await loadRules(await contentDir(files), { programIds: PROGRAMS });
  if (result.ok) throw new Error('expected problems, but the rules loaded');
  return result.problems;
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;

/** Line 2 is the rule's id, line 4 its audience, line 5 its programs. */
function ruleYaml(id: string, audience = '{ everyone: true }', programs = '[welcome-onboarding]'): string {
  return lines(
    'rules:', // 1
    `  - id: ${id}`, // 2
    '    when: joined', // 3
    `    audience: ${audience}`, // 4
    `    programs: ${programs}`, // 5
  );
}

describe('loadRules', () => {
  it('loads every rules file in name order, with triggers as lists', async () => {
    const dir = await contentDir({
      'rules/b-leaders.yaml': lines(
        'rules:',
        '  - id: leaders',
        '    when: [joined, roleChanged]',
        '    audience: { jobTitle: { matches: "(leder|manager)" } }',
        '    programs: [leading-digital-workplace]',
      ),
      'rules/a-welcome.yml': ruleYaml('welcome'),
      'rules/notes.txt': 'not a rules file',
    });
    const result = await loadRules(dir, { programIds: PROGRAMS });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.rules.map((r) => [r.id, r.when])).toEqual([
      ['welcome', ['joined']],
      ['leaders', ['joined', 'roleChanged']],
    ]);
    expect(result.files).toEqual([
      { file: 'rules/a-welcome.yml', rules: 1 },
      { file: 'rules/b-leaders.yaml', rules: 1 },
    ]);
  });

  it('finds no rules, and no problem, when there is no rules folder', async () => {
    expect(await loadRules(await contentDir({ 'README.md': 'x' }))).toEqual({
      ok: true,
      rules: [],
      files: [],
    });
  });

  it('points at a regular expression that does not compile', async () => {
    const problems = await problemsOf({
      'rules/default.yaml': ruleYaml('leaders', '{ jobTitle: { matches: "(leder" } }'),
    });
    expect(problems).toEqual([
      {
        file: 'rules/default.yaml',
        location: '4:38',
        path: 'rules[0].audience.jobTitle.matches',
        reason: expect.stringMatching(/^not a valid regular expression: /),
      },
    ]);
  });

  it('points at each program id that does not exist, and names the known ones', async () => {
    const problems = await problemsOf({
      'rules/default.yaml': ruleYaml('welcome', undefined, '[welcome-onboarding, nursing-basics]'),
    });
    expect(problems).toEqual([
      {
        file: 'rules/default.yaml',
        location: '5:36',
        path: 'rules[0].programs[1]',
        reason:
          'unknown program "nursing-basics"; known programs: leading-digital-workplace, welcome-onboarding',
      },
    ]);
  });

  it('reports a rule id used in two files at the second, naming the first', async () => {
    const problems = await problemsOf({
      'rules/a.yaml': ruleYaml('welcome'),
      // The second rule's id is on line 6.
      'rules/b.yaml': ruleYaml('other') + ruleYaml('welcome').replace('rules:\n', ''),
    });
    expect(problems).toEqual([
      {
        file: 'rules/b.yaml',
        location: '6:9',
        path: 'rules[1].id',
        reason: 'rule id "welcome" is also used at rules/a.yaml:2:9',
      },
    ]);
  });

  it('reports every problem in every file: unknown fields, bad audiences, syntax', async () => {
    const problems = await problemsOf({
      'rules/a.yaml': ruleYaml('a', '{ departmnet: { equals: [Nursing] } }'),
      'rules/b.yaml': lines(
        'rules:',
        '  - id: b',
        '    when: joined',
        '    audiense: { everyone: true }',
        '    programs: [welcome-onboarding]',
      ),
      'rules/c.yaml': 'rules: [ { id: c\n',
    });
    expect(problems.map((p) => [p.file, p.location, p.path, p.reason])).toEqual([
      ['rules/a.yaml', '4:5', 'rules[0].audience', expect.stringMatching(/^audience must be one of /)],
      // A missing audience is told what an audience looks like.
      ['rules/b.yaml', '2:5', 'rules[0].audience', expect.stringMatching(/^audience must be one of /)],
      ['rules/b.yaml', '4:5', 'rules[0].audiense', 'unknown field "audiense"'],
      [
        'rules/c.yaml',
        expect.stringMatching(/^\d+:\d+$/),
        undefined,
        expect.stringMatching(/^YAML syntax: /),
      ],
    ]);
  });
});

describe('loadContent with rules', () => {
  it('loads the shipped rules, which welcome everyone and give leaders their program', async () => {
    const result = await loadContent(shippedContent);
    expect(result).toMatchObject({ ok: true, ruleFiles: [{ file: 'rules/default.yaml' }] });
    if (!result.ok) return;
    const person = (jobTitle: string): DirectoryPerson => ({
      id: '11111111-1111-4111-8111-111111111111',
      displayName: 'Maja Berg',
      userPrincipalName: 'maja.berg@kommune.example',
      accountEnabled: true,
      userType: 'Member',
      jobTitle,
    });
    const programs = (jobTitle: string) =>
      matchRules(result.rules, { kind: 'joined' }, person(jobTitle)).map((m) => m.programId);
    expect(programs('Sykepleier')).toEqual(['welcome-onboarding']);
    expect(programs('Rektor')).toEqual(['welcome-onboarding', 'leading-digital-workplace']);
    expect(programs('Avdelingssjef')).toEqual(['welcome-onboarding', 'leading-digital-workplace']);
    expect(programs('Enhetschef hemtjänst')).toEqual(['welcome-onboarding', 'leading-digital-workplace']);
    expect(programs('Undersköterska')).toEqual(['welcome-onboarding']);
    const promoted = matchRules(
      result.rules,
      { kind: 'roleChanged', before: person('Lærer') },
      person('Enhetsleder'),
    );
    expect(promoted.map((m) => m.programId)).toEqual(['leading-digital-workplace']);
  });

  it('imports nothing when a rule is bad, and checks rules against the programs in the folder', async () => {
    const dir = await contentDir({
      'programs/welcome-onboarding/program.yaml': 'id: welcome-onboarding\n',
      'rules/default.yaml': ruleYaml('welcome', undefined, '[welcome-onboarding, missing]'),
    });
    const result = await loadContent(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const ruleProblems = result.problems.filter((p) => p.file === 'rules/default.yaml');
    // The program itself is broken, but it exists: only the missing one is unknown.
    expect(ruleProblems.map((p) => p.reason)).toEqual([
      'unknown program "missing"; known programs: welcome-onboarding',
    ]);
    expect(result.problems.some((p) => p.file === 'programs/welcome-onboarding/program.yaml')).toBe(true);
  });
});
