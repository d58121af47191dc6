// Learning paths by role: what a job title or a department requires (programs and certifications).
// Pure: the loader in src/content reads content/paths/*.yaml into RolePathSchema; directory sync
// assigns what `requirementsFor` answers; My learning shows it with `requirementStatus`.
import { z } from 'zod';
import { AudienceSchema, isInAudience, type Audience, type DirectoryEvent } from '../enrollmentRules.ts';
import { LanguageCode, LocalizedText, Slug } from '../program.ts';

export const RolePathSchema = z
  .strictObject({
    /** The file's name; shown to nobody, kept in reports of who required what. */
    id: Slug,
    /** For the people who maintain paths; never shown to learners. */
    description: z.string().optional(),
    languages: z
      .array(LanguageCode)
      .min(1)
      .refine((l) => l.includes('en'), 'languages must include en'),
    /** Shown in My learning: "Your path: Firefighter". */
    title: LocalizedText,
    /** Job titles and departments (and everyone): `group` is for enrollment rules, not for a role. */
    audience: AudienceSchema,
    programs: z.array(Slug).default([]),
    certifications: z.array(Slug).default([]),
  })
  .superRefine((path, ctx) => {
    if (path.programs.length + path.certifications.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['programs'],
        message: 'a path needs at least one program or certification',
      });
    }
    const missing = path.languages.filter((l) => path.title[l] === undefined);
    if (missing.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: `missing text for ${missing.join(', ')}` });
    }
    if (usesGroup(path.audience)) {
      ctx.addIssue({
        code: 'custom',
        path: ['audience'],
        message:
          'a path is for job titles and departments (or everyone); use an enrollment rule (rules/) for a group',
      });
    }
  });
export type RolePath = z.output<typeof RolePathSchema>;

/** Who a role is: what the directory says of the person's job. */
export type RoleOf = { department?: string; jobTitle?: string };

export interface Requirement {
  kind: 'program' | 'certification';
  id: string;
  /** Every path of the person's role that asks for it, in content order. */
  pathIds: string[];
}

/** The paths the person's role is on, in content (file name) order. */
export function pathsFor(paths: readonly RolePath[], role: RoleOf): RolePath[] {
  return paths.filter((p) => isInAudience(p.audience, role));
}

/**
 * Everything the person's role requires now, each once (programs first, then certifications, in the
 * order the paths name them). What an earlier role required and this one does not is not here: it is
 * kept as it stands (see README, "Learning paths by role"), never withdrawn by a change of role.
 */
export function requirementsFor(paths: readonly RolePath[], role: RoleOf): Requirement[] {
  const found = new Map<string, Requirement>();
  const add = (kind: Requirement['kind'], id: string, pathId: string) => {
    const key = `${kind}|${id}`;
    const seen = found.get(key);
    if (seen) seen.pathIds.push(pathId);
    else found.set(key, { kind, id, pathIds: [pathId] });
  };
  const on = pathsFor(paths, role);
  for (const p of on) for (const id of p.programs) add('program', id, p.id);
  for (const p of on) for (const id of p.certifications) add('certification', id, p.id);
  return [...found.values()];
}

/**
 * What a directory event brings: a new hire gets every path of their role; a change of role brings
 * the paths the person is on now and was not on before (as enrollment rules do), so staying a
 * firefighter while moving station brings nothing, and a path for everyone never fires on a change
 * of role (nobody is sent the welcome programme for changing department). Each requirement once.
 */
export function requirementsGained(
  paths: readonly RolePath[],
  event: DirectoryEvent,
  role: RoleOf,
): Requirement[] {
  if (event.kind === 'joined') return requirementsFor(paths, role);
  const before = new Set(pathsFor(paths, event.before).map((p) => p.id));
  return requirementsFor(
    paths.filter((p) => !before.has(p.id)),
    role,
  );
}

/**
 * Where one requirement stands for the person, as My learning shows it:
 * - `required`: nothing started (not assigned yet, or withdrawn);
 * - `due` / `overdue`: started, not done; overdue once a step or the certification's due date passed;
 * - `done`: the program completed, or the certificate valid;
 * - `expiring`: the certificate still valid, its renewal window open;
 * - `expired`: the certificate lapsed (someone who held it, unlike `required`).
 */
export type RequirementStatus = 'required' | 'due' | 'overdue' | 'done' | 'expiring' | 'expired';

export type ProgramStanding =
  | { enrollment: 'none' | 'withdrawn' | 'expired' }
  | { enrollment: 'active'; overdue: boolean }
  | { enrollment: 'completed' };

export type CertificationStanding = 'none' | 'assigned' | 'overdue' | 'certified' | 'renewalOpen' | 'expired';

export function programRequirementStatus(standing: ProgramStanding): RequirementStatus {
  if (standing.enrollment === 'completed') return 'done';
  if (standing.enrollment === 'active') return standing.overdue ? 'overdue' : 'due';
  return 'required';
}

export function certificationRequirementStatus(standing: CertificationStanding): RequirementStatus {
  const map: Record<CertificationStanding, RequirementStatus> = {
    none: 'required',
    assigned: 'due',
    overdue: 'overdue',
    certified: 'done',
    renewalOpen: 'expiring',
    expired: 'expired',
  };
  return map[standing];
}

function usesGroup(audience: Audience): boolean {
  if ('group' in audience) return true;
  if ('all' in audience) return audience.all.some(usesGroup);
  if ('any' in audience) return audience.any.some(usesGroup);
  return false;
}
