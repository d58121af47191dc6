import { describe, expect, it } from 'vitest';
import { allowedActions, type PersonResource } from '../index.ts';
import {
  colleague,
  hr,
  hrElsewhere,
  learner,
  manager,
  managerElsewhere,
  otherManager,
  tenant,
} from '../testActors.ts';

const person = (userId = 'learner', tenantId = tenant): PersonResource => ({
  type: 'person',
  tenantId,
  userId,
});

describe('person policy', () => {
  it('gives nothing across tenants', () => {
    expect(allowedActions(hrElsewhere, person())).toEqual([]);
    expect(allowedActions(managerElsewhere, person())).toEqual([]);
  });

  it('lets a person see and export their own data and ask for learning time, but not nudge themselves', () => {
    expect(allowedActions(learner, person())).toEqual(['viewPerson', 'exportData', 'requestLearningTime']);
  });

  it('lets only their own manager nudge, recognise them and answer check-ins about them', () => {
    expect(allowedActions(manager, person())).toEqual(['viewPerson', 'nudge', 'recognize', 'answerCheckin']);
    expect(allowedActions(otherManager, person())).toEqual([]);
    expect(allowedActions(colleague, person())).toEqual([]);
    // A manager's own person resource: no nudging oneself through one's own report list.
    expect(allowedActions(manager, person('manager'))).toEqual([
      'viewPerson',
      'exportData',
      'requestLearningTime',
    ]);
  });

  it('lets HR see, export and erase', () => {
    expect(allowedActions(hr, person())).toEqual(['viewPerson', 'exportData', 'erase']);
  });
});
