import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { faultKnobsSchema } from './faults.ts';
import { presentUser } from '../graph/graphUser.ts';
import type { Notifier } from '../graph/notifier.ts';
import { seedBulkUsers } from '../state/seed.ts';
import type { SimulatorState } from '../state/state.ts';
import type { TenantState } from '../state/tenantState.ts';
import type { UserRecord } from '../state/types.ts';
import { tabTokenRouter } from '../entra/tabTokens.ts';

/**
 * The simulator's controls under `/_sim` (loopback callers only): what an HR system or an admin
 * would do in the tenant (hire, leave, move), bulk seeding, fault knobs, lifecycle events, delta
 * resets and the clock. The CLI (cli.ts) calls these.
 */

const tenantId = z.string().min(1).optional();
const date = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const hireSchema = z.strictObject({
  tenantId,
  name: z.string().trim().min(1),
  department: z.string().trim().min(1).optional(),
  jobTitle: z.string().trim().min(1).optional(),
  manager: z.string().min(1).optional(), // UPN or object id
  id: z.uuid().optional(),
  upn: z.string().includes('@').optional(),
  hireDate: date.optional(),
  mailbox: z.boolean().optional(),
  userType: z.enum(['Member', 'Guest']).optional(),
  preferredLanguage: z.string().optional(),
  timeZone: z.string().optional(),
});
export const leaveSchema = z.strictObject({
  tenantId,
  user: z.string().min(1),
  mode: z.enum(['disable', 'delete', 'purge']).default('disable'),
});
export const moveSchema = z.strictObject({
  tenantId,
  user: z.string().min(1),
  department: z.string().trim().min(1).optional(),
  jobTitle: z.string().trim().min(1).optional(),
  manager: z.string().min(1).optional(),
  mailbox: z.boolean().optional(),
  /** The mailbox's time zone (mailboxSettings.timeZone), as the person sets it in Outlook. */
  timeZone: z.string().trim().min(1).optional(),
});
export const seedSchema = z.strictObject({ tenantId, users: z.number().int().min(1).max(1_000_000) });
export const lifecycleSchema = z.strictObject({
  tenantId,
  subscriptionId: z.string().min(1),
  event: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']),
});
const clockSchema = z.strictObject({ seconds: z.number().int() });

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const everything = [
  ...['id', 'displayName', 'mail', 'userPrincipalName', 'accountEnabled', 'userType', 'department'],
  ...['jobTitle', 'employeeHireDate', 'createdDateTime', 'preferredLanguage'],
];

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `maja.berg@domain`, or `maja.berg2@domain` when that is taken. */
function upnFor(tenant: TenantState, name: string): string {
  const local = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, '.')
    .replace(/[^a-z0-9.-]/g, '');
  for (let n = 1; ; n++) {
    const upn = `${local}${n > 1 ? n : ''}@${tenant.domain}`;
    if (!tenant.findUser(upn)) return upn;
  }
}

export function controlsRouter(state: SimulatorState, notifier: Notifier): Router {
  const router = express.Router();
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (LOOPBACK.has(req.socket.remoteAddress ?? '')) return next();
    res.status(403).json({ error: 'the simulator controls answer loopback callers only' });
  });
  router.use(express.json());
  router.use(tabTokenRouter(state));

  const tenantFor = (id?: string) => {
    try {
      return state.tenantOrDefault(id);
    } catch (error) {
      throw new ControlError(404, (error as Error).message);
    }
  };
  const userIn = (tenant: TenantState, idOrUpn: string): UserRecord => {
    const user = tenant.liveUser(idOrUpn);
    if (!user) throw new ControlError(404, `no user ${idOrUpn} in ${tenant.domain}`);
    return user;
  };
  const show = (user: UserRecord) => ({
    ...presentUser(user, everything),
    mailbox: user.mailbox,
    managerId: user.managerId,
  });
  /** Parses the body, runs the action, answers its result or a clear 400/404. */
  const handle =
    <S extends z.ZodType>(schema: S, action: (input: z.output<S>) => unknown) =>
    (req: Request, res: Response) => {
      const parsed = schema.safeParse(req.body ?? {});
      if (!parsed.success) return void res.status(400).json({ error: z.prettifyError(parsed.error) });
      try {
        res.json(action(parsed.data));
      } catch (error) {
        const status = error instanceof ControlError ? error.status : 400;
        res.status(status).json({ error: (error as Error).message });
      }
    };

  router.post(
    '/hire',
    handle(hireSchema, (input) => {
      const tenant = tenantFor(input.tenantId);
      const manager = input.manager ? userIn(tenant, input.manager) : undefined;
      const hireDate = input.hireDate ? new Date(input.hireDate).toISOString() : state.now().toISOString();
      const user = tenant.addUser(
        {
          id: input.id,
          displayName: input.name,
          userPrincipalName: input.upn ?? upnFor(tenant, input.name),
          department: input.department,
          jobTitle: input.jobTitle,
          manager: manager?.id,
          employeeHireDate: hireDate,
          mailbox: input.mailbox,
          userType: input.userType,
          preferredLanguage: input.preferredLanguage ?? 'nb-NO',
          timeZone: input.timeZone,
        },
        { notify: true },
      );
      return { user: show(user) };
    }),
  );

  router.post(
    '/leave',
    handle(leaveSchema, (input) => {
      const tenant = tenantFor(input.tenantId);
      const user = userIn(tenant, input.user);
      if (input.mode === 'disable') tenant.updateUser(user, { enabled: false });
      else tenant.removeUser(user, input.mode === 'delete' ? 'changed' : 'deleted');
      return { user: show(user), mode: input.mode };
    }),
  );

  router.post(
    '/move',
    handle(moveSchema, (input) => {
      const tenant = tenantFor(input.tenantId);
      const user = userIn(tenant, input.user);
      const manager = input.manager ? userIn(tenant, input.manager) : undefined;
      if (!input.department && !input.jobTitle && !manager && input.mailbox === undefined && !input.timeZone)
        throw new ControlError(
          400,
          'nothing to change: give a department, a job title, a manager, a mailbox or a time zone',
        );
      tenant.updateUser(user, {
        ...(input.department ? { department: input.department } : {}),
        ...(input.jobTitle ? { jobTitle: input.jobTitle } : {}),
        ...(manager ? { managerId: manager.id } : {}),
        ...(input.mailbox !== undefined
          ? { mailbox: input.mailbox, timeZone: 'W. Europe Standard Time' }
          : {}),
        ...(input.timeZone ? { timeZone: input.timeZone } : {}),
      });
      return { user: show(user) };
    }),
  );

  router.post(
    '/seed',
    handle(seedSchema, (input) => {
      const started = Date.now();
      const summary = seedBulkUsers(tenantFor(input.tenantId), input.users, state.now());
      state.onDirty();
      return { ...summary, ms: Date.now() - started };
    }),
  );

  router.get('/faults', (_req, res) => void res.json(state.faults));
  router.put(
    '/faults',
    handle(faultKnobsSchema, (input) => {
      state.faults = { ...state.faults, ...input };
      state.onDirty();
      return state.faults;
    }),
  );

  router.post(
    '/lifecycle',
    handle(lifecycleSchema, (input) => {
      const tenant = tenantFor(input.tenantId);
      const subscription = tenant.subscriptions.get(input.subscriptionId);
      if (!subscription)
        throw new ControlError(404, `no subscription ${input.subscriptionId} in ${tenant.domain}`);
      notifier.lifecycle(tenant, subscription, input.event);
      return { sent: input.event, subscriptionId: subscription.id };
    }),
  );

  router.post(
    '/delta/reset',
    handle(z.strictObject({ tenantId }), (input) => {
      const tenant = tenantFor(input.tenantId);
      tenant.generation++;
      state.onDirty();
      return { tenantId: tenant.id, generation: tenant.generation };
    }),
  );

  router.post(
    '/clock/advance',
    handle(clockSchema, (input) => {
      state.clockOffsetMs += input.seconds * 1000;
      state.onDirty();
      return { now: state.now().toISOString() };
    }),
  );

  router.get('/status', (_req, res) => {
    res.json({
      now: state.now().toISOString(),
      faults: state.faults,
      tenants: [...state.tenants.values()].map((t) => ({
        id: t.id,
        domain: t.domain,
        users: t.users.filter((u) => !u.removed).length,
        changes: t.seq,
        groups: t.groups.size,
        installations: t.installations.size,
        subscriptions: [...t.subscriptions.values()],
      })),
    });
  });

  router.get('/deliveries', (_req, res) => void res.json({ value: state.deliveries }));

  /** Calendar events of one user (`?user=` object id or UPN, optional `tenantId`), for tests. */
  router.get('/events', (req, res) => {
    try {
      const tenant = tenantFor(typeof req.query.tenantId === 'string' ? req.query.tenantId : undefined);
      const user = userIn(tenant, String(req.query.user ?? ''));
      res.json({ value: tenant.eventsOf(user.id) });
    } catch (error) {
      res
        .status(error instanceof ControlError ? error.status : 400)
        .json({ error: (error as Error).message });
    }
  });

  return router;
}
