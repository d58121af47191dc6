import type { Response, Router } from 'express';
import { z } from 'zod';
import { certificatesCsv } from '../../../cards/certificates/presenters/certificatesCsv.ts';
import type {
  CertificateStanding,
  StandingCounts,
} from '../../../domain/certificates/certificateStanding.ts';
import { textFor } from '../../../domain/learning/program.ts';
import { languageFromLocale } from '../../../domain/platform/language.ts';
import type { Person } from '../../../domain/directory/person.ts';
import { mapLimit } from '../../../usecases/platform/mapLimit.ts';
import type { CertificatesDeps } from '../../../usecases/certificates/certificatesDeps.ts';
import { showOrganisationCertificates } from '../../../usecases/certificates/views/organisationCertificates.ts';
import {
  showTeamCertificates,
  type TeamCertificatesDeps,
} from '../../../usecases/certificates/views/teamCertificates.ts';
import type { HrAdminGroupDeps } from '../../../usecases/access/hrAdminGroup.ts';
import type { ManagerIndex } from '../../../usecases/managers/teamPorts.ts';
import { whoIsCalling } from '../../../usecases/managers/whoIsCalling.ts';
import type { TabRouteMount } from '../router.ts';
import { parseOr400, sendTabError, tabCaller } from '../tabHttp.ts';
import type {
  CertificateCountsView,
  CertificateView,
  OrganisationCertificatesResponse,
  TeamCertificatesResponse,
} from './contract.ts';

/** Rows the Admin tab's table shows at once (the most urgent); the CSV export has every one. */
export const ORGANISATION_ROWS_SHOWN = 200;
/** Directory reads in flight for names. */
const NAME_READS = 16;

const OrganisationQuery = z.strictObject({
  certification: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'must be a certification id' })
    .optional(),
  expiringWithin: z.coerce
    .number({ error: 'must be a number of days' })
    .int({ error: 'must be a whole number of days' })
    .min(1, { error: 'at least 1 day' })
    .max(3650, { error: 'at most 3650 days' })
    .optional(),
});

export interface CertificateRouteDeps extends TeamCertificatesDeps, HrAdminGroupDeps {
  people: Pick<CertificatesDeps['people'], 'get'>;
  managerIndex: ManagerIndex;
}

/**
 * Certificates in the tab: My team's (the caller's people, with My team's nudge) and the Admin
 * tab's (the whole organisation, its chart and CSV export). Each handler: parse → use case (which
 * authorizes through the access policies) → present. The same 403 whoever is refused.
 */
export function certificateRoutes(deps: CertificateRouteDeps): TabRouteMount {
  const forbiddenForHr = (res: Response) => sendTabError(res, 'forbidden', 'for HR admins only');
  const view = (s: CertificateStanding, language: string): CertificateView => {
    const certification = deps.certificationCatalog.find(s.certificationId);
    const title = certification
      ? textFor(certification.title, languageFromLocale(language))
      : s.certificationId;
    const { userId: _u, ...rest } = s;
    return { ...rest, title };
  };
  const organisation = async (res: Response, query: unknown) => {
    const caller = tabCaller(res);
    // HR admins by the app role or the configured group (the token's claim, else one Graph call).
    const actor = await whoIsCalling(deps, caller);
    if (!actor.roles.includes('hrAdmin')) return forbiddenForHr(res);
    const filter = parseOr400(res, OrganisationQuery, query);
    if (!filter) return undefined;
    const outcome = await showOrganisationCertificates(deps, actor, {
      certificationId: filter.certification,
      expiringWithinDays: filter.expiringWithin,
    });
    if (outcome.kind === 'notAllowed') return forbiddenForHr(res);
    return { caller, outcome };
  };
  const peopleOf = async (tenantId: string, standings: readonly CertificateStanding[]) => {
    const ids = [...new Set(standings.map((s) => s.userId))];
    const found = await mapLimit(ids, NAME_READS, (id) => deps.people.get(tenantId, id));
    return new Map(found.filter((p): p is Person => p !== undefined).map((p) => [p.id, p]));
  };

  return (router: Router) => {
    router.get('/my-team/certificates', async (_req, res) => {
      const caller = tabCaller(res);
      const outcome = await showTeamCertificates(deps, caller);
      if (outcome.kind === 'notAllowed') return sendTabError(res, 'forbidden', 'only managers have a team');
      const language = caller.locale ?? 'en';
      const body: TeamCertificatesResponse = {
        today: outcome.today,
        counts: countsView(outcome.counts),
        people: outcome.people.map((p) => ({
          id: p.person.id,
          displayName: p.person.displayName,
          ...(p.person.jobTitle ? { jobTitle: p.person.jobTitle } : {}),
          certificates: p.certificates.map((s) => view(s, language)),
          actions: p.canNudge ? ['nudge'] : [],
        })),
        actions: ['viewMyTeam'],
      };
      res.json(body);
    });

    router.get('/admin/certificates', async (req, res) => {
      const shown = await organisation(res, req.query);
      if (!shown) return;
      const { caller, outcome } = shown;
      const language = caller.locale ?? 'en';
      const rows = outcome.standings.slice(0, ORGANISATION_ROWS_SHOWN);
      const people = await peopleOf(caller.tenantId, rows);
      const body: OrganisationCertificatesResponse = {
        today: outcome.today,
        counts: countsView(outcome.counts),
        expiriesByMonth: outcome.expiriesByMonth,
        certifications: deps.certificationCatalog
          .all()
          .map((c) => ({ id: c.id, title: textFor(c.title, languageFromLocale(language)) })),
        rows: rows.map((s) => {
          const person = people.get(s.userId);
          return {
            ...view(s, language),
            userId: s.userId,
            displayName: person?.displayName ?? '',
            ...(person?.department ? { department: person.department } : {}),
          };
        }),
        total: outcome.standings.length,
        actions: ['exportCertificates'],
      };
      res.json(body);
    });

    router.get('/admin/certificates/export.csv', async (req, res) => {
      const shown = await organisation(res, req.query);
      if (!shown) return;
      const { caller, outcome } = shown;
      const language = languageFromLocale(caller.locale);
      const people = await peopleOf(caller.tenantId, outcome.standings);
      const csv = certificatesCsv(
        outcome.standings.map((standing) => {
          const person = people.get(standing.userId);
          const certification = deps.certificationCatalog.find(standing.certificationId);
          return {
            standing,
            user: person?.userPrincipalName ?? standing.userId,
            name: person?.displayName ?? '',
            department: person?.department,
            certificationTitle: certification
              ? textFor(certification.title, language)
              : standing.certificationId,
          };
        }),
        { bom: true },
      );
      res
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="certificates-${outcome.today}.csv"`)
        .send(csv);
    });
  };
}

function countsView(counts: StandingCounts): CertificateCountsView {
  return { ...counts };
}
