// xAPI 1.0.3 statements from learning records. Pure: the same record and pseudonym always give the
// same statements, ids included, so a resent record is recognised by the LRS and never stored twice.
import { v5 as uuidv5 } from 'uuid';
import type { LearningRecord } from './learningRecord.ts';

/** Drypp's namespace for statement and registration ids (UUID v5); never change it. */
export const DRYPP_XAPI_NAMESPACE = '3b0d4a3e-6f0c-4f6e-9a63-6f1c0b8d9e21';

const ADL = 'http://adlnet.gov/expapi';

export const xapiVerbs = {
  experienced: `${ADL}/verbs/experienced`,
  answered: `${ADL}/verbs/answered`,
  passed: `${ADL}/verbs/passed`,
  failed: `${ADL}/verbs/failed`,
  completed: `${ADL}/verbs/completed`,
  attended: `${ADL}/verbs/attended`,
  /** From the Tin Can registry: a certification earned. */
  earned: 'http://id.tincanapi.com/verb/earned',
} as const;

/** Where Drypp's own IRIs live (activities, the acknowledged verb, extensions). */
export interface XapiSettings {
  /** `https://…`, no trailing slash: activities are `{base}/programs/{id}`, `{base}/programs/{id}/steps/{id}`. */
  activityBase: string;
  /** The organisation's home page for the pseudonymous account; `{tenant}` becomes the tenant id. */
  homePage: string;
}

/** Localised names for the activity definitions (program and step titles from the content). */
export interface ActivityNames {
  program(programId: string): Record<string, string> | undefined;
  step(programId: string, stepId: string): Record<string, string> | undefined;
}

export interface XapiStatement {
  id: string;
  actor: { objectType: 'Agent'; account: { homePage: string; name: string } };
  verb: { id: string; display: Record<string, string> };
  object: {
    objectType: 'Activity';
    id: string;
    definition: { type: string; name?: Record<string, string> };
  };
  result?: { score?: { scaled: number }; success?: boolean; completion?: boolean };
  context: {
    registration?: string;
    platform: string;
    language?: string;
    contextActivities?: { parent?: Array<{ objectType: 'Activity'; id: string }> };
    extensions?: Record<string, unknown>;
  };
  timestamp: string;
  version: '1.0.3';
}

const activityTypes = {
  program: `${ADL}/activities/course`,
  lesson: `${ADL}/activities/lesson`,
  quiz: `${ADL}/activities/assessment`,
  session: `${ADL}/activities/meeting`,
};

/**
 * The statements of one record, for the person's pseudonym (never their name, e-mail or object id).
 * Ids are UUID v5 of tenant, pseudonym, activity, attempt and verb: a record sent twice gives the same
 * ids, and once the pseudonym is forgotten, nobody can compute which statements were the person's.
 */
export function statementsOf(
  record: LearningRecord,
  pseudonym: string,
  settings: XapiSettings,
  names: ActivityNames,
): XapiStatement[] {
  const base = settings.activityBase;
  const iri = {
    program: (p: string) => `${base}/programs/${encodeURIComponent(p)}`,
    step: (p: string, s: string) =>
      `${base}/programs/${encodeURIComponent(p)}/steps/${encodeURIComponent(s)}`,
    certification: (c: string) => `${base}/certifications/${encodeURIComponent(c)}`,
  };
  const actor = {
    objectType: 'Agent' as const,
    account: { homePage: settings.homePage.replaceAll('{tenant}', record.tenantId), name: pseudonym },
  };
  const lang = record.language ?? 'en';
  // The activity's name in the person's language (nb-NO finds nb), else English, else what there is.
  const pick = (text: Record<string, string> | undefined) => {
    if (!text || Object.keys(text).length === 0) return undefined;
    const key = [lang, lang.split('-')[0]!, 'en'].find((k) => k in text) ?? Object.keys(text)[0]!;
    return { [key]: text[key]! };
  };

  const make = (
    verb: keyof typeof xapiVerbs | 'acknowledged',
    object: { id: string; type: string; name?: Record<string, string> },
    attempt: number | string,
    extra: {
      result?: XapiStatement['result'];
      parent?: string;
      programId?: string;
      extensions?: Record<string, unknown>;
    } = {},
  ): XapiStatement => {
    const verbId = verb === 'acknowledged' ? `${base}/verbs/acknowledged` : xapiVerbs[verb];
    const id = uuidv5(
      [record.tenantId, pseudonym, object.id, String(attempt), verbId].join('\n'),
      DRYPP_XAPI_NAMESPACE,
    );
    return {
      id,
      actor,
      verb: { id: verbId, display: { en: verb } },
      object: {
        objectType: 'Activity',
        id: object.id,
        definition: { type: object.type, ...(object.name ? { name: object.name } : {}) },
      },
      ...(extra.result ? { result: extra.result } : {}),
      context: {
        ...(extra.programId
          ? {
              registration: uuidv5(
                [record.tenantId, pseudonym, iri.program(extra.programId)].join('\n'),
                DRYPP_XAPI_NAMESPACE,
              ),
            }
          : {}),
        platform: 'Drypp',
        language: lang,
        ...(extra.parent
          ? { contextActivities: { parent: [{ objectType: 'Activity', id: extra.parent }] } }
          : {}),
        ...(extra.extensions ? { extensions: extra.extensions } : {}),
      },
      timestamp: record.at,
      version: '1.0.3',
    };
  };

  const statements: XapiStatement[] = [];
  for (const e of record.events) {
    switch (e.kind) {
      case 'lessonExperienced':
        statements.push(
          make(
            'experienced',
            {
              id: iri.step(e.programId, e.stepId),
              type: activityTypes.lesson,
              name: pick(names.step(e.programId, e.stepId)),
            },
            1,
            {
              parent: iri.program(e.programId),
              programId: e.programId,
            },
          ),
        );
        break;
      case 'quizAnswered': {
        const quiz = {
          id: iri.step(e.programId, e.stepId),
          type: activityTypes.quiz,
          name: pick(names.step(e.programId, e.stepId)),
        };
        const common = {
          parent: iri.program(e.programId),
          programId: e.programId,
          extensions: { [`${base}/extensions/attempt`]: e.attempt },
        };
        const score = { scaled: Math.round(e.score * 10_000) / 10_000 };
        statements.push(
          make('answered', quiz, e.attempt, {
            ...common,
            result: { score, success: e.passed, completion: true },
          }),
        );
        if (e.finished)
          statements.push(
            make(e.passed ? 'passed' : 'failed', quiz, e.attempt, {
              ...common,
              result: { score, success: e.passed, completion: true },
            }),
          );
        break;
      }
      case 'sessionAttended':
        statements.push(
          make(
            'attended',
            {
              id: iri.step(e.programId, e.stepId),
              type: activityTypes.session,
              name: pick(names.step(e.programId, e.stepId)),
            },
            1,
            {
              parent: iri.program(e.programId),
              programId: e.programId,
            },
          ),
        );
        break;
      case 'guidelineAcknowledged':
        // A defined activity of Drypp's: a new version of the text is acknowledged anew (its own statement).
        statements.push(
          make(
            'acknowledged',
            {
              id: iri.step(e.programId, e.stepId),
              type: `${base}/activity-types/guideline`,
              name: pick(names.step(e.programId, e.stepId)),
            },
            e.textVersion,
            {
              parent: iri.program(e.programId),
              programId: e.programId,
              result: { completion: true },
              extensions: { [`${base}/extensions/text-version`]: e.textVersion },
            },
          ),
        );
        break;
      case 'programCompleted':
        statements.push(
          make(
            'completed',
            {
              id: iri.program(e.programId),
              type: activityTypes.program,
              name: pick(names.program(e.programId)),
            },
            1,
            {
              programId: e.programId,
              result: { completion: true },
            },
          ),
        );
        break;
      case 'certificationEarned':
        statements.push(
          make(
            'earned',
            { id: iri.certification(e.certificationId), type: `${base}/activity-types/certification` },
            e.issuedAt,
            {
              result: { completion: true, success: true },
              ...(e.expiresAt ? { extensions: { [`${base}/extensions/expires-at`]: e.expiresAt } } : {}),
            },
          ),
        );
        break;
    }
  }
  return statements;
}
