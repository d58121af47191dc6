// Every table Drypp stores, with what it holds about people: one list per capability, declared in
// that capability's folder. A new table goes into `tableNames` (store/platform/tables.ts), into its
// capability's personalData.ts, and into docs/privacy.md; src/store/privacy/registry.test.ts fails,
// naming the table or column, until all three agree.
import { broadcastsPersonalData } from '../broadcasts/personalData.ts';
import { certificatesPersonalData } from '../certificates/personalData.ts';
import { deliveryPersonalData } from '../delivery/personalData.ts';
import { directoryPersonalData } from '../directory/personalData.ts';
import { effectPersonalData } from '../effect/personalData.ts';
import { learningPersonalData } from '../learning/personalData.ts';
import { managersPersonalData } from '../managers/personalData.ts';
import { platformPersonalData } from '../platform/personalData.ts';
import type { PersonalDataTable } from './personalDataTable.ts';
import { privacyPersonalData } from './personalData.ts';
import { sessionsPersonalData } from '../sessions/personalData.ts';

export const personalDataTables: readonly PersonalDataTable[] = [
  ...learningPersonalData,
  ...deliveryPersonalData,
  ...directoryPersonalData,
  ...managersPersonalData,
  ...certificatesPersonalData,
  ...privacyPersonalData,
  ...platformPersonalData,
  ...broadcastsPersonalData,
  ...effectPersonalData,
  ...sessionsPersonalData,
];
