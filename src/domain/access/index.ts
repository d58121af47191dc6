import type { Actor } from './actor.ts';
import {
  broadcastActions,
  guidelineRecipientActions,
  type BroadcastAction,
  type BroadcastResource,
  type GuidelineRecipientAction,
  type GuidelineRecipientResource,
} from './policies/broadcastPolicy.ts';
import {
  certificateActions,
  type CertificateAction,
  type CertificateResource,
} from './policies/certificatePolicy.ts';
import { effectActions, type EffectAction, type EffectFiguresResource } from './policies/effectPolicy.ts';
import {
  enrollmentActions,
  type EnrollmentAction,
  type EnrollmentResource,
} from './policies/enrollmentPolicy.ts';
import {
  learningTimeActions,
  type LearningTimeAction,
  type LearningTimeRequestResource,
} from './policies/learningTimePolicy.ts';
import { personActions, type PersonAction, type PersonResource } from './policies/personPolicy.ts';
import { privacyActions, type PersonalDataResource, type PrivacyAction } from './policies/privacyPolicy.ts';
import { stepActions, type StepAction, type StepResource } from './policies/stepPolicy.ts';
import {
  exerciseActions,
  sessionActions,
  type ExerciseAction,
  type ExerciseResource,
  type SessionAction,
  type SessionBookingResource,
} from './policies/sessionPolicy.ts';

/**
 * Access policies: one rule per resource, each starting with "same tenant", each answering with the
 * actions the actor may take (in the manner of Outline's cancan policies). Handlers ask `can` before
 * they act; the tab API sends `allowedActions` with each resource, so the front end never guesses.
 *
 *   const actor = { tenantId, userId, roles: ['learner'] };
 *   if (!can(actor, 'completeLesson', stepResource(step, state, enrollment.status))) …refuse…
 */
export type { Actor, Role } from './actor.ts';
export { learnerActor, sameTenant } from './actor.ts';
export { stepResource } from './policies/stepPolicy.ts';
export type { BroadcastAction, BroadcastResource, GuidelineRecipientAction, GuidelineRecipientResource };
export { canComposeBroadcasts } from './policies/broadcastPolicy.ts';
export { canSeeOrganisationCertificates } from './policies/certificatePolicy.ts';
export type { CertificateAction, CertificateResource };
export type {
  EffectAction,
  EffectFiguresResource,
  EnrollmentAction,
  EnrollmentResource,
  LearningTimeAction,
  LearningTimeRequestResource,
  PersonAction,
  PersonResource,
  PersonalDataResource,
  PrivacyAction,
  StepAction,
  StepResource,
  SessionAction,
  SessionBookingResource,
  ExerciseAction,
  ExerciseResource,
};

export type Resource =
  | StepResource
  | EnrollmentResource
  | PersonResource
  | LearningTimeRequestResource
  | BroadcastResource
  | GuidelineRecipientResource
  | CertificateResource
  | SessionBookingResource
  | ExerciseResource
  | EffectFiguresResource
  | PersonalDataResource;

/** The actions of each resource type, so `can(actor, 'nudge', aStep)` does not compile. */
export type ActionOn<R extends Resource> = R extends StepResource
  ? StepAction
  : R extends EnrollmentResource
    ? EnrollmentAction
    : R extends PersonResource
      ? PersonAction
      : R extends LearningTimeRequestResource
        ? LearningTimeAction
        : R extends BroadcastResource
          ? BroadcastAction
          : R extends GuidelineRecipientResource
            ? GuidelineRecipientAction
            : R extends CertificateResource
              ? CertificateAction
              : R extends SessionBookingResource
                ? SessionAction
                : R extends ExerciseResource
                  ? ExerciseAction
                  : R extends EffectFiguresResource
                    ? EffectAction
                    : R extends PersonalDataResource
                      ? PrivacyAction
                      : never;

export function allowedActions<R extends Resource>(actor: Actor, resource: R): ActionOn<R>[] {
  const r = resource as Resource;
  switch (r.type) {
    case 'step':
      return stepActions(actor, r) as ActionOn<R>[];
    case 'enrollment':
      return enrollmentActions(actor, r) as ActionOn<R>[];
    case 'person':
      return personActions(actor, r) as ActionOn<R>[];
    case 'learningTimeRequest':
      return learningTimeActions(actor, r) as ActionOn<R>[];
    case 'broadcast':
      return broadcastActions(actor, r) as ActionOn<R>[];
    case 'guidelineRecipient':
      return guidelineRecipientActions(actor, r) as ActionOn<R>[];
    case 'certificate':
      return certificateActions(actor, r) as ActionOn<R>[];
    case 'sessionBooking':
      return sessionActions(actor, r) as ActionOn<R>[];
    case 'exercise':
      return exerciseActions(actor, r) as ActionOn<R>[];
    case 'effectFigures':
      return effectActions(actor, r) as ActionOn<R>[];
    case 'personalData':
      return privacyActions(actor, r) as ActionOn<R>[];
  }
}

export function can<R extends Resource>(actor: Actor, action: ActionOn<R>, resource: R): boolean {
  return (allowedActions(actor, resource) as string[]).includes(action);
}
