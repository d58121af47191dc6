import type { MailboxSettingsReader, MailboxTimeZone } from '../usecases/directory/timeZonePorts.ts';
import type { GraphClients } from './graphClients.ts';

/**
 * A person's mailbox time zone: `GET /users/{id}/mailboxSettings` (application permission
 * MailboxSettings.Read), a Windows name such as "W. Europe Standard Time" (or an IANA one if the
 * person set it so). Exchange answers 404 (MailboxNotEnabledForRESTAPI, or not found while a new
 * mailbox is being made) for people without a mailbox yet: that is "not yet", not a failure.
 */
export class GraphMailboxSettings implements MailboxSettingsReader {
  constructor(private readonly clients: GraphClients) {}

  async timeZone(tenantId: string, userId: string): Promise<MailboxTimeZone> {
    try {
      const settings = (await this.clients
        .forTenant(tenantId)
        .api(`/users/${encodeURIComponent(userId)}/mailboxSettings`)
        .get()) as { timeZone?: string | null };
      const zone = settings.timeZone?.trim();
      return zone
        ? { kind: 'found', timeZone: zone }
        : { kind: 'notYet', afterMs: 0, reason: 'no time zone set' };
    } catch (error) {
      const e = error as { statusCode?: number; code?: string; headers?: Headers };
      const status = e.statusCode ?? 0;
      const retryAfter = Number(e.headers?.get?.('retry-after'));
      const afterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 0;
      if (status === 404) return { kind: 'notYet', afterMs, reason: `no mailbox yet (${e.code ?? '404'})` };
      if (status === 0 || status === 429 || status >= 500)
        return { kind: 'notYet', afterMs, reason: `Graph answered ${status || 'nothing'}` };
      // 403: MailboxSettings.Read is not granted. Not worth a week of retries; the default zone applies.
      return { kind: 'failed', reason: `Graph answered ${status}${e.code ? ` ${e.code}` : ''}` };
    }
  }
}
