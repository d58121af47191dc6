import type { Router } from 'express';
import { callerActions } from '../../domain/access/tabAccess.ts';
import { showMyLearningInTab } from '../../usecases/learning/showMyLearningInTab.ts';
import { showMyTeam } from '../../usecases/managers/team/showMyTeam.ts';
import { showTeamMember } from '../../usecases/managers/team/showTeamMember.ts';
import type { TeamReadDeps } from '../../usecases/managers/team/teamReadDeps.ts';
import { whoIsCalling } from '../../usecases/managers/whoIsCalling.ts';
import type { MeResponse, MyLearningResponse, MyTeamResponse, PersonDetailResponse } from './contract.ts';
import { TabPresenter } from './presentTab.ts';
import type { TabRouteMount } from './router.ts';
import { PersonIdParam } from './schemas.ts';
import { parseOr400, sendTabError, tabCaller, type TabCaller } from './tabHttp.ts';

/**
 * The tab's read views: who am I, my learning, my team and the drill-down to one person. Each
 * handler: load (the use case, which also authorizes) → present. The answer names the caller's actions.
 */
export function tabReadRoutes(deps: TeamReadDeps): TabRouteMount {
  const presenter = (caller: TabCaller) => new TabPresenter(deps.catalog, caller.locale ?? 'en');
  return (router: Router) => {
    router.get('/me', async (_req, res) => {
      const caller = tabCaller(res);
      const viewer = await whoIsCalling(deps, caller);
      const body: MeResponse = {
        user: { id: caller.userId, displayName: caller.displayName, locale: caller.locale },
        tenantId: caller.tenantId,
        roles: [...viewer.roles],
        actions: callerActions(viewer),
      };
      res.json(body);
    });

    router.get('/my-learning', async (_req, res) => {
      const caller = tabCaller(res);
      const body: MyLearningResponse = presenter(caller).myLearning(
        await showMyLearningInTab(deps, caller),
        caller.displayName,
      );
      res.json(body);
    });

    router.get('/my-team', async (_req, res) => {
      const caller = tabCaller(res);
      const outcome = await showMyTeam(deps, caller);
      if (outcome.kind === 'notAllowed') return sendTabError(res, 'forbidden', 'only managers have a team');
      const body: MyTeamResponse = presenter(caller).myTeam(outcome.team, deps.clock.now());
      res.json(body);
    });

    router.get('/my-team/people/:id', async (req, res) => {
      const caller = tabCaller(res);
      const personId = parseOr400(res, PersonIdParam, req.params.id);
      if (personId === undefined) return;
      const outcome = await showTeamMember(deps, caller, personId.toLowerCase());
      // The same answer whether the person exists or not: nothing about them leaks.
      if (outcome.kind === 'notAllowed') return sendTabError(res, 'forbidden', 'not one of your reports');
      const body: PersonDetailResponse = presenter(caller).personDetail(outcome.detail);
      res.json(body);
    });
  };
}
