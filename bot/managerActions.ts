import { randomUUID } from 'node:crypto';
import type { CardActionResult } from '../src/cards/platform/cardActionResult.ts';
import {
  checkinAnsweredCard,
  checkinCard,
  type CheckinCardView,
} from '../src/cards/managers/checkinCards.ts';
import {
  learningTimeFormCard,
  learningTimeSentCard,
  managerLearningTimeCard,
} from '../src/cards/managers/learningTimeCards.ts';
import { learningTimeSummary } from '../src/cards/managers/presenters/learningTimePresenter.ts';
import { managerActionSchemas, managerInputIds } from '../src/cards/managers/managerActionSchemas.ts';
import { noticeCard } from '../src/cards/platform/noticeCard.ts';
import { managerCardVerbs, type ManagerCardVerb } from '../src/cards/platform/cardVerbs.ts';
import { textFor } from '../src/domain/learning/program.ts';
import { CHECKIN_COMMENT_MAX_LENGTH } from '../src/domain/managers/checkin.ts';
import {
  LEARNING_TIME_LIMITS,
  type LearningTimeRequest,
} from '../src/domain/managers/learningTimeRequest.ts';
import { answerCheckin } from '../src/usecases/managers/answerCheckin.ts';
import { decideLearningTime } from '../src/usecases/managers/learningTime/decideLearningTime.ts';
import {
  learningTimeForm,
  requestLearningTime,
} from '../src/usecases/managers/learningTime/requestLearningTime.ts';
import { showLearningTimeRequest } from '../src/usecases/managers/learningTime/showLearningTime.ts';
import type { ChatContext } from './chatContext.ts';
import type { LearningDeps } from '../src/usecases/learning/learningDeps.ts';
import type { ManagersDeps } from '../src/usecases/managers/managersDeps.ts';

/** What the managers' verbs reach: the bot's deps, named here so handlers.ts and this file do not import each other. */
type BotDeps = LearningDeps & ManagersDeps;

/**
 * Managers' card actions and the learner's "request learning time": parse the verb's data, call the
 * use case, present its outcome. Sends to other people (the manager's card, the learner's answer,
 * the calendar) are left to the follow-up job, so every invoke answers at once.
 */

/** The chat command: the form, or why there is nobody to ask. */
export async function sendLearningTimeForm(deps: BotDeps, chat: ChatContext): Promise<void> {
  const m = chat.t.managers.learningTime;
  if (!chat.actor) return chat.sendCard(noticeCard(m.notAllowed));
  const form = await learningTimeForm(deps, chat.actor, deps.policy.timeZone);
  if (form.kind !== 'form') return chat.sendCard(noticeCard(m[form.kind]));
  await chat.sendCard(
    learningTimeFormCard(chat.t, {
      formId: randomUUID(),
      today: form.today,
      programs: programChoices(deps, chat, form.programIds),
    }),
  );
}

function programChoices(deps: BotDeps, chat: ChatContext, ids: string[]) {
  return ids.flatMap((id) => {
    const program = deps.catalog.find(id);
    return program ? [{ id, title: textFor(program.title, chat.language) }] : [];
  });
}

export async function runManagerAction(
  deps: BotDeps,
  chat: ChatContext,
  verb: ManagerCardVerb,
  rawData: unknown,
): Promise<CardActionResult> {
  const outdated: CardActionResult = { kind: 'note', text: chat.t.cardAction.outdated };
  // Who is acting was resolved once for this turn (chatContext.ts); nothing here rebuilds it.
  const actor = chat.actor;
  if (!actor) return outdated;
  switch (verb) {
    case managerCardVerbs.requestLearningTime: {
      const data = managerActionSchemas[verb].safeParse(rawData ?? {});
      if (!data.success) return outdated;
      const values = {
        date: data.data[managerInputIds.date],
        minutes: data.data[managerInputIds.minutes],
        programId: data.data[managerInputIds.programId],
        text: data.data[managerInputIds.text],
      };
      const outcome = await requestLearningTime(deps, actor, data.data.formId, values, deps.policy.timeZone);
      const m = chat.t.managers.learningTime;
      if (outcome.kind === 'noManager' || outcome.kind === 'notAllowed')
        return { kind: 'card', card: noticeCard(m[outcome.kind]) };
      if (outcome.kind === 'invalid') {
        const form = await learningTimeForm(deps, actor, deps.policy.timeZone);
        const problems = Object.fromEntries(
          Object.entries(outcome.problems).map(([field, problem]) => [
            field,
            problem === 'minutesOutOfRange'
              ? m.problems.minutesOutOfRange(LEARNING_TIME_LIMITS.minMinutes, LEARNING_TIME_LIMITS.maxMinutes)
              : problem === 'purposeTooLong'
                ? m.problems.purposeTooLong(LEARNING_TIME_LIMITS.purposeMaxLength)
                : m.problems[problem],
          ]),
        );
        return {
          kind: 'card',
          card: learningTimeFormCard(chat.t, {
            formId: data.data.formId,
            today: form.kind === 'form' ? form.today : '',
            programs: programChoices(deps, chat, form.kind === 'form' ? form.programIds : []),
            values,
            problems,
          }),
        };
      }
      const manager = await deps.people.get(actor.tenantId, outcome.request.managerId);
      return {
        kind: 'card',
        card: learningTimeSentCard(
          chat.t,
          await summary(deps, chat, outcome.request),
          manager?.displayName ?? '',
        ),
      };
    }
    case managerCardVerbs.decideLearningTime: {
      const data = managerActionSchemas[verb].safeParse(rawData ?? {});
      if (!data.success) return outdated;
      const m = chat.t.managers.learningTime;
      const outcome = await decideLearningTime(deps, actor, {
        requestId: data.data.requestId,
        verdict: data.data.verdict,
        comment: data.data[managerInputIds.comment],
        in: 'card',
      });
      switch (outcome.kind) {
        case 'ownRequest':
          return { kind: 'note', text: m.ownRequest };
        case 'notAllowed':
          return { kind: 'note', text: m.notYours };
        case 'commentTooLong':
          return {
            kind: 'card',
            card: managerLearningTimeCard(
              chat.t,
              await summary(deps, chat, outcome.request),
              m.commentTooLong(LEARNING_TIME_LIMITS.commentMaxLength),
            ),
          };
        case 'alreadyDecided':
          return {
            kind: 'card',
            card: managerLearningTimeCard(
              chat.t,
              await summary(deps, chat, outcome.request),
              m.alreadyDecided,
            ),
          };
        case 'decided':
          return {
            kind: 'card',
            card: managerLearningTimeCard(chat.t, await summary(deps, chat, outcome.request)),
          };
      }
      break;
    }
    case managerCardVerbs.showLearningTime: {
      // Teams' refresh of the manager's card: its current state, for the person looking at it.
      const data = managerActionSchemas[verb].safeParse(rawData ?? {});
      if (!data.success) return outdated;
      const item = await showLearningTimeRequest(deps, actor, data.data.requestId);
      if (!item || item.request.learnerId === actor.userId)
        return { kind: 'note', text: chat.t.managers.learningTime.unknown };
      return { kind: 'card', card: managerLearningTimeCard(chat.t, await summary(deps, chat, item.request)) };
    }
    case managerCardVerbs.answerCheckin: {
      const data = managerActionSchemas[verb].safeParse(rawData ?? {});
      if (!data.success) return outdated;
      const m = chat.t.managers.checkin;
      const ref = {
        learnerId: data.data.learnerId,
        programId: data.data.programId,
        programVersion: data.data.programVersion,
        stepId: data.data.stepId,
      };
      const values = {
        option: data.data[managerInputIds.checkinOption],
        comment: data.data[managerInputIds.checkinComment],
      };
      const outcome = await answerCheckin(deps, actor, ref, values);
      if (outcome.kind === 'notAllowed') return { kind: 'note', text: m.notYours };
      if (outcome.kind === 'outdated') return { kind: 'note', text: m.outdated };
      const learner = await deps.people.get(actor.tenantId, ref.learnerId);
      const view: CheckinCardView = {
        t: chat.t,
        language: chat.language,
        step: outcome.step,
        programTitle: textFor(outcome.program.title, chat.language),
        learnerName: learner?.displayName ?? '',
        ref,
      };
      if (outcome.kind === 'invalid') {
        const error =
          outcome.problem === 'noOption' ? m.noOption : m.commentTooLong(CHECKIN_COMMENT_MAX_LENGTH);
        return { kind: 'card', card: checkinCard({ ...view, error, values }) };
      }
      return {
        kind: 'card',
        card: checkinAnsweredCard(
          view,
          outcome.answer,
          outcome.kind === 'saved' ? m.saved : m.alreadyAnswered,
        ),
      };
    }
  }
  return outdated;
}

async function summary(deps: BotDeps, chat: ChatContext, request: LearningTimeRequest) {
  const [learner, decider] = await Promise.all([
    deps.people.get(request.tenantId, request.learnerId),
    request.decidedBy ? deps.people.get(request.tenantId, request.decidedBy) : undefined,
  ]);
  return learningTimeSummary(deps.catalog, {
    request,
    learnerName: learner?.displayName ?? '',
    deciderName: decider?.displayName,
    language: chat.language,
  });
}
