import { performance } from 'node:perf_hooks';
import { personalActivity } from '../../test/support/activities.ts';

/** One learner's cards, as the action data their Action.Execute buttons carry. */
export interface BenchLearner {
  id: string;
  lesson: Record<string, unknown>;
  quiz: Record<string, unknown>;
  reflection: Record<string, unknown>;
}

export type InvokeKind = 'completeLesson' | 'completeLessonAgain' | 'quizEmpty' | 'reflectionTooLong';

export interface PlannedInvoke {
  kind: InvokeKind;
  verb: string;
  data: Record<string, unknown>;
  /** Text the answer must contain for the request to count as a success. */
  expect: string;
}

/** What a card click asks for, and what Drypp must answer (the e2e-short program's wording). */
export function plannedInvoke(learner: BenchLearner, kind: InvokeKind): PlannedInvoke {
  switch (kind) {
    case 'completeLesson':
      return { kind, verb: 'completeStep', data: learner.lesson, expect: 'Done ✓' };
    case 'completeLessonAgain':
      return { kind, verb: 'completeStep', data: learner.lesson, expect: 'already done' };
    case 'quizEmpty':
      return { kind, verb: 'answerQuiz', data: learner.quiz, expect: 'Choose an answer for every question' };
    case 'reflectionTooLong':
      return {
        kind,
        verb: 'submitReflection',
        data: { ...learner.reflection, reflection: 'x'.repeat(501), shareWithManager: 'false' },
        expect: '501 of 500 characters',
      };
  }
}

/**
 * A learner's n-th click: the lesson marked done first, then what people do with cards left in a
 * chat: the lesson clicked again, the quiz sent with nothing chosen, a reflection that is too long.
 */
export function learnerScript(learner: BenchLearner, n: number): PlannedInvoke {
  if (n === 0) return plannedInvoke(learner, 'completeLesson');
  const cycle: InvokeKind[] = ['completeLessonAgain', 'quizEmpty', 'reflectionTooLong'];
  return plannedInvoke(learner, cycle[(n - 1) % cycle.length]!);
}

export interface InvokeOutcome {
  kind: string;
  ms: number;
  /** Undefined when Drypp answered 200 with the expected card or note. */
  problem?: string;
}

export interface InvokeTarget {
  dryppUrl: string;
  serviceUrl: string;
}

/**
 * Posts one adaptiveCard/action invoke to /api/messages, as Teams does, and times the full answer:
 * from `since` (an open loop's planned arrival, so a late send counts against the answer) or from
 * the moment it is sent.
 */
export async function sendInvoke(
  target: InvokeTarget,
  who: { tenantId: string; userId: string },
  planned: { kind: string; verb: string; data: Record<string, unknown>; expect: string },
  options: { timeoutMs?: number; since?: number } = {},
): Promise<InvokeOutcome> {
  const body = JSON.stringify(
    personalActivity(target.serviceUrl, who, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: planned.verb, data: planned.data } },
    }),
  );
  const started = options.since ?? performance.now();
  let status: number;
  let text: string;
  try {
    const res = await fetch(`${target.dryppUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    status = res.status;
    text = await res.text();
  } catch (error) {
    return {
      kind: planned.kind,
      ms: performance.now() - started,
      problem: `network: ${(error as Error).name}${causeCode(error)}`,
    };
  }
  const ms = performance.now() - started;
  if (status !== 200) return { kind: planned.kind, ms, problem: `http ${status}` };
  let answer: { statusCode?: number; value?: unknown };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    return { kind: planned.kind, ms, problem: 'answer is not JSON' };
  }
  if (answer.statusCode !== 200) return { kind: planned.kind, ms, problem: `invoke ${answer.statusCode}` };
  if (!JSON.stringify(answer.value).includes(planned.expect)) {
    return { kind: planned.kind, ms, problem: `unexpected answer to ${planned.kind}` };
  }
  return { kind: planned.kind, ms };
}

/** fetch's TypeError hides the socket's own error code (e.g. UND_ERR_SOCKET) in its cause. */
function causeCode(error: unknown): string {
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === 'string' ? ` (${code})` : '';
}
