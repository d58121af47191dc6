// What `drypp broadcast …` says to people (beside src/cli/messages.ts, which holds the other commands').
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const broadcastMessages = {
  description: 'Guidelines HR sends to many people, who acknowledge them in chat.',
  sendDescription:
    'send a guideline (Markdown, with optional YAML front matter) to an audience, now or at a time',
  fileOption:
    'the guideline: Markdown, optionally with front matter (title, language, link, due, ack, variants)',
  audienceOption:
    'who gets it, e.g. everyone, department:"Helse og omsorg", org:adele@example.org (see README)',
  addressesOption: 'a .txt or .csv file of e-mail addresses who get it too',
  ackOption: 'ask people to acknowledge it ("I have read and understood")',
  atOption: 'send at this time (ISO, e.g. 2026-12-02T08:00+01:00) instead of now',
  titleOption: "the title (else the front matter's title)",
  languageOption: 'the language of the file: en, nb or sv (default en)',
  variantOption: "another language's file, e.g. nb=guideline.nb.md (repeatable)",
  dueOption: 'by when to acknowledge, YYYY-MM-DD',
  linkOption: 'an https link shown on the card',
  remindOption: 'remind those who have not acknowledged: <days>,<at most>, e.g. 3,2 (default 3,2 with --ack)',
  skipOption: 'send to those who matched and leave out addresses and terms that match nobody',
  asOption: 'the HR admin sending it (UPN), recorded as its author',
  statusDescription:
    'where a broadcast stands: delivered, failed (with reasons), acknowledged; a live bar in a terminal',
  onceOption: 'print the figures once, without the live bar',
  exportDescription: 'every recipient with delivery and acknowledgement, as JSON (default) or CSV',
  csvOption: 'CSV instead of JSON (cells that could run as spreadsheet formulas are neutralised)',
  recallDescription: 'take a broadcast back: delete it from every chat (a scheduled one is never sent)',

  fileUnreadable: (file: string) => `Could not read ${file}.`,
  frontMatter: (file: string, problem: string) => `${file}: the front matter is not valid: ${problem}`,
  badLanguage: (value: string) => `Unknown language "${value}": use en, nb or sv.`,
  badVariant: (value: string) => `"${value}" is not <language>=<file>, e.g. nb=guideline.nb.md.`,
  badReminders: (value: string) =>
    `"${value}" is not <days>,<at most>, e.g. 3,2 (1–30 days, 0–10 reminders).`,
  badAt: (value: string) =>
    `"${value}" is not a time: give an ISO time with its zone, e.g. 2026-12-02T08:00+01:00.`,
  guidelineProblem: (path: string, problem: string) => `  ${path}: ${problem}`,
  guidelineInvalid: 'The guideline cannot be sent as it is:',
  audienceInvalid: (expression: string, column: number, message: string) =>
    `The audience expression is not valid:\n  ${expression}\n  ${' '.repeat(Math.max(0, column - 1))}^ ${message}`,
  noAudience: 'Give an audience: --audience <expression>, --addresses <file>, or both.',
  tooManyAddresses: (max: number) => `At most ${max} addresses in one list.`,
  unmatchedAddresses: (n: number) =>
    `${plural(n, 'address matches', 'addresses match')} nobody in the directory:`,
  unmatchedTerm: (term: string, suggestions: string[]) =>
    `  ${term} matches nobody${suggestions.length ? ` (did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?)` : ''}`,
  nothingSent: 'Nothing was sent. Fix the audience, or add --skip-unmatched to leave these out.',
  emptyAudience: 'The audience matches nobody: nothing was sent.',
  tooSoon: 'The time must be at least a minute from now and at most a year ahead.',
  sending: (id: string, people: number) =>
    `Broadcast ${id}: sending to ${plural(people, 'person', 'people')}. Follow it with "drypp broadcast status ${id}".`,
  scheduled: (id: string, people: number, at: string) =>
    `Broadcast ${id}: scheduled for ${at}, to ${plural(people, 'person', 'people')} as of now (the audience is resolved again at the time).`,
  existed: (id: string) => `Broadcast ${id} exists already: nothing was sent twice.`,
  unknownBroadcast: (id: string) => `No broadcast ${id} in this tenant (see the Admin tab's list).`,
  statusLine: (s: {
    title: string;
    status: string;
    version: number;
    recipients: number;
    sent: number;
    queued: number;
    failed: number;
    acknowledged?: number;
  }) =>
    `${s.title} (version ${s.version}): ${s.status} — ${s.sent} of ${s.recipients} delivered, ${s.queued} queued, ${s.failed} failed` +
    (s.acknowledged === undefined ? '' : `, ${s.acknowledged} acknowledged`),
  failure: (reason: string, count: number) => `  failed: ${reason} × ${count}`,
  bar: 'delivered {bar} {value}/{total} · queued {queued} · failed {failed} · acknowledged {acknowledged}',
  recalled: (id: string, deleted: number, notSent: number) =>
    `Broadcast ${id} recalled: ${plural(deleted, 'card is', 'cards are')} being deleted from chats; ${notSent} never sent and will not be.`,
  notRecallable: (id: string, status: string) => `Broadcast ${id} is ${status}: there is nothing to recall.`,
} as const;
