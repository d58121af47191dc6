// The groups people are counted in by the Effect view: shared by a program's figures
// (./programEffect.ts) and the managers' involvement (./managerInvolvement.ts).

/** A person as the directory knows them: the groups they are counted in. */
export interface EffectPerson {
  id: string;
  department?: string;
  managerId?: string;
}

/** Where someone has no department in the directory: grouped together, named by the view. */
export const NO_DEPARTMENT = '';
