import type { Language } from '../../domain/platform/language.ts';
import { textFor, type Program } from '../../domain/learning/program.ts';

/** What use cases need to know about the programs in content/ (loaded and validated at start). */
export interface ProgramCatalog {
  titleOf(programId: string, language: Language): string | undefined;
  find(programId: string): Program | undefined;
  /** Every program, in content order (sessions' rosters look through their event steps). */
  all(): readonly Program[];
}

export function catalogOf(programs: Program[]): ProgramCatalog {
  const byId = new Map(programs.map((p) => [p.id, p]));
  return {
    find: (programId) => byId.get(programId),
    all: () => programs,
    titleOf(programId, language) {
      const program = byId.get(programId);
      return program ? textFor(program.title, language) : undefined;
    },
  };
}

export const emptyCatalog: ProgramCatalog = catalogOf([]);
