import { sendRate } from './domain/delivery/sendRate.ts';
import { TableSendRateStore } from './store/delivery/sendRateStore.ts';
import type { StorageClients } from './store/platform/storageClients.ts';
import { tableNames } from './store/platform/tables.ts';
import type { TenantSendRate } from './usecases/delivery/ports.ts';
import { SharedTenantSendRate } from './usecases/delivery/sharedSendRate.ts';

/**
 * The bot's per-tenant send rate, shared through storage by every worker process (a per-process
 * budget would let three workers together overrun Teams' 50 a second). Real time, not the sandbox's
 * adjustable clock: Teams counts real seconds.
 */
export function sharedTenantSendRate(storage: StorageClients, perSecond: number): TenantSendRate {
  const rate = sendRate(perSecond);
  if (typeof rate === 'string') throw new Error(rate); // the config schema already allows only 1..50
  return new SharedTenantSendRate({
    rate,
    store: new TableSendRateStore(storage.table(tableNames.sendRate)),
    nowMs: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
  });
}
