import { describe, expect, it } from 'vitest';
import { messagesFor as chatMessagesFor } from '../../src/messages/catalog.ts';
import { messagesFor as tabMessagesFor } from '../../tabs/src/messages/index.ts';

/**
 * A person sees Drypp in two places, the chat (src/messages) and the tabs (tabs/src/messages). The
 * same thing has the same name in both: a program "withdrawn" in My learning is not "unenrolled" in
 * the chat, a request is not a "query" on the other surface, a nudge is not a "reminder" (the chat's
 * reminders are Drypp's own, about a step past due).
 */
const languages = ['en', 'nb', 'sv'] as const;

/** The word for the manager's nudge and for a learning-time request, per language. */
const terms = {
  en: { nudge: /nudge/i, request: /request/i },
  nb: { nudge: /dytt/i, request: /forespørs(el|ler)/i },
  sv: { nudge: /knuff/i, request: /begäran|begäranden/i },
};

describe.each(languages)('the tab and the chat use the same words (%s)', (language) => {
  const chat = chatMessagesFor(language);
  const tab = tabMessagesFor(language);
  const time = chat.managers.learningTime;

  it('for a program’s status and progress', () => {
    expect(tab.statusActive).toBe(chat.myLearning.status.active);
    expect(tab.statusCompleted).toBe(chat.myLearning.status.completed);
    expect(tab.statusWithdrawn).toBe(chat.myLearning.status.withdrawn);
    expect(tab.statusExpired).toBe(chat.myLearning.status.expired);
    expect(tab.stepsDone(3, 10)).toBe(chat.myLearning.progress(3, 10));
    expect(tab.nextDue('1 Dec')).toBe(chat.myLearning.nextDue('1 Dec'));
    expect(tab.dueOn('1 Dec')).toBe(chat.step.due('1 Dec'));
    expect(tab.mandatory).toBe(chat.step.mandatory);
    expect(tab.voluntary).toBe(chat.step.voluntary);
    expect(tab.tabMyLearning).toBe(chat.myLearning.title);
    expect(chat.managers.checkin.kicker('P')).toBe(`P · ${tab.kindCheckin}`);
  });

  it('for learning-time requests, their form and their answers', () => {
    expect(tab.askForTime).toBe(time.formTitle);
    expect(tab.requestDate).toBe(time.date);
    expect(tab.requestMinutes).toBe(time.minutes);
    expect(tab.requestWhatFor).toBe(time.purpose);
    expect(tab.requestPurpose).toBe(time.purposeText);
    expect(tab.requestSend).toBe(time.send);
    expect(tab.reasonPendingRequest('Maja')).toBe(time.managerTitle('Maja'));
    expect(tab.approve).toBe(time.approve);
    expect(tab.deny).toBe(time.deny);
    expect(tab.commentLabel).toBe(time.comment);
    expect(tab.decisionApproved).toBe(time.status.approved);
    expect(tab.decisionDenied).toBe(time.status.denied);
    expect(tab.requestStatusCancelled).toBe(time.status.cancelled);
    for (const text of [tab.myRequests, tab.pendingRequests, tab.noPendingRequests, tab.decisionConflict])
      expect(text).toMatch(terms[language].request);
    for (const text of [time.sentTitle, time.alreadyDecided]) expect(text).toMatch(terms[language].request);
  });

  it('for what is wrong with a learning-time request', () => {
    const problems = time.problems;
    expect(tab.problemDateMissing).toBe(problems.dateMissing);
    expect(tab.problemDateInvalid).toBe(problems.dateInvalid);
    expect(tab.problemDateInPast).toBe(problems.dateInPast);
    expect(tab.problemDateTooFar).toBe(problems.dateTooFar);
    expect(tab.problemMinutesInvalid).toBe(problems.minutesInvalid);
    expect(tab.problemMinutesOutOfRange(15, 480)).toBe(problems.minutesOutOfRange(15, 480));
    expect(tab.problemPurposeMissing).toBe(problems.purposeMissing);
    expect(tab.problemPurposeTooLong(200)).toBe(problems.purposeTooLong(200));
    expect(tab.problemProgramNotYours).toBe(problems.programNotYours);
  });

  it('for the manager’s nudge', () => {
    for (const text of [tab.nudge, tab.nudgeSent, tab.nudgeTooSoon('1 Dec'), chat.managers.nudge.title])
      expect(text).toMatch(terms[language].nudge);
  });
});
