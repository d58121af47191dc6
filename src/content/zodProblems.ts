// Turns zod issues into one plain reason per place, resolving union noise into the branch that was meant.
import type { z } from 'zod';
import { STEP_KINDS } from '../domain/learning/program.ts';
import type { DataPath } from './yamlLocation.ts';
import { contentMessages } from './messages.ts';

export interface SchemaProblem {
  path: DataPath;
  reason: string;
  /** Point at the key rather than its value (unknown fields). */
  atKey: boolean;
}

/** Per-parse error map: name missing fields plainly; everything else keeps zod's message. */
export function contentErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return contentMessages.requiredField;
  return undefined;
}

export function schemaProblems(issues: readonly z.core.$ZodIssue[], base: DataPath = []): SchemaProblem[] {
  return issues.flatMap((issue) => problemsOf(issue, base));
}

function problemsOf(issue: z.core.$ZodIssue, base: DataPath): SchemaProblem[] {
  const path = [...base, ...issue.path];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...path, key],
        reason: contentMessages.unknownField(key),
        atKey: true,
      }));
    case 'invalid_union': {
      if (issue.errors.length === 0 && 'discriminator' in issue && issue.discriminator === 'kind') {
        return [{ path, reason: contentMessages.unknownKind([...STEP_KINDS]), atKey: false }];
      }
      // Our unions are of strict objects: the branch that recognises every field is the one meant.
      const meant = issue.errors.filter(
        (branch) => !branch.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0),
      );
      if (meant.length === 1 && meant[0] !== undefined) return schemaProblems(meant[0], path);
      return [{ path, reason: issue.message, atKey: false }];
    }
    default:
      return [{ path, reason: issue.message, atKey: false }];
  }
}
