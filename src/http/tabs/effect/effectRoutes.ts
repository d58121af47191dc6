import type { Response, Router } from 'express';
import type { Actor } from '../../../domain/access/index.ts';
import { tabRolesOf } from '../../../domain/access/tabAccess.ts';
import { isHrAdmin, type HrAdminGroupDeps } from '../../../usecases/access/hrAdminGroup.ts';
import type { EffectDeps } from '../../../usecases/effect/refreshEffectFigures.ts';
import {
  exportEffect,
  refreshEffectNow,
  showEffect,
  type EffectOutcome,
} from '../../../usecases/effect/showEffect.ts';
import type { ProgramCatalog } from '../../../usecases/learning/programCatalog.ts';
import type { TabRouteMount } from '../router.ts';
import { sendTabError, tabCaller, type TabCaller } from '../tabHttp.ts';
import type { EffectResponse } from './contract.ts';
import { effectCsv } from './effectCsv.ts';
import { effectView } from './presentEffect.ts';

/**
 * The Admin tab's Effect view: the figures (one partition read of the read model), "refresh now"
 * and the CSV export. Each handler: the caller's roles → use case (which authorizes through the
 * effect policy: HR admins of the tenant) → present. Anyone else gets 403 before anything is read.
 */
export function effectRoutes(
  deps: EffectDeps & { catalog: ProgramCatalog },
  hrAdminGroup: HrAdminGroupDeps = {},
): TabRouteMount {
  const actorOf = async (caller: TabCaller): Promise<Actor> => ({
    tenantId: caller.tenantId,
    userId: caller.userId,
    roles: tabRolesOf({
      appRoles: caller.appRoles,
      hasReports: false,
      inHrAdminGroup: await isHrAdmin(hrAdminGroup, caller),
    }),
  });
  const answer = (res: Response, caller: TabCaller, outcome: EffectOutcome): EffectResponse | undefined => {
    if (outcome.kind === 'notAllowed') {
      sendTabError(res, 'forbidden', 'for HR admins only');
      return undefined;
    }
    return effectView(outcome, deps.catalog, caller.locale ?? 'en');
  };
  return (router: Router) => {
    router.get('/admin/effect', async (_req, res) => {
      const caller = tabCaller(res);
      const body = answer(res, caller, await showEffect(deps, await actorOf(caller)));
      if (body) res.set('Cache-Control', 'no-store').json(body);
    });

    router.post('/admin/effect/refresh', async (_req, res) => {
      const caller = tabCaller(res);
      const body = answer(res, caller, await refreshEffectNow(deps, await actorOf(caller)));
      if (body) res.json(body);
    });

    router.get('/admin/effect/export.csv', async (_req, res) => {
      const caller = tabCaller(res);
      const body = answer(res, caller, await exportEffect(deps, await actorOf(caller)));
      if (!body) return;
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', 'attachment; filename="drypp-effect.csv"')
        .set('Cache-Control', 'no-store')
        .send(effectCsv(body));
    });
  };
}
