// Enrollment rules: which programs a person gets when they join, or when their role changes.
// Pure: the loader in src/content reads content/rules/*.yaml into RulesFileSchema; the sync calls
// matchRules with what happened. The file format is described in content/README.md.
import { z } from 'zod';
import type { DirectoryPerson } from '../directory/directoryPerson.ts';
import { Slug } from './program.ts';

export const TRIGGERS = ['joined', 'roleChanged'] as const;
export const Trigger = z.enum(TRIGGERS);
export type Trigger = z.infer<typeof Trigger>;

/** Regular expressions are matched ignoring case, anywhere in the text ("leder" matches "Avdelingsleder"). */
export const REGEX_FLAGS = 'iu';

const Pattern = z
  .string()
  .min(1)
  .max(200)
  .superRefine((source, ctx) => {
    try {
      new RegExp(source, REGEX_FLAGS);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  });

/** How a directory text field is compared: a regular expression, or a list of exact values. */
export const TextMatchSchema = z.union(
  [
    z.strictObject({ matches: Pattern }),
    z.strictObject({ equals: z.array(z.string().trim().min(1)).min(1) }),
  ],
  { error: 'use { matches: "regular expression" } or { equals: ["value", …] }' },
);
export type TextMatch = z.infer<typeof TextMatchSchema>;

const GroupId = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    "use the group's object id from Entra ID (a GUID)",
  );

/** Who a rule is for. One condition per audience; combine them with `all` or `any`. */
export type Audience =
  | { everyone: true }
  | { department: TextMatch }
  | { jobTitle: TextMatch }
  | { group: string }
  | { all: Audience[] }
  | { any: Audience[] };

export const AudienceSchema: z.ZodType<Audience> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ everyone: z.literal(true) }),
      z.strictObject({ department: TextMatchSchema }),
      z.strictObject({ jobTitle: TextMatchSchema }),
      z.strictObject({ group: GroupId }),
      z.strictObject({ all: z.array(AudienceSchema).min(1) }),
      z.strictObject({ any: z.array(AudienceSchema).min(1) }),
    ],
    {
      error:
        'audience must be one of { everyone: true }, { department: … }, { jobTitle: … }, { group: <object id> }, ' +
        '{ all: [ … ] } or { any: [ … ] }; combine conditions with all or any',
    },
  ),
);

export const EnrollmentRuleSchema = z.strictObject({
  id: Slug,
  /** For the people who maintain the rules; never shown to learners. */
  description: z.string().optional(),
  when: z
    .union([Trigger, z.array(Trigger).min(1)], {
      error: `when must be ${TRIGGERS.join(' or ')}, or a list of them`,
    })
    .transform((when): Trigger[] => [...new Set(Array.isArray(when) ? when : [when])]),
  audience: AudienceSchema,
  programs: z.array(Slug).min(1),
});
export type EnrollmentRule = z.output<typeof EnrollmentRuleSchema>;

/** One file in content/rules/. */
export const RulesFileSchema = z.strictObject({ rules: z.array(EnrollmentRuleSchema) });

export type DirectoryEvent = { kind: 'joined' } | { kind: 'roleChanged'; before: DirectoryPerson };

export interface RuleMatch {
  ruleId: string;
  programId: string;
}

/**
 * The programs the rules give `person` for `event`, each once (the first rule naming it wins). On a
 * change of role a rule applies only if the person is in its audience now and was not before: a new
 * role brings its courses, and a change of job title does not re-enroll people in what they had.
 */
export function matchRules(
  rules: readonly EnrollmentRule[],
  event: DirectoryEvent,
  person: DirectoryPerson,
): RuleMatch[] {
  const matches: RuleMatch[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!rule.when.includes(event.kind)) continue;
    if (!isInAudience(rule.audience, person)) continue;
    if (event.kind === 'roleChanged' && isInAudience(rule.audience, event.before)) continue;
    for (const programId of rule.programs) {
      if (seen.has(programId)) continue;
      seen.add(programId);
      matches.push({ ruleId: rule.id, programId });
    }
  }
  return matches;
}

export function isInAudience(
  audience: Audience,
  person: Pick<DirectoryPerson, 'department' | 'jobTitle' | 'groupIds'>,
): boolean {
  if ('everyone' in audience) return true;
  if ('department' in audience) return matchesText(audience.department, person.department);
  if ('jobTitle' in audience) return matchesText(audience.jobTitle, person.jobTitle);
  if ('group' in audience) {
    const group = audience.group.toLowerCase();
    return (person.groupIds ?? []).some((id) => id.toLowerCase() === group);
  }
  if ('all' in audience) return audience.all.every((a) => isInAudience(a, person));
  return audience.any.some((a) => isInAudience(a, person));
}

/** `equals` ignores case and surrounding spaces: directories are typed by hand. */
function matchesText(match: TextMatch, value: string | undefined): boolean {
  if (value === undefined) return false;
  if ('matches' in match) return compiled(match.matches).test(value);
  const wanted = value.trim().toLocaleLowerCase();
  return match.equals.some((candidate) => candidate.toLocaleLowerCase() === wanted);
}

const patterns = new Map<string, RegExp>();

function compiled(source: string): RegExp {
  let pattern = patterns.get(source);
  if (pattern === undefined) {
    pattern = new RegExp(source, REGEX_FLAGS);
    patterns.set(source, pattern);
  }
  return pattern;
}
