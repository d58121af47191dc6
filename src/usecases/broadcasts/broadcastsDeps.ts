import type { Clock } from '../../domain/platform/clock.ts';
import type { OutboundPipeline } from '../delivery/outboundPorts.ts';
import type { PeopleStore } from '../directory/ports.ts';
import type { ManagerIndex } from '../managers/teamPorts.ts';
import type { LeaseStore } from '../platform/ports.ts';
import type { AudienceDirectory, BroadcastStore, GuidelineCardPresenter, RecipientStore } from './ports.ts';

/** What the broadcasts use cases talk to. Each use case picks the few it needs. */
export interface BroadcastsDeps {
  clock: Clock;
  broadcasts: BroadcastStore;
  recipients: RecipientStore;
  directory: AudienceDirectory;
  outbound: OutboundPipeline;
  people: Pick<PeopleStore, 'get' | 'tenants'>;
  managerIndex: ManagerIndex;
  leases: LeaseStore;
  cards: GuidelineCardPresenter;
  /** The tenant's time zone, for people the directory gives none. */
  defaultTimeZone: string;
}
