import type { StorageClients } from './store/platform/storageClients.ts';
import type { TenantSendRate } from './usecases/delivery/ports.ts';
import { sharedRate } from './composeOutbound.ts';

/**
 * The bot's per-tenant send rate, shared through storage by every worker process (a per-process
 * budget would let three workers together overrun Teams' 50 a second).
 */
export function sharedTenantSendRate(storage: StorageClients, perSecond: number): TenantSendRate {
  return sharedRate(storage, 'sendRate', perSecond, 50);
}
