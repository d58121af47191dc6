import type { Language } from '../domain/language.ts';

/** What use cases need to know about the programs in content/ (loaded and validated at start). */
export interface ProgramCatalog {
  titleOf(programId: string, language: Language): string | undefined;
}

export const emptyCatalog: ProgramCatalog = { titleOf: () => undefined };
