// Everything the drypp CLI says to people, in one place so it can be reviewed and translated.
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const cliMessages = {
  description: 'Drypp admin tool: onboarding and microlearning in Microsoft Teams.',
  helpHint: '(run "drypp --help" for usage)',
  unexpectedError: (message: string) => `drypp stopped on an unexpected error: ${message}`,

  content: {
    description: 'Work with program content (YAML and Markdown files).',
    validateDescription:
      'Check every program and enrollment rule in a content folder and report each problem with file and line.',
    validateDirArgument: 'content folder (default: ./content, or the content shipped with Drypp)',
    validating: (dir: string) => `Validating content in ${dir}…`,
    programLine: (id: string, version: number, languages: string[], steps: number) =>
      `✓ ${id} v${version} (${languages.join(', ')}) — ${plural(steps, 'step', 'steps')}`,
    ruleFileLine: (file: string, rules: number) => `✓ ${file}: ${plural(rules, 'rule', 'rules')}`,
    certificationLine: (id: string, version: number, validity: string, program: string, refresher?: string) =>
      `✓ certification ${id} v${version}: valid ${validity}, certified by ${program}` +
      (refresher ? `, renewed by ${refresher}` : ''),
    pathLine: (id: string, programs: string[], certifications: string[]) =>
      `✓ path ${id}: ${[...programs, ...certifications.map((c) => `certification ${c}`)].join(', ')}`,
    noRules:
      'No enrollment rules: nobody is enrolled automatically. Add them as rules/<name>.yaml (see content/README.md).',
    allValid: (programs: number, rules: number) =>
      `${plural(programs, 'program', 'programs')} and ${plural(rules, 'enrollment rule', 'enrollment rules')} valid.`,
    noPrograms: 'No programs found: add one as programs/<program-id>/program.yaml (see content/README.md).',
    invalid: (problems: number, files: number) =>
      `✗ ${plural(problems, 'problem', 'problems')} in ${plural(files, 'file', 'files')}: nothing can be imported until all are fixed.`,
  },

  certificates: {
    description: "People's certificates: who holds which, and what runs out soon.",
    statusDescription:
      'List certification records as they stand today (valid, window open, expired, overdue…).',
    userOption: 'only this person (user principal name or object id)',
    expiringOption: 'only valid certificates that expire within this many days (e.g. 60d, 8w)',
    csvOption:
      'print CSV (user, name, department, certification, title, status, valid until, days left, due on, cycles; cells that could run as spreadsheet formulas are neutralised)',
    badExpiring: (value: string) => `--expiring must be a number of days such as 60d or 8w, not "${value}".`,
    none: 'No certification records match.',
    line: (
      user: string,
      certification: string,
      status: string,
      validUntil: string | undefined,
      dueOn: string,
      daysLeft?: number,
    ) =>
      `${user}  ${certification}  ${status}  ${validUntil ? `valid until ${validUntil}` : `due ${dueOn}`}` +
      (daysLeft === undefined ? '' : ` (${plural(daysLeft, 'day', 'days')} left)`),
  },

  session: {
    connecting: (endpoint: string) => `Connecting to storage at ${endpoint}…`,
    unreachable: (endpoint: string, mode: string) =>
      mode === 'production'
        ? `Could not reach storage at ${endpoint} — check DRYPP_STORAGE_CONNECTION_STRING or the account URLs, and that this machine may reach the account.`
        : `Could not reach storage at ${endpoint} — is the sandbox running (npm start)?`,
    contentInvalid: (dir: string, problems: number) =>
      `The content in ${dir} has ${plural(problems, 'problem', 'problems')}: run "drypp content validate ${dir}" to see them.`,
    unknownProgram: (id: string, known: string[]) =>
      `Unknown program "${id}". Known programs: ${known.length === 0 ? '(none)' : known.join(', ')} (see "drypp programs list").`,
    noTenants:
      'Drypp knows no people yet, in any tenant: people arrive with directory sync (or "npm start" seeds the sandbox).',
    severalTenants: (tenants: string[]) =>
      `Drypp has people in ${tenants.length} tenants (${tenants.join(', ')}): choose one with --tenant <id>.`,
    unknownUser: (user: string, tenantId: string) =>
      `Unknown user "${user}" in tenant ${tenantId}. Give the user principal name (name@example.org) or the Entra object id of someone Drypp knows.`,
    tenantOption: 'tenant id (default: the only tenant Drypp has people in)',
    userOption: "the person's user principal name or Entra object id",
    programOption: 'program id (see "drypp programs list")',
    storageHelp:
      'Reads configuration from the environment like the server does (DRYPP_STORAGE_CONNECTION_STRING,\n' +
      'DRYPP_CONTENT_DIR, …). DRYPP_MODE defaults to sandbox here, not production, so in a checkout the\n' +
      'command reaches the local Azurite of "npm start"; set DRYPP_MODE=production for a deployment.',
  },

  programs: {
    description: 'The learning programs in the content catalog.',
    listDescription: 'List every program, one a line: id, version, mandatory or voluntary, steps, title.',
    line: (id: string, version: number, mandatory: boolean, steps: number, title: string) =>
      `${id}  v${version}  ${mandatory ? 'mandatory' : 'voluntary'}  ${plural(steps, 'step', 'steps')}  ${title}`,
    none: 'No programs in the content catalog: add one as programs/<program-id>/program.yaml.',
  },

  enroll: {
    description: 'Enroll a person in a program: schedules every step, the first at --start.',
    startOption:
      "when the program starts: a date (2026-03-02, the start of that day in the person's time zone) or an ISO date-time (2026-03-02T08:00Z); default: now",
    badStart: (value: string) =>
      `"${value}" is not a start date: use a date such as 2026-03-02 or an ISO date-time such as 2026-03-02T08:00Z.`,
    enrolled: (upn: string, programId: string, steps: number, firstDue: string | undefined) =>
      `Enrolled ${upn} in ${programId} (${plural(steps, 'step', 'steps')}${firstDue ? `, first due ${firstDue}` : ''})`,
    alreadyEnrolled: (upn: string, programId: string, status: string) =>
      `${upn} is already enrolled in ${programId} (${status})`,
  },

  unenroll: {
    description: 'Withdraw a person from a program: their answers stay, cards not yet sent are dropped.',
    withdrawn: (upn: string, programId: string) => `Withdrew ${upn} from ${programId}`,
    notEnrolled: (upn: string, programId: string) => `${upn} is not enrolled in ${programId}.`,
    notActive: (upn: string, programId: string, status: string) =>
      `${upn} is no longer active in ${programId} (${status}): nothing to withdraw.`,
  },

  report: {
    description: 'Reports for learning admins.',
    engagementDescription:
      'How a program is doing in a tenant: enrolled, active in the last 7 days, completion, on-time rate, steps recognised by test, quiz scores.',
    jsonOption: 'print one JSON object instead of a table',
    heading: (programId: string, title: string, tenantId: string, at: string) =>
      `Engagement in ${programId} (${title}), tenant ${tenantId}, at ${at}`,
    enrolled: 'Enrolled',
    withdrawnNote: (n: number) => (n === 0 ? '' : `${n} withdrawn, not counted`),
    active: 'Active in the last 7 days',
    activeNote: 'answered at least one item',
    completed: 'Completed',
    onTime: 'Steps done on time',
    onTimeValue: (onTime: number, done: number) => `${onTime} of ${done}`,
    onTimeNote: 'done by the due date plus 1 day of grace',
    recognised: 'Steps recognised by test',
    recognisedNote: 'a placement quiz passed: counted toward completion, not as done',
    quizFirst: 'Quiz score, first attempt',
    quizLatest: 'Quiz score, latest',
    quizNote: (n: number) => `over ${plural(n, 'answered quiz', 'answered quizzes')}`,
    noFigure: '–',
  },

  sandbox: {
    description: 'The sandbox: tools for local work and tests.',
    clockDescription:
      'Show the sandbox time, or move it forward for every Drypp process on this storage (never in production).',
    advanceOption: 'move time forward by a duration: 7d, 36h, 90m or 1d12h',
    badDuration: (value: string) =>
      `"${value}" is not a duration: use a whole number of days, hours and/or minutes, e.g. --advance 7d, 36h, 90m or 1d12h (at most 366d).`,
    production:
      'The sandbox clock exists only outside production (DRYPP_MODE is production here): production always runs on real time.',
    time: (iso: string, local: string, ahead: string) =>
      `Sandbox time: ${iso} (${local}), ${ahead} ahead of real time`,
    advanced: (by: string) => `Moved the sandbox clock forward by ${by}.`,
  },
  people: {
    description: 'What Drypp knows about people',
    statusDescription: 'where a person is on the way to their first card, and why',
    header: (name: string, upn: string, id: string) => `${name} <${upn}> (object id ${id})`,
    directory: (facts: string) => `  Directory     ${facts}`,
    reachability: (stage: string) => `  Reachability  ${stage}`,
    reachabilityDetail: (detail: string) => `                ${detail}`,
    noReachability: 'not followed (not detected as a new hire by directory sync)',
    timeZone: (zone: string, source: string) => `  Time zone     ${zone} (${source})`,
    timeZoneSources: {
      found: (mailbox: string) => `from the mailbox: ${mailbox}`,
      waiting: (problem: string | undefined, next: string | undefined) =>
        `the tenant's default until the mailbox answers${problem ? `; last problem: ${problem}` : ''}${next ? `; next attempt ${next}` : ''}`,
      gaveUp: (problem: string | undefined) =>
        `the tenant's default: the mailbox was not readable${problem ? ` (${problem})` : ''}`,
      directory: 'as stored for the person',
      none: "the tenant's default",
    },
    stages: {
      detected: 'detected: the app is not installed for them yet',
      appInstalled: 'app installed: waiting for Teams to open the chat with Drypp',
      chatKnown: 'chat known: the first card has not been delivered yet',
      firstCardDelivered: 'first card delivered',
      notReachable: 'not reachable: Drypp gave up after a day of retries',
    } as Record<string, string>,
    times: (parts: string[]) => parts.join(' · '),
    problem: (problem: string, next?: string) =>
      `last problem: ${problem}${next ? `; next attempt ${next}` : ''}`,
    enrollmentsNone: '  Enrollments   none',
    enrollment: (
      first: boolean,
      program: string,
      status: string,
      done: number,
      total: number,
      next?: string,
    ) =>
      `${first ? '  Enrollments   ' : '                '}${program}  ${status}  ${done} of ${total} done${next ? `  next due ${next}` : ''}`,
  },
  teamSummaries: {
    description: "My team's read model: each person's summary beside every manager above them",
    rebuildDescription:
      'rebuild the summaries of a tenant from the sources (learning, reachability, directory); safe beside live traffic',
    rebuilt: (r: { people: number; gone: number; strayCopies: number; purged: number }, ms: number) =>
      `Rebuilt the team summaries of ${r.people} people in ${ms} ms: ${r.gone} no longer in the directory, ${r.strayCopies} stray copies removed, ${r.purged} old removal markers deleted.`,
  },
} as const;
