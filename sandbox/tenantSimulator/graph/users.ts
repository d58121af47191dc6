import express, { type Request, type Response, type Router } from 'express';
import {
  checkCursor,
  decodeCursor,
  encodeCursor,
  readDeltaPage,
  startRound,
  type DeltaCursor,
} from './delta.ts';
import { mailboxOnly, parseUserSelect, presentMailboxSettings, presentUser } from './graphUser.ts';
import { baseUrl, caller, graphError, maxPageSize, odata, requireRole, roles } from '../http.ts';
import type { SimulatorState } from '../state/state.ts';
import type { TenantState } from '../state/tenantState.ts';
import type { UserRecord } from '../state/types.ts';

/** Graph's user endpoints: `/users`, `/users/delta`, one user, manager, directReports, mailboxSettings. */

const DELTA_NAMES = new Set(['delta', 'delta()', 'microsoft.graph.delta', 'microsoft.graph.delta()']);

export function notFound(res: Response, id: string): void {
  graphError(
    res,
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/** `$select` for user collections; answers the error itself and returns undefined when it is bad. */
export function collectionSelect(req: Request, res: Response, select = odata(req, 'select')) {
  const parsed = parseUserSelect(select);
  if (!parsed.ok) {
    graphError(
      res,
      400,
      'Request_BadRequest',
      `Could not find a property named '${parsed.unknown}' on type 'Microsoft.DirectoryServices.User'.`,
    );
    return undefined;
  }
  if (parsed.props.some((p) => mailboxOnly.has(p))) {
    graphError(res, 501, 'NotImplemented', 'This operation target is not yet supported.');
    return undefined;
  }
  return parsed;
}

/** A page of a plain collection: `$top` (or Prefer maxpagesize) and an offset `$skiptoken`. */
export function pageOf<T>(req: Request, items: T[]): { page: T[]; nextLink?: string } {
  const size = Math.min(999, Math.max(1, Number(odata(req, 'top') ?? maxPageSize(req, 100)) || 100));
  const skip = odata(req, 'skiptoken');
  const offset = skip ? Number(Buffer.from(skip, 'base64url').toString()) || 0 : 0;
  const page = items.slice(offset, offset + size);
  if (offset + size >= items.length) return { page };
  const url = new URL(`${baseUrl(req)}${req.originalUrl}`);
  for (const key of [...url.searchParams.keys()])
    if (/^\$?skiptoken$/i.test(key)) url.searchParams.delete(key);
  url.searchParams.set('$skiptoken', Buffer.from(String(offset + size)).toString('base64url'));
  return { page, nextLink: url.toString() };
}

export function usersRouter(state: SimulatorState): Router {
  const router = express.Router();
  const tenantOf = (res: Response): TenantState => state.tenant(caller(res).tenantId)!;
  const context = (req: Request, what: string) => `${baseUrl(req)}/v1.0/$metadata#${what}`;
  const typed = (user: UserRecord, props: string[]) => ({
    '@odata.type': '#microsoft.graph.user',
    ...presentUser(user, props),
  });

  router.get('/users', (req, res) => {
    if (!requireRole(res, roles.readUsers)) return;
    if (odata(req, 'filter') !== undefined)
      return void graphError(res, 400, 'Request_UnsupportedQuery', 'Unsupported Query.');
    const select = collectionSelect(req, res);
    if (!select) return;
    const { page, nextLink } = pageOf(
      req,
      tenantOf(res).users.filter((u) => !u.removed),
    );
    res.json({
      '@odata.context': context(req, 'users'),
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
      value: page.map((u) => presentUser(u, select.props)),
    });
  });

  router.get('/users/:id', (req, res) => {
    if (!requireRole(res, roles.readUsers)) return;
    if (DELTA_NAMES.has(req.params.id.toLowerCase())) return delta(req, res);
    const user = tenantOf(res).liveUser(req.params.id);
    if (!user) return notFound(res, req.params.id);
    const parsed = parseUserSelect(odata(req, 'select'));
    if (!parsed.ok)
      return void graphError(
        res,
        400,
        'Request_BadRequest',
        `Could not find a property named '${parsed.unknown}' on type 'Microsoft.DirectoryServices.User'.`,
      );
    if (parsed.props.includes('mailboxSettings') && !mailboxReadable(res, user)) return;
    const body: Record<string, unknown> = {
      '@odata.context': context(req, 'users/$entity'),
      ...presentUser(user, parsed.props),
    };
    if (/^manager/i.test(odata(req, 'expand') ?? '')) {
      const manager = user.managerId ? tenantOf(res).liveUser(user.managerId) : undefined;
      if (manager)
        body.manager = typed(manager, ['id', 'displayName', 'userPrincipalName', 'mail', 'jobTitle']);
    }
    res.json(body);
  });

  router.get('/users/:id/manager', (req, res) => {
    if (!requireRole(res, roles.readUsers)) return;
    const tenant = tenantOf(res);
    const user = tenant.liveUser(req.params.id);
    if (!user) return notFound(res, req.params.id);
    const manager = user.managerId ? tenant.liveUser(user.managerId) : undefined;
    if (!manager) return notFound(res, 'manager');
    const select = collectionSelect(req, res);
    if (!select) return;
    res.json({ '@odata.context': context(req, 'directoryObjects/$entity'), ...typed(manager, select.props) });
  });

  router.get('/users/:id/directReports', (req, res) => {
    if (!requireRole(res, roles.readUsers)) return;
    const tenant = tenantOf(res);
    const user = tenant.liveUser(req.params.id);
    if (!user) return notFound(res, req.params.id);
    const select = collectionSelect(req, res);
    if (!select) return;
    const { page, nextLink } = pageOf(req, tenant.directReports(user.id));
    res.json({
      '@odata.context': context(req, 'directoryObjects'),
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
      value: page.map((u) => typed(u, select.props)),
    });
  });

  router.get('/users/:id/mailboxSettings', (req, res) => {
    const user = tenantOf(res).liveUser(req.params.id);
    if (!user) return notFound(res, req.params.id);
    if (!mailboxReadable(res, user)) return;
    res.json({
      '@odata.context': context(req, `users('${user.id}')/mailboxSettings`),
      ...presentMailboxSettings(user),
    });
  });

  /** Exchange's answer for mailbox properties: the permission, then whether there is a mailbox. */
  function mailboxReadable(res: Response, user: UserRecord): boolean {
    if (!requireRole(res, roles.readMailboxSettings, 'ErrorAccessDenied')) return false;
    // A new account's mailbox appears minutes to hours after the account: until then Exchange
    // answers as for an account without one.
    const ageSeconds = (state.now().getTime() - new Date(user.created).getTime()) / 1000;
    if (user.mailbox && ageSeconds >= state.faults.mailboxProvisioningSeconds) return true;
    graphError(
      res,
      404,
      'MailboxNotEnabledForRESTAPI',
      'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
    );
    return false;
  }

  function delta(req: Request, res: Response): void {
    const tenant = tenantOf(res);
    const now = state.now();
    for (const unsupported of ['expand', 'orderby', 'filter'])
      if (odata(req, unsupported) !== undefined)
        return graphError(
          res,
          400,
          'Request_UnsupportedQuery',
          `$${unsupported} is not supported with delta query for users.`,
        );
    const skipToken = odata(req, 'skiptoken');
    const deltaToken = odata(req, 'deltatoken');
    const secret = state.secrets.deltaSecret;
    let cursor: DeltaCursor | undefined;
    if (deltaToken === 'latest') {
      cursor = {
        ...startRound(tenant, odata(req, 'select') ?? null, undefined, now),
        kind: 'link',
        from: tenant.seq,
        position: tenant.seq,
      };
      if (!collectionSelect(req, res, cursor.select ?? undefined)) return;
      return void res.json({
        '@odata.context': context(req, 'users'),
        '@odata.deltaLink': `${baseUrl(req)}/v1.0/users/delta?$deltatoken=${encodeCursor(cursor, secret)}`,
        value: [],
      });
    }
    if (skipToken || deltaToken) {
      const given = decodeCursor((skipToken ?? deltaToken)!, secret);
      const wrongKind = given && (skipToken ? given.kind === 'link' : given.kind !== 'link');
      const check = checkCursor(wrongKind ? undefined : given, tenant, now);
      if (!check.ok) {
        const restart = `${baseUrl(req)}/v1.0/users/delta${given?.select ? `?$select=${given.select}` : ''}`;
        return graphError(res, 410, check.code, check.message, { Location: restart });
      }
      cursor = skipToken ? given! : startRound(tenant, given!.select, given, now);
    } else {
      cursor = startRound(tenant, odata(req, 'select') ?? null, undefined, now);
    }
    const select = collectionSelect(req, res, cursor.select ?? undefined);
    if (!select) return;
    const pageSize = maxPageSize(req, 100);
    if (req.get('prefer')) res.set('Preference-Applied', `odata.maxpagesize=${pageSize}`);
    const page = readDeltaPage(
      tenant,
      cursor,
      pageSize,
      select.props,
      select.mask,
      now,
      state.faults.deltaChangedPropertiesOnly,
    );
    const link = page.next
      ? {
          '@odata.nextLink': `${baseUrl(req)}/v1.0/users/delta?$skiptoken=${encodeCursor(page.next, secret)}`,
        }
      : {
          '@odata.deltaLink': `${baseUrl(req)}/v1.0/users/delta?$deltatoken=${encodeCursor(page.deltaLink!, secret)}`,
        };
    res.json({
      '@odata.context': context(req, `users(${select.props.join(',')})`),
      ...link,
      value: page.value,
    });
  }

  return router;
}
