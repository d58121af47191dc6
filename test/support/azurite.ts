import { startAzurite, type AzuriteInstance } from '../../sandbox/azurite.ts';
import { freePort } from '../../sandbox/ports.ts';

/** A private, in-memory Azurite on free ports, so tests run beside a sandbox that is already running. */
export async function startTestAzurite(): Promise<AzuriteInstance> {
  return startAzurite({
    ports: { blob: await freePort(), queue: await freePort(), table: await freePort() },
  });
}
