import express, { type Request, type Response, type Router } from 'express';
import { baseUrl, caller, graphError, odata, requireRole, roles } from '../http.ts';
import type { SimulatorState } from '../state/state.ts';
import type { TenantState } from '../state/tenantState.ts';
import type { InstallationRecord, SeedTeamsApp } from '../state/types.ts';

/**
 * `/users/{id}/teamwork/installedApps`: install the app in a person's personal scope (201, or 409
 * when it is there already), list installations (`$expand=teamsApp`, `$filter=teamsApp/id eq '…'`),
 * and the 1:1 chat between the person and the app's bot. After an install, `onAppInstalled` runs,
 * the way Teams then sends the bot an installationUpdate.
 */

export interface AppInstalled {
  tenantId: string;
  userId: string;
  teamsAppId: string;
  installationId: string;
  chatId: string;
}

export interface TeamworkOptions {
  onAppInstalled?: (tenantId: string, userId: string, details: AppInstalled) => void | Promise<void>;
  /** The chat id for a new installation; `19:{userId}_{botId}@unq.gbl.spaces` by default. */
  chatIdFor?: (tenantId: string, userId: string, app: SeedTeamsApp) => string;
  log?: (line: string) => void;
}

const readApps = [...roles.installApps, 'TeamsAppInstallation.ReadForUser.All'];

/** Graph's installation ids are base64 of `{userId}##{teamsAppId}`. */
export function installationId(userId: string, teamsAppId: string): string {
  return Buffer.from(`${userId}##${teamsAppId}`).toString('base64');
}

function catalogApp(tenant: TenantState, id: string): SeedTeamsApp | undefined {
  if (tenant.teamsApps.length === 0) return { id, displayName: id }; // no catalog seeded: any app id
  return tenant.teamsApps.find((a) => a.id === id);
}

export function teamworkRouter(state: SimulatorState, options: TeamworkOptions): Router {
  const router = express.Router();
  const tenantOf = (res: Response) => state.tenant(caller(res).tenantId)!;
  const userOf = (req: Request, res: Response) => {
    const user = tenantOf(res).liveUser(String(req.params.id));
    if (!user) graphError(res, 404, 'NotFound', `User '${String(req.params.id)}' was not found.`);
    return user;
  };
  const installationOf = (req: Request, res: Response, userId: string) => {
    const installation = tenantOf(res).installations.get(String(req.params.installationId));
    if (installation && installation.userId === userId) return installation;
    graphError(res, 404, 'NotFound', 'The app installation was not found.');
    return undefined;
  };
  const present = (req: Request, tenant: TenantState, i: InstallationRecord) => {
    const expand = (odata(req, 'expand') ?? '')
      .toLowerCase()
      .split(',')
      .map((e) => e.trim());
    const app = catalogApp(tenant, i.teamsAppId);
    return {
      id: i.id,
      ...(expand.includes('teamsapp')
        ? {
            teamsApp: {
              id: i.teamsAppId,
              externalId: app?.externalId ?? null,
              displayName: app?.displayName ?? i.teamsAppId,
              distributionMethod: 'organization',
            },
          }
        : {}),
      ...(expand.includes('teamsappdefinition')
        ? {
            teamsAppDefinition: {
              id: `${i.teamsAppId}-def`,
              teamsAppId: i.teamsAppId,
              displayName: app?.displayName ?? i.teamsAppId,
              version: '1.0.0',
            },
          }
        : {}),
    };
  };

  router.post('/users/:id/teamwork/installedApps', express.json(), (req, res) => {
    if (!requireRole(res, roles.installApps, 'Forbidden')) return;
    const user = userOf(req, res);
    if (!user) return;
    const tenant = tenantOf(res);
    const bind = String((req.body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'] ?? '');
    const appId = /\/appCatalogs\/teamsApps\/([^/?#]+)$/i.exec(bind)?.[1];
    if (!appId)
      return graphError(
        res,
        400,
        'BadRequest',
        "The request body must bind 'teamsApp@odata.bind' to /appCatalogs/teamsApps/{id}.",
      );
    const app = catalogApp(tenant, appId);
    if (!app)
      return graphError(
        res,
        404,
        'NotFound',
        `The definition for app '${appId}' was not found in the org-wide catalog.`,
      );
    const ageSeconds = (state.now().getTime() - new Date(user.created).getTime()) / 1000;
    if (ageSeconds < state.faults.teamsProvisioningSeconds)
      return graphError(res, 404, 'NotFound', `User '${user.id}' is not yet provisioned in Microsoft Teams.`);
    const id = installationId(user.id, app.id);
    if (tenant.installations.has(id)) return graphError(res, 409, 'Conflict', 'App is already installed.');
    const chatId =
      options.chatIdFor?.(tenant.id, user.id, app) ?? `19:${user.id}_${app.botId ?? app.id}@unq.gbl.spaces`;
    const installation = {
      id,
      userId: user.id,
      teamsAppId: app.id,
      chatId,
      installedAt: state.now().toISOString(),
    };
    tenant.installations.set(id, installation);
    state.onDirty();
    res.status(201).end();
    const hook = options.onAppInstalled;
    if (hook) {
      const details: AppInstalled = {
        tenantId: tenant.id,
        userId: user.id,
        teamsAppId: app.id,
        installationId: id,
        chatId,
      };
      setImmediate(() => {
        Promise.resolve()
          .then(() => hook(tenant.id, user.id, details))
          .catch((error: unknown) => options.log?.(`onAppInstalled failed for ${user.id}: ${String(error)}`));
      });
    }
  });

  router.get('/users/:id/teamwork/installedApps', (req, res) => {
    if (!requireRole(res, readApps, 'Forbidden')) return;
    const user = userOf(req, res);
    if (!user) return;
    const tenant = tenantOf(res);
    const filter = odata(req, 'filter');
    const wanted = filter ? /teamsApp\/(id|externalId)\s+eq\s+'([^']*)'/i.exec(filter) : undefined;
    if (filter && !wanted) return graphError(res, 400, 'BadRequest', `Unsupported filter: ${filter}`);
    const mine = [...tenant.installations.values()].filter((i) => {
      if (i.userId !== user.id) return false;
      if (!wanted) return true;
      const value =
        wanted[1]!.toLowerCase() === 'id' ? i.teamsAppId : catalogApp(tenant, i.teamsAppId)?.externalId;
      return value === wanted[2];
    });
    res.json({
      '@odata.context': `${baseUrl(req)}/v1.0/$metadata#users('${user.id}')/teamwork/installedApps`,
      value: mine.map((i) => present(req, tenant, i)),
    });
  });

  router.get('/users/:id/teamwork/installedApps/:installationId', (req, res) => {
    if (!requireRole(res, readApps, 'Forbidden')) return;
    const user = userOf(req, res);
    const installation = user && installationOf(req, res, user.id);
    if (installation) res.json(present(req, tenantOf(res), installation));
  });

  router.get('/users/:id/teamwork/installedApps/:installationId/chat', (req, res) => {
    if (!requireRole(res, readApps, 'Forbidden')) return;
    const user = userOf(req, res);
    const installation = user && installationOf(req, res, user.id);
    if (!installation) return;
    const tenantId = tenantOf(res).id;
    res.json({
      '@odata.context': `${baseUrl(req)}/v1.0/$metadata#chats/$entity`,
      id: installation.chatId,
      topic: null,
      createdDateTime: installation.installedAt,
      lastUpdatedDateTime: installation.installedAt,
      chatType: 'oneOnOne',
      webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(installation.chatId)}/0?tenantId=${tenantId}`,
      tenantId,
    });
  });

  router.delete('/users/:id/teamwork/installedApps/:installationId', (req, res) => {
    if (!requireRole(res, roles.installApps, 'Forbidden')) return;
    const user = userOf(req, res);
    const installation = user && installationOf(req, res, user.id);
    if (!installation) return;
    tenantOf(res).installations.delete(installation.id);
    state.onDirty();
    res.status(204).end();
  });

  return router;
}
