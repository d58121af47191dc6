// Runs `drypp` (in-process, and once the real launcher) as a user would, against the shipped content and a broken copy.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDrypp, runDryppLauncher, type DryppRun } from '../support/dryppCli.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const shippedContent = path.join(repoRoot, 'content');

/** In-process, through the real command tree. */
const drypp = (args: string[], cwd = repoRoot): Promise<DryppRun> =>
  runDrypp(args, { cwd, env: process.env });
/** The real `node bin/drypp.js` process, for the test that proves the launcher itself. */
const dryppLauncher = (args: string[], cwd = repoRoot): Promise<DryppRun> =>
  runDryppLauncher(args, { cwd, env: process.env });

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'drypp-cli-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A copy of the shipped content with a missing translation and a missing Markdown file. */
async function brokenCopy(into: string): Promise<string> {
  await cp(shippedContent, into, { recursive: true });
  const programDir = path.join(into, 'programs/welcome-onboarding');
  const yamlFile = path.join(programDir, 'program.yaml');
  const yaml = await readFile(yamlFile, 'utf8');
  const broken = yaml.replace(/\n +nb: Velkommen!\n/, '\n');
  expect(broken).not.toBe(yaml);
  await writeFile(yamlFile, broken);
  await rm(path.join(programDir, 'lessons/signing-in-safely.nb.md'));
  return into;
}

describe('drypp content validate', () => {
  it('accepts the shipped content and names the program', async () => {
    const run = await drypp(['content', 'validate', shippedContent]);
    expect(run.stderr).toContain(`Validating content in ${shippedContent}`);
    expect(run.stdout).toMatch(/✓ welcome-onboarding v\d+ \(en, nb, sv\) — \d+ steps/);
    expect(run.code).toBe(0);
  });

  it('reports every problem in a broken copy with file and line:column, and exits 1 (the real launcher)', async () => {
    const dir = await brokenCopy(path.join(scratch, 'broken'));
    const run = await dryppLauncher(['content', 'validate', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    const problemLines = run.stdout.split('\n').filter((line) => line.includes('program.yaml:'));
    expect(problemLines).toEqual([
      expect.stringMatching(
        /programs\/welcome-onboarding\/program\.yaml:\d+:\d+ {2}steps\[0\]\.title: missing text for nb$/,
      ),
      expect.stringMatching(
        /programs\/welcome-onboarding\/program\.yaml:\d+:\d+ {2}steps\[4\]\.body\.nb: Markdown file not found: lessons\/signing-in-safely\.nb\.md$/,
      ),
    ]);
    expect(run.stdout).toContain('2 problems in 1 file');
    expect(run.stdout).not.toContain('✓');
  });

  it('reports a program whose languages are incomplete: a text in a language the program does not list', async () => {
    const dir = path.join(scratch, 'incomplete');
    await cp(shippedContent, dir, { recursive: true });
    const yamlFile = path.join(dir, 'programs/welcome-onboarding/program.yaml');
    const yaml = await readFile(yamlFile, 'utf8');
    const begun = yaml.replace(/\n( +)en: Welcome!\n/, '\n$1en: Welcome!\n$1da: Velkommen!\n');
    expect(begun).not.toBe(yaml);
    await writeFile(yamlFile, begun);
    const run = await drypp(['content', 'validate', dir]);
    expect(run.code).toBe(1);
    const problemLines = run.stdout.split('\n').filter((line) => line.includes('program.yaml:'));
    expect(problemLines).toEqual([
      expect.stringMatching(
        /programs\/welcome-onboarding\/program\.yaml:5:1 {2}languages: 1 of \d+ texts are also in da \(first: steps\[0\]\.title\.da\), but da is not in languages/,
      ),
    ]);
    expect(run.stdout).toContain('1 problem in 1 file');
  });

  it('defaults to ./content in the working folder', async () => {
    const project = path.join(scratch, 'project');
    await brokenCopy(path.join(project, 'content'));
    const run = await drypp(['content', 'validate'], project);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^content\/programs\/welcome-onboarding\/program\.yaml:\d+:\d+ /m);
  });

  it('falls back to the shipped content when the working folder has none', async () => {
    const run = await drypp(['content', 'validate'], scratch);
    expect(run.stderr).toContain(`Validating content in ${shippedContent}`);
    expect(run.code).toBe(0);
  });

  it('rejects an unknown command with a clear message', async () => {
    const run = await drypp(['contnet', 'validate']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/unknown command 'contnet'/);
  });
});
