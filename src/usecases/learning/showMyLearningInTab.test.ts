import { describe, expect, it } from 'vitest';
import { fakeManagersDeps, seedTeam, team } from '../managers/testing/fakes.ts';
import type { TeamReadDeps } from '../managers/team/teamReadDeps.ts';
import { requestLearningTime } from '../managers/learningTime/requestLearningTime.ts';
import { showMyLearningInTab } from './showMyLearningInTab.ts';
import { testProgram } from './testing/fakes.ts';

/**
 * My learning names "today" as the server checks a learning-time request: in the person's own time
 * zone. Half an hour after midnight in Oslo it is still yesterday in UTC (and in the browser of
 * someone whose machine runs in UTC); the form must start at Oslo's day, and that day is accepted.
 */
const HALF_PAST_MIDNIGHT_IN_OSLO = new Date('2025-12-01T23:30:00Z'); // 00:30 on 2 December in Oslo

async function setUp(timeZone: string | undefined) {
  const deps = fakeManagersDeps([testProgram()]);
  deps.clock.set(HALF_PAST_MIDNIGHT_IN_OSLO);
  await seedTeam(deps);
  const learner = (await deps.people.get(team.tenantId, team.learner))!;
  await deps.people.upsert({ ...learner, timeZone });
  const reads: TeamReadDeps = {
    ...deps,
    managerIndex: { reportsOf: async () => [], apply: async () => {} },
    teamSummaries: { listTeamView: async () => [] },
    defaultTimeZone: 'Europe/Oslo',
  };
  return { deps, reads };
}
const caller = { tenantId: team.tenantId, userId: team.learner, appRoles: [] };

describe('My learning’s today', () => {
  it('is the day in the person’s own zone, and a request for it is accepted', async () => {
    const { deps, reads } = await setUp('Europe/Oslo');
    const mine = await showMyLearningInTab(reads, caller);
    expect(mine.today).toBe('2025-12-02');
    const asked = await requestLearningTime(
      deps,
      caller,
      'form-1',
      { date: mine.today, minutes: '30', programId: 'other', text: 'first aid' },
      'Europe/Oslo',
    );
    expect(asked.kind).toBe('requested');
    // The UTC day, which a browser running in UTC would offer, is already past in Oslo.
    const utcDay = await requestLearningTime(
      deps,
      caller,
      'form-2',
      { date: '2025-12-01', minutes: '30', programId: 'other', text: 'first aid' },
      'Europe/Oslo',
    );
    expect(utcDay).toMatchObject({ kind: 'invalid', problems: { date: 'dateInPast' } });
  });

  it('follows a person who lives in another zone, and the tenant’s zone for someone with none', async () => {
    expect((await showMyLearningInTab((await setUp('America/New_York')).reads, caller)).today).toBe(
      '2025-12-01',
    );
    expect((await showMyLearningInTab((await setUp(undefined)).reads, caller)).today).toBe('2025-12-02');
  });
});
