import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../../domain/broadcasts/recipient.ts';
import type {
  EffectGroupFiguresView,
  EffectInvolvementFiguresView,
  EffectRequestFiguresView,
  EffectResponse,
  FigureView,
} from './contract.ts';

export const EFFECT_CSV_COLUMNS = [
  'program',
  'level',
  'name',
  'people',
  'enrolled',
  'completion %',
  'on time %',
  'quiz first attempt %',
  'quiz final %',
  'self-assessment before',
  'self-assessment after',
  'self-assessment change',
  'active last week %',
  'useful %',
  'comments',
  'learning-time requests',
  'requests decided',
  'requests approved',
  'requests denied',
  'median hours to decision',
  'check-ins asked',
  'check-ins answered',
  'nudges sent',
  'thanks sent',
] as const;

/** The program column of the manager-involvement rows, which cover every program. */
export const ALL_PROGRAMS = 'all programs';

/** What a hidden figure's cells say: never a number, not even the group's size. */
export const HIDDEN = 'fewer than 5';

type Cells = Partial<Record<(typeof EFFECT_CSV_COLUMNS)[number], string | number | null>>;

/**
 * The Effect view as CSV (RFC 4180, by csv-stringify): per program, the whole program, each department
 * and manager, each quiz question, each self-assessment statement and each item's pulse; then manager
 * involvement over all programs, for everyone, each department and each manager. Cells pass
 * spreadsheetSafe (a leading `'` before `=`, `+`, `-`, `@`, tab, CR), so no name runs as a formula.
 */
export function effectCsv(view: EffectResponse): string {
  const rows: Cells[] = [];
  for (const p of view.programs) {
    const base = { program: p.title };
    rows.push({
      ...base,
      level: 'program',
      name: p.title,
      ...groupCells(p.overall),
      ...requestCells(p.learningTime),
      ...checkinCells(p.checkins),
    });
    for (const d of p.departments)
      rows.push({ ...base, level: 'department', name: d.name ?? '', ...groupCells(d.figures) });
    for (const m of p.managers)
      rows.push({ ...base, level: 'manager', name: m.name ?? '', ...groupCells(m.figures) });
    for (const q of p.questions) {
      rows.push({
        ...base,
        level: 'question',
        name: `${q.stepTitle}: ${q.prompt}`,
        ...figure(
          q.answered,
          (v) => ({
            'quiz first attempt %': v.firstAttemptRightPercent,
            'quiz final %': v.finalRightPercent,
          }),
          ['quiz first attempt %', 'quiz final %'],
        ),
      });
    }
    for (const s of p.statements) {
      rows.push({
        ...base,
        level: 'statement',
        name: s.text,
        people: s.before.shown ? s.before.people : HIDDEN,
        'self-assessment before': s.before.shown ? s.before.value : HIDDEN,
        'self-assessment after': s.after.shown ? s.after.value : HIDDEN,
        'self-assessment change': s.change.shown ? s.change.value : HIDDEN,
      });
    }
    for (const s of p.steps)
      rows.push({
        ...base,
        level: 'item',
        name: s.title,
        ...figure(
          s.pulse,
          (v) => ({ 'useful %': v.usefulPercent, comments: v.commentCount ?? v.comments.length }),
          ['useful %', 'comments'],
        ),
      });
  }
  const involvement = view.involvement;
  if (involvement) {
    const base = { program: ALL_PROGRAMS };
    rows.push({ ...base, level: 'managers', name: 'everyone', ...involvementCells(involvement.overall) });
    for (const d of involvement.departments)
      rows.push({ ...base, level: 'department', name: d.name ?? '', ...involvementCells(d.figures) });
    for (const m of involvement.managers)
      rows.push({ ...base, level: 'manager', name: m.name ?? '', ...involvementCells(m.figures) });
  }
  const records = rows.map((row) => EFFECT_CSV_COLUMNS.map((c) => cell(row[c])));
  return stringify([[...EFFECT_CSV_COLUMNS], ...records]);
}

const GROUP_COLUMNS = [
  'enrolled',
  'completion %',
  'on time %',
  'quiz first attempt %',
  'quiz final %',
  'self-assessment before',
  'self-assessment after',
  'self-assessment change',
  'active last week %',
] as const;
const REQUEST_COLUMNS = [
  'learning-time requests',
  'requests decided',
  'requests approved',
  'requests denied',
  'median hours to decision',
] as const;
const CHECKIN_COLUMNS = ['check-ins asked', 'check-ins answered'] as const;
const CARD_COLUMNS = ['nudges sent', 'thanks sent'] as const;

/** A part's cells without its number of people (the row's `people` is the group's). */
function part<T>(f: FigureView<T>, cells: (value: T) => Cells, columns: ReadonlyArray<keyof Cells>): Cells {
  const { people: _people, ...rest } = figure(f, cells, columns);
  return rest;
}

function requestCells(f: FigureView<EffectRequestFiguresView>): Cells {
  return part(
    f,
    (v) => ({
      'learning-time requests': v.asked,
      'requests decided': v.decided,
      'requests approved': v.approved,
      'requests denied': v.denied,
      'median hours to decision': v.medianHoursToDecision,
    }),
    REQUEST_COLUMNS,
  );
}

function checkinCells(f: FigureView<{ asked: number; answered: number }>): Cells {
  return part(f, (v) => ({ 'check-ins asked': v.asked, 'check-ins answered': v.answered }), CHECKIN_COLUMNS);
}

function involvementCells(f: FigureView<EffectInvolvementFiguresView>): Cells {
  return figure(
    f,
    (v) => ({
      ...requestCells(v.requests),
      ...checkinCells(v.checkins),
      ...part(v.cards, (c) => ({ 'nudges sent': c.nudges, 'thanks sent': c.recognitions }), CARD_COLUMNS),
    }),
    [...REQUEST_COLUMNS, ...CHECKIN_COLUMNS, ...CARD_COLUMNS],
  );
}

function groupCells(f: FigureView<EffectGroupFiguresView>): Cells {
  return figure(
    f,
    (v) => ({
      enrolled: v.enrolled,
      'completion %': v.completionPercent,
      'on time %': v.onTime.shown ? v.onTime.value.percent : HIDDEN,
      'quiz first attempt %': v.quiz.shown ? v.quiz.value.firstAttemptPercent : HIDDEN,
      'quiz final %': v.quiz.shown ? v.quiz.value.finalPercent : HIDDEN,
      'self-assessment before': v.selfAssessment.shown ? v.selfAssessment.value.before : HIDDEN,
      'self-assessment after': v.selfAssessment.shown ? v.selfAssessment.value.after : HIDDEN,
      'self-assessment change': v.selfAssessment.shown ? v.selfAssessment.value.change : HIDDEN,
      'active last week %': v.weeklyActive.at(-2)?.activePercent ?? null,
    }),
    GROUP_COLUMNS,
  );
}

/** A shown figure's cells with its number of people; a hidden one says so in every cell it would fill. */
function figure<T>(f: FigureView<T>, cells: (value: T) => Cells, columns: ReadonlyArray<keyof Cells>): Cells {
  if (f.shown) return { people: f.people, ...cells(f.value) };
  return { people: HIDDEN, ...Object.fromEntries(columns.map((c) => [c, HIDDEN])) };
}

/** Numbers are ours and stay numbers (a change of -0.5 is not a formula); text passes spreadsheetSafe. */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : spreadsheetSafe(value);
}
