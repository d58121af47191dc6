import { privacyEn } from './privacy/en.ts';
import { placementEn } from './placement/en.ts';
import { effectEn } from './effect/en.ts';
import { broadcastsEn } from './broadcasts/en.ts';
import { managersEn } from './managers/en.ts';
import { certificatesEn } from './certificates/en.ts';
import { sessionsEn } from './sessions/en.ts';

export const en = {
  welcome: {
    title: 'Welcome to Drypp',
    body:
      'Drypp brings your onboarding and learning to you here in Teams, a few minutes at a time. ' +
      'Short lessons, quizzes and reflections arrive in this chat when they are due, and you answer them right in the card.',
    nextSteps:
      'You do not need to do anything now. Your first item arrives here as soon as you are enrolled.',
    myLearningButton: 'My learning',
    helpButton: 'Help',
  },
  help: {
    title: 'What I can do',
    intro: 'Type one of these commands, or use the buttons:',
    commands: [
      { command: 'my learning', description: 'your programs, your progress and what is due next' },
      { command: 'next', description: 'in a self-paced program, the next item now' },
      { command: 'request learning time', description: 'ask your manager for time to learn' },
      { command: 'sessions', description: 'mark attendance at the sessions you lead' },
      { command: 'help', description: 'this list' },
    ],
    notUnderstood: 'I did not understand that. Here is what I can do:',
    privacy: 'Your answers are seen only by you, HR and, where a program says so, your manager.',
  },
  next: {
    queued: 'Your next item is on its way and arrives in a moment.',
    notSelfPaced: 'Your programs send each item when it is due, so there is nothing to fetch early.',
    nothingNext: 'You have everything already: there is no next item waiting.',
  },
  managerNotice: {
    title: (name: string) => `${name} is joining your team`,
    starts: (name: string, start: string, department?: string) =>
      `${name} starts ${start}${department ? ` in ${department}` : ''}. This is their plan in Drypp:`,
    plan: 'Their plan',
    program: (steps: number, mandatory: boolean) =>
      `${steps} short steps · ${mandatory ? 'mandatory' : 'voluntary'}`,
    yourPart:
      'Set aside a little time in their first weeks for these items: where leaders make time, learning happens. You will see their progress in the My team tab.',
  },
  myLearning: {
    title: 'My learning',
    emptyTitle: 'Nothing to learn just yet',
    emptyBody:
      'You are not enrolled in any program. When your organisation enrolls you, your first item arrives in this chat.',
    progress: (done: number, total: number) => `${done} of ${total} steps done`,
    nextItem: (title: string) => `Next: ${title}`,
    nextDue: (date: string) => `Next item due ${date}`,
    status: {
      active: 'In progress',
      completed: 'Completed',
      withdrawn: 'Withdrawn',
      expired: 'Expired',
    },
    unknownProgram: 'A program that is no longer available',
  },
  notServed: {
    title: 'Drypp is not set up for your organisation',
    body: 'Drypp is not set up for your organisation yet, so nothing was saved. Ask your IT department if you expected to use it.',
  },
  cardAction: {
    opening: 'Opening…',
    outdated: 'This card is out of date. Type help to see what you can do now.',
  },
  error: {
    title: 'Something went wrong',
    body: 'Drypp could not finish that. Please try again in a moment. If it keeps happening, give this reference to your IT support:',
  },
  step: {
    position: (step: number, total: number) => `Step ${step} of ${total}`,
    mandatory: 'Mandatory',
    voluntary: 'Voluntary',
    minutes: (minutes: number) => `${minutes} min`,
    due: (date: string) => `due ${date}`,
    reminder: (date: string | undefined) =>
      date ? `Reminder: this was due ${date}` : 'Reminder: this is still waiting for you',
    done: 'Done ✓',
    /** Locale for dates Drypp formats itself, such as an event's time. */
    dateLocale: 'en-GB',
    lesson: {
      markDone: 'Mark as done',
      watchVideo: 'Watch the video',
      captions: 'Captions',
      transcript: 'Read the transcript',
    },
    quiz: {
      questionNumber: (n: number, total: number) => `Question ${n} of ${total}`,
      chooseOne: 'Choose one answer',
      chooseAny: 'Choose all that apply',
      submit: 'Submit answers',
      attempt: (attempt: number, allowed: number) => `Attempt ${attempt} of ${allowed}`,
      chooseAnswer: 'Choose an answer for every question',
      scored: (right: number, total: number, percent: number, passed: boolean) =>
        `You scored ${right} of ${total} (${percent}%) — ${passed ? 'passed' : 'not passed'}`,
      passMark: (percent: number) => `You need ${percent}% to pass.`,
      youChose: (answers: string) => `You chose: ${answers}`,
      nothingChosen: 'You chose nothing',
      tryAgain: 'Try again',
      attemptsLeft: (n: number) => (n === 1 ? 'You have 1 attempt left.' : `You have ${n} attempts left.`),
      noAttemptsLeft: 'You have used all your attempts.',
      reviewLater: 'The questions you missed will come back in a few days, so that they stick.',
    },
    review: {
      kicker: 'Review',
      title: 'Quick review',
      intro: 'You missed this one last time — try again',
      submit: 'Submit answer',
      correct: 'Right this time ✓',
      wrong: 'Not quite yet ✗',
      comesBackAgain: 'This question will come back again later.',
      learned: 'You have got this one now. It will not come back.',
    },
    reflection: {
      label: 'Your reflection',
      placeholder: 'Write a few sentences…',
      limit: (max: number) => `Up to ${max} characters.`,
      share: 'Share with my manager',
      shareNote: 'Your manager sees your reflection only if you choose to share it.',
      submit: 'Save my reflection',
      empty: 'Write something first',
      tooLong: (length: number, max: number) => `Your reflection is too long: ${length} of ${max} characters`,
      saved: 'Saved ✓ This is what you wrote:',
      shared: 'Shared with your manager.',
      notShared: 'Not shared with your manager.',
    },
    acknowledge: {
      version: (version: string) => `Version ${version}`,
      confirm: 'I have read and understood',
      confirmed: (version: string, at: string) =>
        `You confirmed on ${at} that you have read and understood version ${version}.`,
    },
    event: {
      when: 'When',
      where: 'Where',
      online: 'Online meeting',
      join: 'Join',
      attended: 'I attended',
      selfConfirms: 'Press "I attended" once you have taken part.',
      facilitatorConfirms: 'The facilitator confirms your attendance after the session.',
      attendanceConfirmed: 'Attendance confirmed ✓',
    },
    programCompleted: {
      title: 'Well done!',
      body: (programTitle: string) => `You have completed ${programTitle}.`,
      next: 'You can see everything you have done under My learning.',
    },
  },
  outdated: {
    alreadyDone: {
      title: 'Already done',
      body: 'You have already done this step, so your answer was not saved again.',
    },
    oldVersion: {
      title: 'This card is out of date',
      body: 'The program has been updated since this card was sent, so this answer was not saved. Open My learning to see what is next.',
    },
    notYours: {
      title: 'This card belongs to someone else',
      body: 'Only the person it was sent to can answer it.',
    },
    notActive: {
      title: 'This program is no longer active',
      body: 'You are no longer taking part in this program (it was completed, withdrawn or has expired), so this answer was not saved.',
    },
    unknown: {
      title: 'This card is out of date',
      body: 'Drypp could not match this card to anything you are doing now, so this answer was not saved.',
    },
    nothingChanged: 'Nothing was changed.',
  },
  managers: managersEn,
  broadcasts: broadcastsEn,
  certificates: certificatesEn,
  sessions: sessionsEn,
  effect: effectEn,
  privacy: privacyEn,
  placement: placementEn,
};
