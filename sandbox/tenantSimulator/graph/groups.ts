import express, { type Response, type Router } from 'express';
import { presentUser } from './graphUser.ts';
import { baseUrl, caller, graphError, requireRole, roles } from '../http.ts';
import type { SimulatorState } from '../state/state.ts';
import type { GroupRecord } from '../state/types.ts';
import { collectionSelect, pageOf } from './users.ts';

/**
 * Graph's `/groups`, `/groups/{id}`, `/groups/{id}/members` (security groups of users) and
 * `POST /users/{id}/checkMemberGroups` (transitive in Graph; here groups hold users only, so direct).
 */
export function groupsRouter(state: SimulatorState): Router {
  const router = express.Router();
  const tenantOf = (res: Response) => state.tenant(caller(res).tenantId)!;
  const present = (group: GroupRecord) => ({
    id: group.id,
    displayName: group.displayName,
    description: null,
    mailEnabled: false,
    securityEnabled: true,
    groupTypes: [],
    mail: null,
  });
  const missing = (res: Response, id: string) =>
    graphError(
      res,
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    );

  router.get('/groups', (req, res) => {
    if (!requireRole(res, roles.readMembers)) return;
    const { page, nextLink } = pageOf(req, [...tenantOf(res).groups.values()]);
    res.json({
      '@odata.context': `${baseUrl(req)}/v1.0/$metadata#groups`,
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
      value: page.map(present),
    });
  });

  router.get('/groups/:id', (req, res) => {
    if (!requireRole(res, roles.readMembers)) return;
    const group = tenantOf(res).groups.get(req.params.id.toLowerCase());
    if (!group) return missing(res, req.params.id);
    res.json({ '@odata.context': `${baseUrl(req)}/v1.0/$metadata#groups/$entity`, ...present(group) });
  });

  router.get('/groups/:id/members', (req, res) => {
    if (!requireRole(res, roles.readMembers)) return;
    const tenant = tenantOf(res);
    const group = tenant.groups.get(req.params.id.toLowerCase());
    if (!group) return missing(res, req.params.id);
    const select = collectionSelect(req, res);
    if (!select) return;
    const members = group.memberIds.map((id) => tenant.liveUser(id)).filter((u) => u !== undefined);
    const { page, nextLink } = pageOf(req, members);
    res.json({
      '@odata.context': `${baseUrl(req)}/v1.0/$metadata#directoryObjects`,
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
      value: page.map((u) => ({ '@odata.type': '#microsoft.graph.user', ...presentUser(u, select.props) })),
    });
  });

  router.post('/users/:id/checkMemberGroups', express.json(), (req, res) => {
    if (!requireRole(res, roles.readUsers) || !requireRole(res, roles.readMembers)) return;
    const tenant = tenantOf(res);
    const user = tenant.liveUser(req.params.id);
    if (!user) return missing(res, req.params.id);
    const groupIds = (req.body as { groupIds?: unknown } | undefined)?.groupIds;
    if (
      !Array.isArray(groupIds) ||
      groupIds.length === 0 ||
      groupIds.length > 20 ||
      !groupIds.every((g) => typeof g === 'string')
    )
      return graphError(res, 400, 'Request_BadRequest', 'groupIds must list 1 to 20 group ids.');
    const value = (groupIds as string[]).filter((id) =>
      tenant.groups.get(id.toLowerCase())?.memberIds.includes(user.id),
    );
    res.json({ '@odata.context': `${baseUrl(req)}/v1.0/$metadata#Collection(Edm.String)`, value });
  });

  return router;
}
