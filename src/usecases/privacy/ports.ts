import type {
  EraseContext,
  ErasureCounts,
  PersonRef,
  PersonalRow,
} from '../../domain/privacy/personalData.ts';

/** Every table's rows about one person (src/store/privacy/personalDataStore.ts). */
export interface PersonalDataStore {
  /** The person's own rows, and their part of other people's rows that name them. */
  exportPerson(person: PersonRef): Promise<PersonalRow[]>;
  /** Deletes or anonymises every row found, keeping what a legal hold keeps; counts per table. */
  erasePerson(person: PersonRef, context: EraseContext): Promise<Record<string, ErasureCounts>>;
}
