import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { loadContent } from '../../src/content/loadContent.ts';
import type { MirroredPerson } from '../../src/domain/directory/directoryPerson.ts';
import type { Enrollment } from '../../src/domain/learning/enrollment.ts';
import type { Program } from '../../src/domain/learning/program.ts';
import type { StepState } from '../../src/domain/learning/stepState.ts';
import { TableDirectoryMirror } from '../../src/store/directory/directoryMirror.ts';
import { enrollmentToRow, stepToRow } from '../../src/store/learning/progressRows.ts';
import { TableManagerIndex } from '../../src/store/managers/managerIndexStore.ts';
import type { StorageClients } from '../../src/store/platform/storageClients.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { TableProgressStore } from '../../src/store/learning/progressStore.ts';
import { TableReachabilityStore } from '../../src/store/directory/reachabilityStore.ts';
import { TableTeamDirectory } from '../../src/store/managers/teamDirectoryStore.ts';
import { TableTeamSummaryStore } from '../../src/store/managers/teamSummaryStore.ts';
import { rebuildTeamSummaries } from '../../src/usecases/managers/team/rebuildTeamSummaries.ts';

/**
 * The tab-api bench's organisation: managers, each with a tree of reports over three levels, every
 * report enrolled in five programs with a realistic spread of done, open and overdue steps and
 * failed quizzes. Written as directory sync and answers would write it: people through the
 * directory mirror (which keeps the manager index), progress as each person's LearnerProgress rows.
 */

const DAY = 86_400_000;
export const PROGRAMS = 5;

/** Five programs: the shipped welcome programme under five ids (three mandatory), in a temp folder. */
export async function benchContent(repoRoot: string): Promise<{ dir: string; programs: Program[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drypp-tab-api-'));
  const source = path.join(repoRoot, 'content/programs/welcome-onboarding');
  fs.mkdirSync(path.join(dir, 'rules'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'rules/default.yaml'), 'rules: []\n');
  for (let k = 1; k <= PROGRAMS; k++) {
    const target = path.join(dir, 'programs', `bench-${k}`);
    fs.cpSync(source, target, { recursive: true });
    const file = path.join(target, 'program.yaml');
    const yaml = fs
      .readFileSync(file, 'utf8')
      .replace(/^id: welcome-onboarding$/m, `id: bench-${k}`)
      .replace(/^mandatory: true$/m, `mandatory: ${k <= 3}`);
    fs.writeFileSync(file, yaml);
  }
  const content = await loadContent(dir);
  if (!content.ok) throw new Error(`bench content is not valid: ${JSON.stringify(content.problems[0])}`);
  return { dir, programs: content.programs };
}

const guid = (manager: number, n: number) =>
  `${String(manager).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export interface BenchOrg {
  managerIds: string[];
  reportsPerManager: number;
  people: number;
}

/**
 * Per manager: 4 direct reports, 6 below each of them, and the rest spread over those 24 (the third
 * level), so `reports` people in all.
 */
export async function seedOrganisation(
  storage: StorageClients,
  tenantId: string,
  managers: number,
  reports: number,
): Promise<BenchOrg> {
  const mirror = new TableDirectoryMirror(
    storage.table(tableNames.people),
    storage.table(tableNames.tenants),
    new TableManagerIndex(storage.table(tableNames.managerIndex)),
  );
  const managerIds: string[] = [];
  let people = 0;
  for (let m = 1; m <= managers; m++) {
    const top = guid(m, 0);
    managerIds.push(top);
    const rows: MirroredPerson[] = [mirrored(top, `Manager ${m}`, undefined)];
    const level1 = Array.from({ length: 4 }, (_, i) => guid(m, 1 + i));
    const level2 = Array.from({ length: 24 }, (_, i) => guid(m, 5 + i));
    level1.forEach((id, i) => rows.push(mirrored(id, `Lead ${m}.${i}`, top)));
    level2.forEach((id, i) => rows.push(mirrored(id, `Team lead ${m}.${i}`, level1[i % 4])));
    for (let n = 29; n <= reports; n++) rows.push(mirrored(guid(m, n), `Learner ${m}.${n}`, level2[n % 24]));
    await mirror.putMany(tenantId, rows);
    people += rows.length;
  }
  return { managerIds, reportsPerManager: reports, people };
}

function mirrored(id: string, displayName: string, managerId: string | undefined): MirroredPerson {
  return {
    person: {
      id,
      displayName,
      userPrincipalName: `${id}@bench.example`,
      accountEnabled: true,
      userType: 'Member',
      department: 'Helse',
      jobTitle: managerId ? 'Fagarbeider' : 'Kommunalsjef',
      managerId,
    },
    firstSeenAt: new Date(Date.now() - 400 * DAY).toISOString(),
  };
}

/**
 * Each report's five enrollments, started 1 to 60 days ago; steps whose due date has passed are
 * done with three chances in four (the rest are sent and open), later ones scheduled; the first quiz
 * of every tenth person is failed twice. One transaction per person (one partition).
 */
export async function seedProgress(
  storage: StorageClients,
  tenantId: string,
  org: BenchOrg,
  programs: Program[],
): Promise<number> {
  const table = storage.table(tableNames.learnerProgress);
  const now = Date.now();
  const learners: string[] = [];
  org.managerIds.forEach((_, m) => {
    for (let n = 1; n <= org.reportsPerManager; n++) learners.push(guid(m + 1, n));
  });
  let rows = 0;
  const batches = learners.map((userId, index) => () => {
    const actions: TransactionAction[] = [];
    programs.forEach((program, p) => {
      const start = now - (1 + ((index * 7 + p * 13) % 60)) * DAY;
      const steps: StepState[] = program.steps.map((step, s) => {
        const dueAt = start + s * 1.5 * DAY;
        const past = dueAt < now;
        const done = past && (index + s + p) % 4 !== 0;
        const failedQuiz = step.kind === 'quiz' && index % 10 === 0 && past;
        return {
          tenantId,
          userId,
          programId: program.id,
          stepId: step.id,
          programVersion: program.version,
          dueAt: new Date(dueAt).toISOString(),
          status: failedQuiz ? 'sent' : done ? 'done' : past ? 'sent' : 'scheduled',
          sentAt: past ? new Date(dueAt).toISOString() : undefined,
          doneAt: done && !failedQuiz ? new Date(dueAt + 3_600_000).toISOString() : undefined,
          remindersSent: 0,
          attempts: failedQuiz ? 2 : done ? 1 : 0,
          lastScore: failedQuiz ? 0.4 : undefined,
        };
      });
      const doneSteps = steps.filter((s) => s.status === 'done');
      const open = steps
        .filter((s) => s.status !== 'done')
        .map((s) => s.dueAt)
        .sort();
      const enrollment: Enrollment = {
        tenantId,
        userId,
        programId: program.id,
        programVersion: program.version,
        status: open.length === 0 ? 'completed' : 'active',
        enrolledAt: new Date(start).toISOString(),
        completedSteps: doneSteps.length,
        totalSteps: steps.length,
        nextDueAt: open[0],
        startAt: new Date(start).toISOString(),
        timeZone: 'Europe/Oslo',
        lastActiveAt: doneSteps
          .map((s) => s.doneAt!)
          .sort()
          .at(-1),
      };
      actions.push(['upsert', enrollmentToRow(enrollment), 'Replace']);
      for (const s of steps) actions.push(['upsert', stepToRow(s), 'Replace']);
    });
    rows += actions.length;
    return submitAll(table, actions);
  });
  await inParallel(batches, 8);
  return rows;
}

async function submitAll(table: TableClient, actions: TransactionAction[]): Promise<void> {
  for (let i = 0; i < actions.length; i += 100) await table.submitTransaction(actions.slice(i, i + 100));
}

async function inParallel(tasks: Array<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
}

/** My team's summaries from what was seeded, as `drypp team-summaries rebuild` builds them. */
export async function rebuildSummaries(storage: StorageClients, tenantId: string): Promise<void> {
  await rebuildTeamSummaries(
    {
      teamSummaries: new TableTeamSummaryStore(storage.table(tableNames.teamSummaries)),
      teamDirectory: new TableTeamDirectory(storage.table(tableNames.people)),
      progress: new TableProgressStore(storage.table(tableNames.learnerProgress)),
      reachability: new TableReachabilityStore(storage.table(tableNames.reachability)),
    },
    tenantId,
    new Date(),
  );
}
