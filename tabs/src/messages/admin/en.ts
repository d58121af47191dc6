import type { DeliveryReasonView } from '../../../../src/http/tabs/contract.ts';

/**
 * The Admin tab's English texts (HR's broadcasts of guidelines) and My team's unacknowledged
 * guidelines; part of the tab's catalogue (../en.ts spreads them in), nb.ts and sv.ts beside it.
 */
export const adminEn = {
  adminBroadcasts: 'Guidelines sent',
  composeNew: 'New guideline',
  cancel: 'Cancel',
  working: 'Working…',
  languageName: (language: string) =>
    ({ en: 'English', nb: 'Norwegian (Bokmål)', sv: 'Swedish' })[language] ?? language,
  languageTab: (name: string, state: string) =>
    state === 'written' ? `${name} ✓` : state === 'problem' ? `${name} (needs a look)` : name,

  // The compose form
  composeGuideline: 'The guideline',
  composeText: 'Text',
  composeLanguages: 'Languages',
  composeTitle: (language: string) => `Title (${language})`,
  composeBody: (language: string) => `Text (${language})`,
  composeBodyHint: (length: number, max: number) =>
    `Markdown as Teams shows it: **bold**, _italic_, lists with - or 1., [links](https://…); a blank line starts a paragraph. ${length}/${max}`,
  composeDefaultLanguage: 'Default language',
  composeDefaultLanguageHint: 'People whose language is not written get this one.',
  composeLink: 'Link (optional)',
  composeLinkHint: 'Shown as a button on the card, e.g. the full guideline on the intranet.',
  composeAnswer: 'Acknowledgement',
  composeRequiresAck: 'People must confirm they have read and understood it',
  composeDueDate: 'Due date (optional)',
  composeDueDateHint: 'Shown on the card.',
  composeRemindAfter: 'Remind after (days)',
  composeRemindAfterHint: '1 to 30',
  composeMaxReminders: 'Reminders at most',
  composeMaxRemindersHint: '0 to 10',
  composeAudience: 'Who gets it',
  composeWhen: 'When',
  composeSendNow: 'Send now',
  composeSchedule: 'Schedule',
  composeScheduleAt: 'Send at',
  composeScheduleAtHint: 'Your own time zone.',
  composeSendButton: 'Send',
  composeScheduleButton: 'Schedule',
  composeSaveDraft: 'Save as draft',
  composeSending: 'Sending to Drypp…',
  composeCheckFields: 'Some fields need a look; they are marked. Nothing you typed is lost.',
  composeRefused: 'Drypp did not accept this guideline. Check the text and the audience, then try again.',
  composeFailedTitle: 'The guideline was not sent',
  composeFailedBody: 'Drypp did not answer. Nothing you typed is lost; try again.',
  composeNoOne: 'No one matches this audience',
  composeUnmatchedTitle: 'Some addresses match nobody',
  composeSkipUnmatched: (count: number) => `Send to the ${count} who match`,

  // Problems with a field
  problemTitleRequired: 'Give a title in this language, or clear its text.',
  problemTitleOneLine: 'The title must be one line.',
  problemTitleTooLong: (max: number) => `At most ${max} characters.`,
  problemBodyRequired: 'Write the text in this language, or clear its title.',
  problemBodyTooLong: (max: number) => `At most ${max} characters.`,
  problemNoneWritten: 'Write the guideline in at least one language.',
  problemDefaultNotWritten: 'The default language must be one you have written.',
  problemLinkNotHttps: 'A full address starting with https://',
  problemLinkTooLong: (max: number) => `At most ${max} characters.`,
  problemDueDateInPast: 'The due date cannot be in the past.',
  problemRemindAfter: 'A whole number of days from 1 to 30.',
  problemMaxReminders: 'A whole number from 0 to 10.',
  problemAudienceEmpty: 'Choose who gets it: at least one department, job title, a manager, or addresses.',
  problemScheduleMissing: 'Choose a day and a time.',
  problemScheduleInPast: 'Choose a time at least a minute from now.',
  problemChangeNoteRequired: 'Say briefly what changed; the card shows it.',
  problemChangeNoteTooLong: (max: number) => `At most ${max} characters.`,
  problemRefused: 'Drypp did not accept this. Check it and try again.',

  // The audience
  audienceWho: 'Audience',
  audienceKind: (kind: string) =>
    ({
      everyone: 'Everyone',
      departments: 'Departments',
      jobTitles: 'Job titles',
      organisation: 'A manager’s whole organisation',
      addresses: 'A list of addresses',
    })[kind] ?? kind,
  audienceDepartments: 'Departments',
  audienceJobTitles: 'Job titles',
  audienceFilter: (what: string) => `Find in ${what.toLowerCase()}`,
  audienceChosen: (what: string, chosen: number) => (chosen === 0 ? what : `${what} (${chosen} chosen)`),
  audienceNoValues: 'The directory has none yet.',
  audienceValue: (value: string, people: number) => `${value} (${people})`,
  audienceNoDepartment: 'No department',
  audienceManager: 'Manager',
  audienceManagerHint: 'The manager and everyone below them, at every level.',
  audienceManagerOption: (name: string, address: string, reports: number) =>
    `${name} (${address}), ${reports} direct ${reports === 1 ? 'report' : 'reports'}`,
  audienceAddresses: 'Addresses',
  audienceAddressesHint:
    'Paste addresses, one a line or separated by commas or semicolons, or upload a .txt or .csv file.',
  audienceUpload: 'Upload a file',
  audienceAddressCount: (count: number, duplicates: number) =>
    `${count} ${count === 1 ? 'address' : 'addresses'}${duplicates > 0 ? ` (${duplicates} repeated, counted once)` : ''}`,
  audienceFileRead: (file: string, count: number) => `Read ${count} addresses from ${file}.`,
  audienceFileTooLarge: (file: string) => `${file} is larger than 900 KB. Split it, or paste the addresses.`,
  audienceFileUnreadable: (file: string) => `${file} could not be read. Is it a text or CSV file?`,
  audienceNotAddresses: (pieces: string) => `Not addresses, left out: ${pieces}`,
  audienceExpression: 'As an audience expression (the CLI takes the same):',
  audienceCounting: 'Counting…',
  audienceCount: (count: number) => (count === 1 ? '1 person will get it.' : `${count} people will get it.`),
  audienceUnmatched: (count: number) =>
    count === 1 ? '1 address matches nobody:' : `${count} addresses match nobody:`,
  audienceUnmatchedMore: (count: number) => `and ${count} more`,
  audienceTermUnmatched: (term: string) => `${term} matches nobody.`,
  audienceTermUnmatchedSuggest: (term: string, suggestions: string) =>
    `${term} matches nobody. Did you mean ${suggestions}?`,
  audienceInvalid: 'Drypp could not read this audience.',
  audienceCountFailed: 'Could not count the audience.',
  audienceWas: (expression: string, addresses: number) =>
    [expression && `Audience: ${expression}`, addresses > 0 && `${addresses} addresses`]
      .filter(Boolean)
      .join(' + '),

  // The preview
  previewTitle: 'Preview: the card as Teams shows it',
  previewLanguage: 'Language of the preview',
  previewWaiting: 'Write a title and text to see the card.',
  previewInvalid: 'The preview follows once the marked fields are right.',
  previewFailed: 'The preview could not be made.',
  previewLoading: 'Making the preview…',
  previewBroken: 'The card could not be drawn here; it may still show in Teams.',
  previewCardLabel: (language: string) => `Card preview, ${language}`,
  previewButtonPressed: (button: string) => `“${button}” works in Teams; the preview only shows it.`,

  // Confirmations
  confirmSendTitle: 'Send the guideline now?',
  confirmSendBody: (title: string, people?: number) =>
    people === undefined
      ? `“${title}” goes out to everyone in the audience.`
      : `“${title}” goes out to ${people} people.`,
  confirmScheduleTitle: 'Schedule the guideline?',
  confirmScheduleBody: (title: string, people: number | undefined, at: string) =>
    `“${title}” goes out ${at}${people === undefined ? '' : ` to ${people} people`}. You can recall it until then.`,
  confirmRecallTitle: 'Recall the guideline?',
  confirmRecallBody: (title: string, sent: number) =>
    `“${title}” is deleted from the ${sent} chats it reached, and no more are sent. This cannot be undone.`,
  confirmCorrectTitle: 'Send the correction?',
  confirmCorrectBody: (sent: number) =>
    `The card is updated in the ${sent} chats it reached, and goes out as corrected to the rest.`,

  // The list and a broadcast
  composeFirst: 'Write the first one',
  broadcastsEmpty: 'No guidelines sent yet.',
  colGuideline: 'Guideline',
  colStatus: 'Status',
  colDelivery: 'Delivery',
  colAcknowledged: 'Acknowledged',
  colGroup: 'Group',
  colRate: 'Rate',
  broadcastDraft: 'Draft',
  broadcastScheduled: 'Scheduled',
  broadcastSending: 'Sending',
  broadcastSent: 'Sent',
  broadcastRecalled: 'Recalled',
  openBroadcast: (title: string) => `Open ${title}`,
  versionOf: (version: number) => `Version ${version}`,
  deliveryProgressLabel: (title: string) => `Delivery of ${title}`,
  deliverySummary: (sent: number, recipients: number, queued: number) =>
    `${sent} of ${recipients} sent${queued > 0 ? `, ${queued} queued` : ''}`,
  failedCount: (count: number) => `${count} failed`,
  acknowledgedSummary: (acknowledged: number, recipients: number, rate: number) =>
    `${acknowledged} of ${recipients} (${rate} %)`,
  noAckAsked: 'Not asked',
  backToBroadcasts: 'Back to the guidelines',
  backToBroadcast: 'Back to the guideline',
  createdNotice: (how: string) =>
    ({
      sent: 'Sent. Delivery has started; the figures follow it.',
      scheduled: 'Scheduled. It goes out at the time you chose.',
      saved: 'Saved as a draft.',
    })[how] ?? how,
  correctedNotice: (version: number) => `Version ${version} is going out: the card is updated in every chat.`,
  sentOn: (at: string) => `sent ${at}`,
  scheduledFor: (at: string) => `goes out ${at}`,
  recalledOn: (at: string) => `recalled ${at}`,
  dueBy: (date: string) => `due ${date}`,
  progressTitle: 'Progress',
  progressStale: 'The figures could not be refreshed just now; Drypp tries again.',
  figureRecipients: 'Recipients',
  figureQueued: 'Queued',
  figureSent: 'Sent',
  figureFailed: 'Failed',
  figureAcknowledged: 'Acknowledged',
  figureRecalled: 'Removed by the recall',
  figureWithPercent: (value: number, rate: number) => `${value} (${rate} %)`,
  failuresTitle: 'Why some did not get it',
  failuresNone: 'No failures.',
  failureLine: (reason: string, count: number) => `${reason}: ${count}`,
  /** Why a card did not reach someone (DeliveryReasonView codes from the server). */
  failureReasons: {
    botBlocked: 'They have blocked Drypp in Teams',
    appDisabled: 'Your Teams admin has turned Drypp off',
    forbidden: 'Teams did not allow it',
    notFound: 'Their chat with Drypp no longer exists',
    notInstalled: 'Drypp could not be installed for them',
    notReachable: 'Teams never opened a chat with them',
    tooManyAttempts: 'Teams kept failing; Drypp gave up',
    teamsRefused: 'Teams refused the card',
    unreadable: 'The card could not be read',
    unknownKind: 'This version of Drypp cannot send it',
    answered: 'Already answered',
    acknowledged: 'Already acknowledged',
    notLive: 'No longer enrolled',
    noManager: 'No manager to ask',
    nothingToSend: 'Nothing left to send',
    requestGone: 'The request is gone',
    certificationRemoved: 'The certification was removed',
    noRecord: 'No certification record',
    doneMeanwhile: 'Done meanwhile',
    broadcastGone: 'The guideline is gone',
    recalled: 'Recalled',
    notARecipient: 'No longer a recipient',
    other: 'Other reasons',
  } satisfies Record<DeliveryReasonView, string>,
  ratesTitle: 'Acknowledgement rates',
  ratesByDepartment: 'By department',
  ratesByManager: 'By manager',
  ratesNone: 'No one to count yet.',
  noDepartment: 'No department',
  noManager: 'No manager',
  ofRecipients: (part: number, whole: number) => `${part} of ${whole}`,
  percentValue: (rate: number) => `${rate} %`,
  remindersTitle: 'Reminders',
  remindersSentSoFar: (count: number) =>
    count === 1 ? '1 reminder sent so far.' : `${count} reminders sent so far.`,
  remindersSummary: (days: number, max: number) =>
    max === 0
      ? 'No reminders.'
      : `Those who have not acknowledged are reminded after ${days} days, at most ${max} times.`,
  remindersSave: 'Save reminders',
  remindersSaved: 'Reminders saved.',
  remindersInvalid: 'Drypp did not accept these numbers: 1 to 30 days, 0 to 10 reminders.',
  versionsTitle: 'Versions',
  versionsNone: 'No versions yet.',
  versionLine: (version: number, at: string, by: string) => `Version ${version}, ${at}, ${by}`,
  sendDraftNow: 'Send now',
  sendStarted: 'Sending has started.',
  correctGuideline: 'Correct',
  recallGuideline: 'Recall',
  recallStarted: 'Recalled: the card is being deleted from every chat.',
  exportCsv: 'Export CSV',
  exportDone: (file: string) => `Downloaded ${file}.`,
  exportFailed: 'The export could not be downloaded.',
  actionConflict: 'Someone changed this guideline just now; the page shows where it stands.',
  correctTitle: (title: string) => `Correct “${title}”`,
  correctIntro: 'The card is updated in place in every chat it reached.',
  correctIntroAck:
    'The card is updated in place in every chat it reached, and everyone is asked to acknowledge the new version.',
  changeNote: 'What changed',
  changeNoteHint: (length: number, max: number) => `Shown on the updated card. ${length}/${max}`,
  correctSend: 'Send the correction',

  // My team: guidelines not acknowledged
  teamAcksTitle: 'Guidelines not acknowledged',
  teamAcksCount: (acknowledged: number, recipients: number) =>
    `${acknowledged} of ${recipients} acknowledged`,
  teamAcksAllDone: 'Everyone has acknowledged it.',
  teamAcksMissing: (title: string) => `Not acknowledged ${title}`,
  teamAckDelivered: (date: string) => `got it ${date}`,
  teamAckNotDelivered: 'not reached yet',
  teamAckReminders: (count: number) => (count === 1 ? '1 reminder' : `${count} reminders`),
  teamAckNudgeFor: (name: string) => `Send a nudge to ${name}`,
  teamAckNudged: (name: string) => `Nudge sent to ${name}.`,
  teamAckTooSoon: (date: string) =>
    `A nudge about this guideline went out today. The next one is possible ${date}.`,
  teamAckAlready: (name: string) => `${name} has acknowledged it already.`,

  // Privacy: one person's data, exported or erased (GDPR art. 15 and 17)
  adminPrivacy: 'Privacy',
  privacyIntro:
    'Everything Drypp holds about one person: download it for them (art. 15), or erase it (art. 17). Only what a legal hold requires is kept, and the audit trail records the request without naming anyone.',
  privacyPerson: 'Person',
  privacyPersonHint:
    'Their sign-in address (UPN) or Entra object id. Someone erased before is found by object id only.',
  privacyPersonMissing: 'Enter the person’s address or object id first.',
  privacyExport: 'Export data',
  privacyExportDone: (file: string) =>
    `Downloaded ${file}. It holds the person’s rows in every table and a summary.`,
  privacyErase: 'Erase…',
  privacyEraseTitle: 'Erase this person from Drypp?',
  privacyEraseBody: (person: string) =>
    `This deletes or anonymises everything about ${person} in every table and forgets their xAPI pseudonym. It cannot be undone. Rows a legal hold requires (such as certificates under archive rules) are kept.`,
  privacyEraseConfirmLabel: 'Type the person’s address (UPN) again',
  privacyEraseConfirmHint: 'For someone erased before, found by object id, type the object id again.',
  privacyEraseConfirm: 'Erase',
  privacyErased: (deleted: number, anonymised: number, kept: number) =>
    `Erased: ${deleted} rows deleted, ${anonymised} anonymised, ${kept} kept under a legal hold.`,
  privacyErasedBefore: 'This person had been erased before; whatever was left is gone now.',
  privacyCountsCaption: 'What the erasure did, per table',
  privacyTable: 'Table',
  privacyDeleted: 'Deleted',
  privacyAnonymised: 'Anonymised',
  privacyKept: 'Kept (legal hold)',
  privacyHold: (hold: string, years: number, kept: number) =>
    `Legal hold “${hold}” (${years} years) kept ${kept} ${kept === 1 ? 'row' : 'rows'}.`,
  privacyRequest: (id: string) => `Request ${id} is in the audit trail.`,
  privacyNotFound: 'Drypp knows no one with this address or object id in your organisation.',
  privacyMismatch: 'The address you typed again is not this person’s. Nothing was erased.',
  privacyInvalid: 'That is not an address or object id Drypp can look up. Check for spaces or typos.',
  privacyForbidden: 'Only HR admins can export or erase a person’s data.',
  privacyFailed: 'Drypp did not answer. Nothing was changed; try again.',
} as const;
