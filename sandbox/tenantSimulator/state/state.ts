import { generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { TenantState, type ChangeListener } from './tenantState.ts';
import { defaultFaults, type DeliveryRecord, type FaultKnobs, type SeedTenant } from './types.ts';

/** Keys that must survive a restart so cached tokens and stored delta links stay valid. */
export interface SimulatorSecrets {
  signingKey: KeyObject; // RS256 private key for access tokens
  kid: string;
  deltaSecret: Buffer; // HMAC key for delta and skip tokens
  tls?: { key: string; cert: string };
}

let processKey: { signingKey: KeyObject; kid: string } | undefined;

/**
 * New secrets for a simulator without a data file. The RSA key is made once per process (it takes
 * up to a second) and shared by the simulators a test file starts; each has its own delta secret.
 */
export function newSecrets(): SimulatorSecrets {
  processKey ??= {
    signingKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
    kid: randomUUID().replace(/-/g, ''),
  };
  return { ...processKey, deltaSecret: randomBytes(32) };
}

const MAX_DELIVERIES = 2000;

/** Everything the simulated cloud holds: tenants, fault knobs, its clock and its keys. */
export class SimulatorState {
  readonly tenants = new Map<string, TenantState>();
  faults: FaultKnobs;
  /** Added to the injected clock by the "advance clock" control. */
  clockOffsetMs = 0;
  readonly deliveries: DeliveryRecord[] = [];
  /** Called after anything changes (the data file is saved a moment later). */
  onDirty: () => void = () => {};
  private readonly listeners: ChangeListener[] = [];

  constructor(
    private readonly clock: () => Date,
    faults: Partial<FaultKnobs> | undefined,
    readonly secrets: SimulatorSecrets,
  ) {
    this.faults = { ...defaultFaults, ...faults };
  }

  now(): Date {
    return new Date(this.clock().getTime() + this.clockOffsetMs);
  }

  addTenant(seed: SeedTenant): TenantState {
    if (this.tenants.has(seed.id.toLowerCase())) throw new Error(`tenant ${seed.id} is seeded twice`);
    const tenant = this.createTenant(seed);
    tenant.seedUsers(seed.users ?? [], { notify: false });
    for (const group of seed.groups ?? []) tenant.addGroup(group);
    return tenant;
  }

  /** An empty tenant (its users come from seeding or a data file). */
  createTenant(seed: Omit<SeedTenant, 'users' | 'groups'>): TenantState {
    const tenant = new TenantState(
      { ...seed, id: seed.id.toLowerCase() },
      () => this.now(),
      (t, user, changeType) => {
        for (const listener of this.listeners) listener(t, user, changeType);
        this.onDirty();
      },
    );
    this.tenants.set(tenant.id, tenant);
    return tenant;
  }

  /** By tenant id or verified domain, as Entra accepts either in its URLs. */
  tenant(idOrDomain: string): TenantState | undefined {
    const key = idOrDomain.toLowerCase();
    return this.tenants.get(key) ?? [...this.tenants.values()].find((t) => t.domain.toLowerCase() === key);
  }

  /** The tenant a control means: the one named, or the first seeded. */
  tenantOrDefault(idOrDomain?: string): TenantState {
    const tenant = idOrDomain ? this.tenant(idOrDomain) : this.tenants.values().next().value;
    if (!tenant) throw new Error(idOrDomain ? `no tenant ${idOrDomain}` : 'the simulator has no tenant');
    return tenant;
  }

  onUserChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  recordDelivery(delivery: DeliveryRecord): void {
    this.deliveries.push(delivery);
    if (this.deliveries.length > MAX_DELIVERIES) this.deliveries.shift();
  }
}
