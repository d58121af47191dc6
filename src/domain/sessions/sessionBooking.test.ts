import { describe, expect, it } from 'vitest';
import { ProgramSchema, type EventStep, type ProgramInput } from '../learning/program.ts';
import { checkPick, isOpen, sessionCalendarTimes, sessionInterval, sessionOffers } from './sessionBooking.ts';

const t = (en: string) => ({ en });

function programWith(step: Record<string, unknown>): ProgramInput {
  return {
    id: 'drill',
    version: 1,
    title: t('Drill'),
    description: t('Drill'),
    languages: ['en'],
    mandatory: true,
    steps: [
      {
        id: 'drill-session',
        kind: 'event',
        minutes: 120,
        due: { offsetDays: 0 },
        title: t('Drill'),
        description: t('Bring boots'),
        confirmedBy: 'facilitator',
        timeZone: 'Europe/Oslo',
        sessions: [
          {
            id: 'morning',
            start: '2027-02-09T09:00',
            capacity: 2,
            instructor: 'Isaiah@Kommune.example',
            where: t('Hall'),
          },
          {
            id: 'online',
            start: '2027-02-10T13:00',
            capacity: 1,
            instructor: 'isaiah@kommune.example',
            meetingUrl: 'https://teams.microsoft.com/l/meetup-join/x',
          },
        ],
        ...step,
      },
    ] as ProgramInput['steps'],
  };
}

function messages(input: unknown): string[] {
  const result = ProgramSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const eventOf = (input: ProgramInput) => ProgramSchema.parse(input).steps[0] as EventStep;

describe('sessions in content', () => {
  it('accepts sessions with a place or a meeting link, and reads instructors without case', () => {
    expect(messages(programWith({}))).toEqual([]);
    expect(eventOf(programWith({})).sessions?.[0]?.instructor).toBe('isaiah@kommune.example');
  });

  it('says plainly what is wrong with a session, every problem at once', () => {
    const input = programWith({
      when: '2027-01-01T09:00',
      confirmedBy: 'self',
      timeZone: 'Oslo',
      sessions: [
        { id: 'a', start: '9 February', capacity: 0, instructor: 'Isaiah', where: t('Hall') },
        { id: 'a', start: '2027-02-09T09:00', capacity: 3, instructor: 'i@k.example' },
      ],
    });
    expect(messages(input)).toEqual([
      'steps.0.sessions.0.start: use a local date and time, e.g. 2025-09-01T09:00',
      'steps.0.sessions.0.capacity: a session needs room for at least one person',
      'steps.0.sessions.0.instructor: name the person by their sign-in name, e.g. maja.berg@kommune.no',
      'steps.0.sessions.1: a session needs a place (where) or a Teams meeting link (meetingUrl)',
      'steps.0.timeZone: use an IANA time zone, e.g. Europe/Oslo',
      'steps.0.sessions.1.id: session id "a" is already used by sessions[0]',
      'steps.0.when: an event with sessions takes its times from them: remove when',
      'steps.0.confirmedBy: attendance at a session is marked by its instructor or the manager: use confirmedBy: facilitator',
    ]);
  });

  it('needs the assessor of a practical exercise by sign-in name', () => {
    const input = programWith({});
    input.steps.push({
      id: 'exercise',
      kind: 'practical',
      minutes: 60,
      due: { offsetDays: 1 },
      title: t('Exercise'),
      description: t('In smoke'),
      assessor: 'Maja',
    } as ProgramInput['steps'][number]);
    expect(messages(input)).toEqual([
      'steps.1.assessor: name the person by their sign-in name, e.g. maja.berg@kommune.no',
    ]);
  });
});

describe('session offers', () => {
  const step = eventOf(programWith({}));
  const before = new Date('2027-02-01T08:00:00Z');

  it('places a local start in the step time zone, lasting the step minutes', () => {
    const { start, end } = sessionInterval(step, step.sessions![0]!, 'UTC');
    expect(start.toISOString()).toBe('2027-02-09T08:00:00.000Z'); // 09:00 in Oslo, winter time
    expect(end.toISOString()).toBe('2027-02-09T10:00:00.000Z');
    expect(sessionCalendarTimes(step, step.sessions![0]!, 'UTC')).toEqual({
      start: '2027-02-09T09:00:00',
      end: '2027-02-09T11:00:00',
      timeZone: 'Europe/Oslo',
    });
  });

  it('offers only sessions with places left that have not begun', () => {
    const full = sessionOffers(step, new Map([['online', 1]]), before, 'UTC');
    expect(full.filter(isOpen).map((o) => o.session.id)).toEqual(['morning']);
    const later = sessionOffers(step, new Map(), new Date('2027-02-09T08:00:00Z'), 'UTC');
    expect(later.filter(isOpen).map((o) => o.session.id)).toEqual(['online']);
  });

  it('refuses on the server whatever the card offered: full, begun, unknown, the same again, attended', () => {
    const offers = sessionOffers(step, new Map([['online', 1]]), before, 'UTC');
    expect(checkPick(offers, 'online', undefined)).toBe('full');
    expect(checkPick(offers, 'evening', undefined)).toBe('noSuchSession');
    expect(checkPick(offers, 'morning', undefined)).toBeUndefined();
    const booking = { status: 'booked' as const, sessionId: 'morning' };
    expect(checkPick(offers, 'morning', booking as never)).toBe('alreadyBooked');
    expect(checkPick(offers, 'morning', { ...booking, status: 'attended' } as never)).toBe(
      'attendanceMarked',
    );
    expect(checkPick(offers, 'morning', { ...booking, status: 'absent' } as never)).toBeUndefined();
    const begun = sessionOffers(step, new Map(), new Date('2027-02-09T08:30:00Z'), 'UTC');
    expect(checkPick(begun, 'morning', undefined)).toBe('started');
  });
});
