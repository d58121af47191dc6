import { randomUUID } from 'node:crypto';
import type { Response, Router } from 'express';
import type { Actor } from '../../../domain/access/index.ts';
import { tabRolesOf } from '../../../domain/access/tabAccess.ts';
import { languageFromLocale } from '../../../domain/platform/language.ts';
import { isHrAdmin, type HrAdminGroupDeps } from '../../../usecases/access/hrAdminGroup.ts';
import {
  erasePersonFromAdminTab,
  exportPersonFromAdminTab,
  type AdminPrivacyDeps,
} from '../../../usecases/privacy/privacyRequestsFromAdminTab.ts';
import type { TabRouteMount } from '../router.ts';
import { bodyOf, parseOr400, sendTabError, tabCaller, type TabCaller } from '../tabHttp.ts';
import { erasureView, exportFile } from './presentPrivacy.ts';
import { PrivacyEraseSchema, PrivacyExportSchema } from './schemas.ts';

/** The audit row's reference when the HR admin gives no case number: the channel's role, naming nobody. */
const DEFAULT_REFERENCE = 'hr-admin';

/**
 * The Admin tab's privacy section: export one person's data (art. 15) and erase it (art. 17), through
 * the same use cases as `drypp privacy`. Each handler: parse → use case (which authorizes through the
 * privacy policy: HR admins of the tenant) → present. The person's address is in the body, never in
 * the URL or a header, and nothing here logs it.
 */
export function privacyRoutes(deps: AdminPrivacyDeps, hrAdminGroup: HrAdminGroupDeps = {}): TabRouteMount {
  const actorOf = async (caller: TabCaller): Promise<Actor> => ({
    tenantId: caller.tenantId,
    userId: caller.userId,
    roles: tabRolesOf({
      appRoles: caller.appRoles,
      hasReports: false,
      inHrAdminGroup: await isHrAdmin(hrAdminGroup, caller),
    }),
  });
  const refused = (res: Response, kind: 'notAllowed' | 'unknownPerson') =>
    kind === 'notAllowed'
      ? sendTabError(res, 'forbidden', 'for HR admins only')
      : sendTabError(
          res,
          'notFound',
          'no one with this address or object id in the organisation (someone erased before is found by object id only)',
        );

  return (router: Router) => {
    router.post('/privacy/export', async (req, res) => {
      const caller = tabCaller(res);
      const body = parseOr400(res, PrivacyExportSchema, bodyOf(req));
      if (!body) return;
      const requestId = randomUUID();
      const outcome = await exportPersonFromAdminTab(deps, await actorOf(caller), body.user, {
        requestId,
        reference: body.reference ?? DEFAULT_REFERENCE,
      });
      if (outcome.kind !== 'exported') return refused(res, outcome.kind);
      // Named by the request, not the person: file names end up in download lists and proxy logs.
      res
        .status(200)
        .type('application/json; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="drypp-personal-data-${requestId}.json"`)
        .set('Cache-Control', 'no-store')
        .send(
          `${JSON.stringify(exportFile(outcome.exported, languageFromLocale(caller.locale)), null, 2)}\n`,
        );
    });

    router.post('/privacy/erase', async (req, res) => {
      const caller = tabCaller(res);
      const body = parseOr400(res, PrivacyEraseSchema, bodyOf(req));
      if (!body) return;
      const outcome = await erasePersonFromAdminTab(deps, await actorOf(caller), body, {
        requestId: randomUUID(),
        reference: body.reference ?? DEFAULT_REFERENCE,
      });
      if (outcome.kind === 'confirmationMismatch') {
        sendTabError(res, 'invalid', 'the confirmation does not match the person; nothing was erased', {
          issues: [{ path: 'confirm', message: "must be the person's address, typed again" }],
        });
        return;
      }
      if (outcome.kind !== 'erased') return refused(res, outcome.kind);
      res.set('Cache-Control', 'no-store').json(erasureView(outcome.report, outcome.erasedBefore));
    });
  };
}
