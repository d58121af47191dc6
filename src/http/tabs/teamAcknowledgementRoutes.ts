import type { Router } from 'express';
import type { BroadcastsDeps } from '../../usecases/broadcasts/broadcastsDeps.ts';
import {
  nudgeAboutGuideline,
  showTeamAcknowledgements,
} from '../../usecases/broadcasts/teamAcknowledgements.ts';
import type { TeamAcknowledgementsResponse } from './contract.ts';
import { BroadcastIdParam } from './broadcastSchemas.ts';
import { teamGuidelineView } from './presentBroadcasts.ts';
import type { TabRouteMount } from './router.ts';
import { PersonIdParam } from './schemas.ts';
import { parseOr400, sendNudgeSent, sendTabError, tabCaller } from './tabHttp.ts';

/**
 * My team's guidelines (a section of its own beside the team read): who of the manager's people has
 * not acknowledged a guideline, and a reminder from the manager. The same 403 for someone who is not
 * the caller's, exists or not.
 */
export function teamAcknowledgementRoutes(deps: BroadcastsDeps): TabRouteMount {
  return (router: Router) => {
    router.get('/my-team/acknowledgements', async (_req, res) => {
      const caller = tabCaller(res);
      const outcome = await showTeamAcknowledgements(deps, caller);
      if (outcome.kind === 'notAllowed') return sendTabError(res, 'forbidden', 'only managers have a team');
      const body: TeamAcknowledgementsResponse = {
        guidelines: outcome.guidelines.map((g) => teamGuidelineView(g, caller.locale)),
        actions: ['viewMyTeam'],
      };
      res.json(body);
    });

    router.post('/my-team/acknowledgements/:broadcastId/people/:id/nudge', async (req, res) => {
      const caller = tabCaller(res);
      const broadcastId = parseOr400(res, BroadcastIdParam, req.params.broadcastId);
      const personId = broadcastId === undefined ? undefined : parseOr400(res, PersonIdParam, req.params.id);
      if (broadcastId === undefined || personId === undefined) return;
      const outcome = await nudgeAboutGuideline(deps, caller, broadcastId, personId.toLowerCase());
      switch (outcome.kind) {
        case 'notAllowed':
          return sendTabError(res, 'forbidden', 'not one of your people');
        case 'alreadyAcknowledged':
          return sendTabError(res, 'conflict', 'acknowledged already');
        case 'alreadyNudgedToday':
          return sendTabError(res, 'tooMany', 'one reminder per person and guideline per day', {
            retryAt: outcome.nextAllowedAt.toISOString(),
          });
        case 'sent':
          return sendNudgeSent(res, outcome);
      }
    });
  };
}
