import type { HealthProbe } from '../../usecases/platform/ports.ts';
import type { StorageClients } from './storageClients.ts';

/** Asks Table Storage for one page of one table: cheap, and fails if storage does not answer. */
export function storageHealthProbe(clients: StorageClients, timeoutMs = 2000): HealthProbe {
  return {
    name: 'storage',
    async check() {
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        await clients.tableService().listTables({ abortSignal: signal }).byPage({ maxPageSize: 1 }).next();
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: signal.aborted ? 'timed out' : (error as Error).name };
      }
    },
  };
}
