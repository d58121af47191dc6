// Reasons the content loader gives for a problem. People read these in the CLI; keep them plain.
export const contentMessages = {
  folderNotFound: (dir: string) => `content folder not found: ${dir}`,
  programsFolderMissing: 'no programs/ folder here: programs live in programs/<program-id>/program.yaml',
  programYamlMissing: 'program folder has no program.yaml',
  strayProgramFile: 'program files go in their own folder: programs/<program-id>/program.yaml',
  unreadable: (error: string) => `cannot read file: ${error}`,
  yamlSyntax: (message: string) => `YAML syntax: ${message}`,
  yamlNotMapping: 'program.yaml must be a mapping of fields (id, version, title, …)',
  yamlConversion: (message: string) => `cannot read YAML: ${message}`,
  requiredField: 'required field is missing',
  unknownField: (key: string) => `unknown field "${key}"`,
  unknownKind: (kinds: string[]) => `kind must be one of: ${kinds.join(', ')}`,
  markdownRefNotPath: 'must be the path of a Markdown file (.md) relative to program.yaml',
  markdownRefOutside: 'the Markdown file must be inside the program folder',
  markdownMissing: (ref: string) => `Markdown file not found: ${ref}`,
  markdownEmpty: (usedBy: string) => `Markdown file is empty (used by ${usedBy})`,
  duplicateProgramId: (id: string, otherFile: string) => `program id "${id}" is also used by ${otherFile}`,
} as const;
