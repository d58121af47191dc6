// Everything the drypp CLI says to people, in one place so it can be reviewed and translated.
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const cliMessages = {
  description: 'Drypp admin tool: onboarding and microlearning in Microsoft Teams.',
  helpHint: '(run "drypp --help" for usage)',
  unexpectedError: (message: string) => `drypp stopped on an unexpected error: ${message}`,

  content: {
    description: 'Work with program content (YAML and Markdown files).',
    validateDescription:
      'Check every program in a content folder and report each problem with file and line.',
    validateDirArgument: 'content folder (default: ./content, or the content shipped with Drypp)',
    validating: (dir: string) => `Validating content in ${dir}…`,
    programLine: (id: string, version: number, languages: string[], steps: number) =>
      `✓ ${id} v${version} (${languages.join(', ')}) — ${plural(steps, 'step', 'steps')}`,
    allValid: (programs: number) => `${plural(programs, 'program', 'programs')} valid.`,
    noPrograms: 'No programs found: add one as programs/<program-id>/program.yaml (see content/README.md).',
    invalid: (problems: number, files: number) =>
      `✗ ${plural(problems, 'problem', 'problems')} in ${plural(files, 'file', 'files')}: nothing can be imported until all are fixed.`,
  },
} as const;
