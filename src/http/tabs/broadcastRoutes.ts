import { randomUUID } from 'node:crypto';
import type { Request, Response, Router } from 'express';
import type { Actor } from '../../domain/access/index.ts';
import { tabRolesOf } from '../../domain/access/tabAccess.ts';
import { isHrAdmin, type HrAdminGroupDeps } from '../../usecases/access/hrAdminGroup.ts';
import { describeAudienceError } from '../../domain/broadcasts/audienceExpression.ts';
import type { GuidelineContent } from '../../domain/broadcasts/broadcast.ts';
import type { BroadcastsDeps } from '../../usecases/broadcasts/broadcastsDeps.ts';
import {
  audienceFacets,
  previewGuideline,
  resolveAudienceFor,
  type AudienceCheck,
} from '../../usecases/broadcasts/composeGuideline.ts';
import { correctGuideline, recallGuideline } from '../../usecases/broadcasts/correctOrRecall.ts';
import { createBroadcast, sendBroadcast, setReminders } from '../../usecases/broadcasts/createBroadcast.ts';
import {
  acknowledgementRatesOf,
  exportRecipients,
  listBroadcasts,
  showBroadcast,
} from '../../usecases/broadcasts/showBroadcasts.ts';
import type {
  AcknowledgementRatesResponse,
  AudienceFacetsResponse,
  BroadcastDetailResponse,
  BroadcastListResponse,
  BroadcastPreviewResponse,
  GuidelineDraftBody,
} from './contract.ts';
import {
  ADDRESS_LIST_BODY_LIMIT,
  AudienceSchema,
  BroadcastCorrectionSchema,
  BroadcastCreateSchema,
  BroadcastIdParam,
  BroadcastSendSchema,
  GuidelineDraftSchema,
  guidelineIssue,
  ReminderSettingsSchema,
} from './broadcastSchemas.ts';
import { audienceView, detailView, summaryView } from './presentBroadcasts.ts';
import type { TabRouteMount } from './router.ts';
import { bodyOf, parseOr400, sendTabError, tabCaller, type TabCaller } from './tabHttp.ts';
import { recipientsCsv } from '../../cards/broadcasts/presenters/recipientsCsv.ts';

/** The routes that take a pasted list of addresses, and so a body larger than 16 kB. */
export const broadcastLargeBodies = [
  { path: '/admin/audience', limit: ADDRESS_LIST_BODY_LIMIT },
  { path: '/admin/broadcasts', limit: ADDRESS_LIST_BODY_LIMIT },
] as const;

/**
 * The caller as the broadcast policies see them: an HR admin holds the `Drypp.Admin` app role or is
 * in the configured HR admin group (the token's claim, else one Graph call).
 */
async function adminActor(hrAdminGroup: HrAdminGroupDeps, caller: TabCaller): Promise<Actor> {
  return {
    tenantId: caller.tenantId,
    userId: caller.userId,
    roles: tabRolesOf({
      appRoles: caller.appRoles,
      hasReports: false,
      inHrAdminGroup: await isHrAdmin(hrAdminGroup, caller),
    }),
  };
}

const contentOf = (d: GuidelineDraftBody): GuidelineContent => ({
  variants: d.variants,
  defaultLanguage: d.defaultLanguage,
  ...(d.link !== undefined ? { link: d.link } : {}),
});

/**
 * The Admin tab's broadcasts: compose and preview, the audience's live count, send or schedule,
 * the list with live progress, one broadcast's detail, rates, reminders, correction, recall and the
 * CSV export. Each handler: parse → use case (which authorizes: HR admins only) → present. Anyone
 * without the role gets 403 on every route, before anything is read.
 */
export function broadcastRoutes(deps: BroadcastsDeps, hrAdminGroup: HrAdminGroupDeps = {}): TabRouteMount {
  const actorOf = (caller: TabCaller) => adminActor(hrAdminGroup, caller);
  const forbidden = (res: Response) => sendTabError(res, 'forbidden', 'for HR admins only');
  const audienceRefusal = (res: Response, check: Exclude<AudienceCheck, { kind: 'ok' }>, prefix: string) => {
    const message =
      check.kind === 'invalid'
        ? describeAudienceError(check.error)
        : check.kind === 'tooManyAddresses'
          ? `at most ${check.max} addresses`
          : 'give an expression or a list of addresses';
    const path = check.kind === 'tooManyAddresses' ? `${prefix}addresses` : `${prefix}expression`;
    sendTabError(res, 'invalid', 'the audience is not valid', { issues: [{ path, message }] });
  };
  const detail = async (res: Response, caller: TabCaller, id: string, status = 200) => {
    const outcome = await showBroadcast(deps, await actorOf(caller), id);
    if (outcome.kind === 'notAllowed') return forbidden(res);
    if (outcome.kind === 'notFound') return sendTabError(res, 'notFound', 'no such broadcast');
    const body: BroadcastDetailResponse = { broadcast: detailView(outcome.overview, caller.locale) };
    res.status(status).json(body);
  };
  /** Parses the :id, and refuses anyone but HR before anything else. */
  const admin = async (
    req: Request,
    res: Response,
  ): Promise<{ caller: TabCaller; actor: Actor; id: string } | undefined> => {
    const caller = tabCaller(res);
    const actor = await actorOf(caller);
    if (!actor.roles.includes('hrAdmin')) {
      forbidden(res);
      return undefined;
    }
    const id = parseOr400(res, BroadcastIdParam, req.params.id);
    return id === undefined ? undefined : { caller, actor, id };
  };

  return (router: Router) => {
    router.get('/admin/audience/facets', async (_req, res) => {
      const caller = tabCaller(res);
      const outcome = await audienceFacets(deps, await actorOf(caller));
      if (outcome.kind === 'notAllowed') return forbidden(res);
      const { kind: _kind, ...facets } = outcome;
      const body: AudienceFacetsResponse = facets;
      res.json(body);
    });

    router.post('/admin/audience', async (req, res) => {
      const caller = tabCaller(res);
      if (!(await actorOf(caller)).roles.includes('hrAdmin')) return forbidden(res);
      const body = parseOr400(res, AudienceSchema, bodyOf(req));
      if (!body) return;
      const outcome = await resolveAudienceFor(deps, await actorOf(caller), {
        expression: body.expression,
        addressText: body.addresses,
      });
      if (outcome.kind === 'notAllowed') return forbidden(res);
      if (outcome.kind !== 'resolved') return audienceRefusal(res, outcome, '');
      res.json(audienceView(outcome.resolved));
    });

    router.post('/admin/broadcasts/preview', async (req, res) => {
      const caller = tabCaller(res);
      if (!(await actorOf(caller)).roles.includes('hrAdmin')) return forbidden(res);
      const draft = parseOr400(res, GuidelineDraftSchema, bodyOf(req));
      if (!draft) return;
      const outcome = previewGuideline(deps, await actorOf(caller), {
        content: contentOf(draft),
        requiresAcknowledgement: draft.requiresAcknowledgement,
        dueDate: draft.dueDate,
      });
      if (outcome.kind === 'notAllowed') return forbidden(res);
      if (outcome.kind === 'invalid')
        return sendTabError(res, 'invalid', 'the guideline is not valid', {
          issues: outcome.problems.map((p) => guidelineIssue(p, '')),
        });
      const body: BroadcastPreviewResponse = {
        cards: outcome.cards.map((c) => ({ language: c.language, card: c.card as Record<string, unknown> })),
      };
      res.json(body);
    });

    router.post('/admin/broadcasts', async (req, res) => {
      const caller = tabCaller(res);
      if (!(await actorOf(caller)).roles.includes('hrAdmin')) return forbidden(res);
      const body = parseOr400(res, BroadcastCreateSchema, bodyOf(req));
      if (!body) return;
      const outcome = await createBroadcast(deps, await actorOf(caller), {
        id: randomUUID(),
        content: contentOf(body.draft),
        requiresAcknowledgement: body.draft.requiresAcknowledgement,
        dueDate: body.draft.dueDate,
        audience: { expression: body.audience.expression, addressText: body.audience.addresses },
        reminders: body.reminders,
        send: body.send ? { at: body.send.at ? new Date(body.send.at) : undefined } : undefined,
        skipUnmatched: body.skipUnmatched,
      });
      switch (outcome.kind) {
        case 'notAllowed':
          return forbidden(res);
        case 'invalidContent':
          return sendTabError(res, 'invalid', 'the guideline is not valid', {
            issues: outcome.problems.map((p) => guidelineIssue(p, 'draft.')),
          });
        case 'invalidReminders':
          return sendTabError(res, 'invalid', 'the reminders are not valid', {
            issues: outcome.problems.map((p) => ({ path: `reminders.${p}`, message: 'out of range' })),
          });
        case 'invalid':
        case 'tooManyAddresses':
        case 'noAudience':
          return audienceRefusal(res, outcome, 'audience.');
        case 'unmatched':
        case 'emptyAudience':
          res.status(409).json({
            error: {
              code: 'conflict',
              message:
                outcome.kind === 'unmatched'
                  ? 'some addresses or terms match nobody: nothing was sent'
                  : 'the audience matches nobody: nothing was sent',
            },
            audience: audienceView(outcome.resolved),
          });
          return;
        case 'badSchedule':
          return sendTabError(res, 'invalid', 'the time is not valid', {
            issues: [
              {
                path: 'send.at',
                message:
                  outcome.problem === 'tooSoon' ? 'at least a minute from now' : 'at most a year from now',
              },
            ],
          });
        case 'created':
          return detail(res, caller, outcome.broadcast.id, 201);
      }
    });

    router.get('/admin/broadcasts', async (_req, res) => {
      const caller = tabCaller(res);
      const outcome = await listBroadcasts(deps, await actorOf(caller));
      if (outcome.kind === 'notAllowed') return forbidden(res);
      const body: BroadcastListResponse = {
        broadcasts: outcome.broadcasts.map((o) => summaryView(o, caller.locale)),
        actions: ['viewAdmin'],
      };
      res.json(body);
    });

    router.get('/admin/broadcasts/:id', async (req, res) => {
      const a = await admin(req, res);
      if (a) await detail(res, a.caller, a.id);
    });

    router.post('/admin/broadcasts/:id/send', async (req, res) => {
      const a = await admin(req, res);
      const body = a && parseOr400(res, BroadcastSendSchema, bodyOf(req));
      if (!a || !body) return;
      const outcome = await sendBroadcast(deps, a.actor, a.id, body.at ? new Date(body.at) : undefined);
      if (outcome.kind === 'notAllowed') return forbidden(res);
      if (outcome.kind === 'notFound') return sendTabError(res, 'notFound', 'no such broadcast');
      if (outcome.kind === 'notADraft') return sendTabError(res, 'conflict', 'sent already, or recalled');
      if (outcome.kind === 'badSchedule')
        return sendTabError(res, 'invalid', 'the time is not valid', {
          issues: [
            {
              path: 'at',
              message:
                outcome.problem === 'tooSoon' ? 'at least a minute from now' : 'at most a year from now',
            },
          ],
        });
      await detail(res, a.caller, a.id);
    });

    router.post('/admin/broadcasts/:id/corrections', async (req, res) => {
      const a = await admin(req, res);
      const body = a && parseOr400(res, BroadcastCorrectionSchema, bodyOf(req));
      if (!a || !body) return;
      const outcome = await correctGuideline(deps, a.actor, a.id, contentOf(body.draft), body.changeNote);
      switch (outcome.kind) {
        case 'notAllowed':
          return forbidden(res);
        case 'notFound':
          return sendTabError(res, 'notFound', 'no such broadcast');
        case 'invalidContent':
          return sendTabError(res, 'invalid', 'the guideline is not valid', {
            issues: outcome.problems.map((p) => guidelineIssue(p, 'draft.')),
          });
        case 'refused':
          return outcome.problem === 'notSent'
            ? sendTabError(res, 'conflict', 'only a sent guideline is corrected')
            : sendTabError(res, 'invalid', 'the correction is not valid', {
                issues: [
                  outcome.problem === 'unchanged'
                    ? { path: 'draft', message: 'nothing changed' }
                    : {
                        path: 'changeNote',
                        message:
                          outcome.problem === 'changeNoteMissing'
                            ? 'say what changed'
                            : 'at most 500 characters',
                      },
                ],
              });
        case 'corrected':
          return detail(res, a.caller, a.id);
      }
    });

    router.post('/admin/broadcasts/:id/recall', async (req, res) => {
      const a = await admin(req, res);
      if (!a) return;
      const outcome = await recallGuideline(deps, a.actor, a.id);
      if (outcome.kind === 'notAllowed') return forbidden(res);
      if (outcome.kind === 'notFound') return sendTabError(res, 'notFound', 'no such broadcast');
      if (outcome.kind === 'notRecallable')
        return sendTabError(res, 'conflict', 'a draft, or recalled already');
      await detail(res, a.caller, a.id);
    });

    router.post('/admin/broadcasts/:id/reminders', async (req, res) => {
      const a = await admin(req, res);
      const body = a && parseOr400(res, ReminderSettingsSchema, bodyOf(req));
      if (!a || !body) return;
      const outcome = await setReminders(deps, a.actor, a.id, body);
      if (outcome.kind === 'notAllowed') return forbidden(res);
      if (outcome.kind === 'notFound') return sendTabError(res, 'notFound', 'no such broadcast');
      if (outcome.kind === 'notNow')
        return sendTabError(res, 'conflict', 'asks for no acknowledgement, or recalled');
      if (outcome.kind === 'invalid')
        return sendTabError(res, 'invalid', 'the reminders are not valid', {
          issues: outcome.problems.map((p) => ({ path: p, message: 'out of range' })),
        });
      await detail(res, a.caller, a.id);
    });

    router.get('/admin/broadcasts/:id/rates', async (req, res) => {
      const a = await admin(req, res);
      if (!a) return;
      const outcome = await acknowledgementRatesOf(deps, a.actor, a.id);
      if (outcome.kind === 'notAllowed') return forbidden(res);
      if (outcome.kind === 'notFound') return sendTabError(res, 'notFound', 'no such broadcast');
      const body: AcknowledgementRatesResponse = {
        version: outcome.version,
        byDepartment: outcome.byDepartment.map((r) => ({ ...r, label: r.key })),
        byManager: outcome.byManager,
      };
      res.json(body);
    });

    router.get('/admin/broadcasts/:id/export.csv', async (req, res) => {
      const a = await admin(req, res);
      if (!a) return;
      const outcome = await exportRecipients(deps, a.actor, a.id);
      if (outcome.kind === 'notAllowed') return forbidden(res);
      if (outcome.kind === 'notFound') return sendTabError(res, 'notFound', 'no such broadcast');
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="broadcast-${a.id}.csv"`)
        .set('Cache-Control', 'no-store')
        .send(recipientsCsv(outcome.rows));
    });
  };
}
