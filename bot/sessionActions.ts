import type { CardActionResult } from '../src/cards/platform/cardActionResult.ts';
import { sessionCardVerbs, type SessionCardVerb } from '../src/cards/platform/cardVerbs.ts';
import { sessionActionSchemas } from '../src/cards/sessions/sessionActionSchemas.ts';
import { presentSessionAnswer } from '../src/cards/sessions/presenters/sessionAnswerPresenter.ts';
import { rosterCard } from '../src/cards/sessions/rosterCard.ts';
import { exerciseSignedOffCard } from '../src/cards/sessions/exerciseCards.ts';
import { textFor } from '../src/domain/learning/program.ts';
import { cancelSession, pickSession, showSessions } from '../src/usecases/sessions/pickSession.ts';
import { markAttendance } from '../src/usecases/sessions/markAttendance.ts';
import { sessionRosters } from '../src/usecases/sessions/sessionRosters.ts';
import { signOffExercise } from '../src/usecases/sessions/signOffExercise.ts';
import type { SessionsDeps } from '../src/usecases/sessions/sessionsDeps.ts';
import type { StepActionRequest } from '../src/usecases/learning/stepAction.ts';
import type { ChatContext } from './chatContext.ts';

/**
 * Live sessions and practical exercises: the learner picks, changes or cancels a session (answered in
 * place); the instructor or manager marks attendance on the roster card; the assessor signs off an
 * exercise. Each verb parses its data, calls its use case, and presents the outcome.
 */
export async function runSessionAction(
  deps: SessionsDeps | undefined,
  chat: ChatContext,
  verb: SessionCardVerb,
  rawData: unknown,
): Promise<CardActionResult> {
  const outdated: CardActionResult = { kind: 'note', text: chat.t.cardAction.outdated };
  const actor = chat.actor;
  if (!actor || !deps) return outdated;
  switch (verb) {
    case sessionCardVerbs.showSessions:
    case sessionCardVerbs.cancelSession:
    case sessionCardVerbs.pickSession: {
      const data = sessionActionSchemas[verb].safeParse(rawData ?? {});
      if (!data.success) return outdated;
      const request: StepActionRequest = {
        actor,
        tenantId: actor.tenantId,
        programId: data.data.programId,
        programVersion: data.data.programVersion,
        stepId: data.data.stepId,
        learnerId: data.data.learnerId,
      };
      const answer =
        verb === sessionCardVerbs.showSessions
          ? await showSessions(deps, request)
          : verb === sessionCardVerbs.cancelSession
            ? await cancelSession(deps, request)
            : await pickSession(deps, {
                ...request,
                sessionId: sessionActionSchemas[sessionCardVerbs.pickSession].parse(rawData).sessionId,
              });
      return presentSessionAnswer(answer, chat);
    }
    case sessionCardVerbs.markAttendance: {
      const data = sessionActionSchemas[verb].safeParse(rawData ?? {});
      if (!data.success) return outdated;
      const { attended, msteams: _m, ...ref } = data.data;
      const outcome = await markAttendance(deps, actor, ref, attended);
      const r = chat.t.sessions.roster;
      if (outcome.kind === 'notAllowed') return { kind: 'note', text: r.notAllowed };
      if (outcome.kind === 'outdated') return outdated;
      const person = await deps.people.get(actor.tenantId, ref.learnerId);
      const name = person?.displayName ?? '';
      const note = outcome.kind === 'marked' ? r.marked(name) : undefined;
      const error =
        outcome.kind === 'notStarted'
          ? r.notStarted
          : outcome.kind === 'notBooked'
            ? r.notBooked
            : outcome.kind === 'alreadyAttended'
              ? r.alreadyAttended
              : undefined;
      return {
        kind: 'card',
        card: rosterCard(chat.t, chat.language, await sessionRosters(deps, actor), { note, error }),
      };
    }
    case sessionCardVerbs.signOffExercise: {
      const data = sessionActionSchemas[verb].safeParse(rawData ?? {});
      if (!data.success) return outdated;
      const { learnerId, programId, programVersion, stepId } = data.data;
      const ref = { learnerId, programId, programVersion, stepId };
      const outcome = await signOffExercise(deps, actor, ref);
      const e = chat.t.sessions.exercise;
      if (outcome.kind === 'notAllowed') return { kind: 'note', text: e.notYours };
      if (outcome.kind === 'outdated') return { kind: 'note', text: e.outdated };
      const learner = await deps.people.get(actor.tenantId, learnerId);
      const view = {
        t: chat.t,
        language: chat.language,
        step: outcome.step,
        programTitle: textFor(outcome.program.title, chat.language),
        learnerName: learner?.displayName ?? '',
        ref,
      };
      return {
        kind: 'card',
        card:
          outcome.kind === 'signedOff' ? exerciseSignedOffCard(view) : exerciseSignedOffCard(view, e.already),
      };
    }
  }
}

/** The chat command "sessions": the roster card of the sessions the person instructs or manages. */
export async function sendSessionRosters(deps: SessionsDeps | undefined, chat: ChatContext): Promise<void> {
  if (!chat.actor || !deps) return chat.sendCard(rosterCard(chat.t, chat.language, []));
  await chat.sendCard(rosterCard(chat.t, chat.language, await sessionRosters(deps, chat.actor)));
}
