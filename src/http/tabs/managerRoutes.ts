import { randomUUID } from 'node:crypto';
import type { Response, Router } from 'express';
import type { LearningTimeInputProblem } from '../../domain/managers/learningTimeRequest.ts';
import { LEARNING_TIME_LIMITS, OTHER_PURPOSE } from '../../domain/managers/learningTimeRequest.ts';
import {
  cancelLearningTime,
  decideLearningTime,
} from '../../usecases/managers/learningTime/decideLearningTime.ts';
import type { ManagersDeps } from '../../usecases/managers/managersDeps.ts';
import { requestLearningTime } from '../../usecases/managers/learningTime/requestLearningTime.ts';
import {
  showLearningTimeRequest,
  type LearningTimeItem,
} from '../../usecases/managers/learningTime/showLearningTime.ts';
import {
  nudgePerson,
  recognizePerson,
  type TeamCardPresenter,
} from '../../usecases/managers/team/teamActions.ts';
import type {
  LearningTimeRequestResponse,
  LearningTimeRequestView,
  RecognitionResponse,
  TabAction,
} from './contract.ts';
import { TabPresenter } from './presentTab.ts';
import type { TabRouteMount } from './router.ts';
import {
  LearningTimeDecisionSchema,
  LearningTimeRequestSchema,
  PersonIdParam,
  RecognitionSchema,
  RequestIdParam,
} from './schemas.ts';
import { bodyOf, parseOr400, sendNudgeSent, sendTabError, tabCaller, type TabCaller } from './tabHttp.ts';

export interface ManagerRouteDeps extends ManagersDeps {
  /** The tenant's time zone, for people the directory gives none. */
  defaultTimeZone: string;
  teamCards: TeamCardPresenter;
}

/** English for developers (the tab translates codes and paths): why a field was refused. */
const problemText: Record<LearningTimeInputProblem, string> = {
  dateMissing: 'give a day',
  dateInvalid: 'must be a day, YYYY-MM-DD',
  dateInPast: 'must be today or later in your time zone',
  dateTooFar: `at most ${LEARNING_TIME_LIMITS.maxDaysAhead} days ahead`,
  minutesInvalid: 'must be a whole number of minutes',
  minutesOutOfRange: `${LEARNING_TIME_LIMITS.minMinutes} to ${LEARNING_TIME_LIMITS.maxMinutes}`,
  purposeMissing: 'give either programId or purpose',
  purposeTooLong: `at most ${LEARNING_TIME_LIMITS.purposeMaxLength} characters`,
  programNotYours: 'must be one of your active programs',
};

/**
 * The tab's writes for the managers capability: ask for learning time, decide it, take it back;
 * nudge and thank one of one's people. Each handler: parse → use case (which loads and authorizes)
 * → present. Refusals say nothing about the person: the same 403 whether they exist or not.
 */
export function managerRoutes(deps: ManagerRouteDeps): TabRouteMount {
  const view = async (caller: TabCaller, item: LearningTimeItem): Promise<LearningTimeRequestView> => {
    const decider = item.request.decidedBy
      ? await deps.people.get(caller.tenantId, item.request.decidedBy)
      : undefined;
    const names = (id: string) =>
      id === item.request.learnerId ? item.learnerName : id === decider?.id ? decider.displayName : '';
    const actions = item.actions.map((a): TabAction => (a === 'cancel' ? 'cancelRequest' : a));
    return new TabPresenter(deps.catalog, caller.locale ?? 'en').request(item.request, names, actions);
  };
  /** The request as the caller may see it now (after a write, so the answer shows the stored state). */
  const current = async (res: Response, caller: TabCaller, id: string, status = 200) => {
    const item = await showLearningTimeRequest(deps, caller, id);
    if (!item) return sendTabError(res, 'forbidden', 'not your request to see');
    const body: LearningTimeRequestResponse = { request: await view(caller, item) };
    res.status(status).json(body);
  };

  return (router: Router) => {
    router.post('/learning-time-requests', async (req, res) => {
      const caller = tabCaller(res);
      const body = parseOr400(res, LearningTimeRequestSchema, bodyOf(req));
      if (!body) return;
      const outcome = await requestLearningTime(
        deps,
        caller,
        randomUUID(),
        {
          date: body.date,
          minutes: body.minutes,
          programId: body.programId ?? OTHER_PURPOSE,
          text: body.purpose,
        },
        deps.defaultTimeZone,
      );
      switch (outcome.kind) {
        case 'notAllowed':
          return sendTabError(res, 'forbidden', 'you may ask for yourself only');
        case 'noManager':
          return sendTabError(res, 'conflict', 'the directory names no manager to ask');
        case 'invalid':
          return sendTabError(res, 'invalid', 'the request is not valid', {
            issues: Object.entries(outcome.problems).map(([field, problem]) => ({
              path: field === 'purpose' ? (body.programId ? 'programId' : 'purpose') : field,
              message: problemText[problem],
              problem,
            })),
          });
        case 'requested':
          return current(res, caller, outcome.request.id, 201);
      }
    });

    router.post('/learning-time-requests/:id/decision', async (req, res) => {
      const caller = tabCaller(res);
      const id = parseOr400(res, RequestIdParam, req.params.id);
      const body = id === undefined ? undefined : parseOr400(res, LearningTimeDecisionSchema, bodyOf(req));
      if (id === undefined || !body) return;
      const outcome = await decideLearningTime(deps, caller, {
        requestId: id,
        verdict: body.decision,
        comment: body.comment,
        in: 'tab',
      });
      switch (outcome.kind) {
        case 'ownRequest':
          return sendTabError(res, 'forbidden', 'nobody decides their own request');
        case 'notAllowed':
          return sendTabError(res, 'forbidden', 'not one of your reports');
        case 'commentTooLong':
          return sendTabError(res, 'invalid', 'the request is not valid', {
            issues: [
              { path: 'comment', message: `at most ${LEARNING_TIME_LIMITS.commentMaxLength} characters` },
            ],
          });
        case 'alreadyDecided': {
          const item = await showLearningTimeRequest(deps, caller, id);
          res.status(409).json({
            error: { code: 'conflict', message: 'already decided' },
            ...(item ? { request: await view(caller, item) } : {}),
          });
          return;
        }
        case 'decided':
          return current(res, caller, id);
      }
    });

    router.post('/learning-time-requests/:id/cancel', async (req, res) => {
      const caller = tabCaller(res);
      const id = parseOr400(res, RequestIdParam, req.params.id);
      if (id === undefined) return;
      const outcome = await cancelLearningTime(deps, caller, id);
      if (outcome.kind === 'notAllowed') return sendTabError(res, 'forbidden', 'not your request');
      if (outcome.kind === 'alreadyDecided') return sendTabError(res, 'conflict', 'already decided');
      return current(res, caller, id);
    });

    router.post('/my-team/people/:id/nudge', async (req, res) => {
      const caller = tabCaller(res);
      const personId = parseOr400(res, PersonIdParam, req.params.id);
      if (personId === undefined) return;
      const outcome = await nudgePerson(deps, caller, personId.toLowerCase(), deps.defaultTimeZone);
      switch (outcome.kind) {
        case 'notAllowed':
          return sendTabError(res, 'forbidden', 'not one of your reports');
        case 'alreadyNudgedThisWeek':
          return sendTabError(res, 'tooMany', 'one nudge per person per week', {
            retryAt: outcome.nextAllowedAt.toISOString(),
          });
        case 'sent':
          return sendNudgeSent(res, outcome);
      }
    });

    router.post('/my-team/people/:id/recognition', async (req, res) => {
      const caller = tabCaller(res);
      const personId = parseOr400(res, PersonIdParam, req.params.id);
      const body = personId === undefined ? undefined : parseOr400(res, RecognitionSchema, bodyOf(req));
      if (personId === undefined || !body) return;
      const outcome = await recognizePerson(deps, deps.teamCards, caller, {
        personId: personId.toLowerCase(),
        subject: body.programId ? { programId: body.programId, stepId: body.stepId } : undefined,
        text: body.text,
      });
      switch (outcome.kind) {
        case 'notAllowed':
          return sendTabError(res, 'forbidden', 'not one of your reports');
        case 'invalid':
          return sendTabError(res, 'invalid', 'the request is not valid', {
            issues: [
              outcome.problem === 'notCompleted'
                ? { path: 'programId', message: 'they have not completed this (or anything) yet' }
                : {
                    path: 'text',
                    message: outcome.problem === 'tooLong' ? 'at most 280 characters' : 'must not be empty',
                  },
            ],
          });
        case 'alreadySent':
          return sendTabError(res, 'conflict', 'this thank-you was sent already');
        case 'sent': {
          const response: RecognitionResponse = { sentAt: outcome.sentAt.toISOString() };
          res.status(202).json(response);
          return;
        }
      }
    });
  };
}
