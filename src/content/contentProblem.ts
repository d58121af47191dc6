/** One problem found in the content folder, reported as `file:line:col  reason`. */
export interface ContentProblem {
  /** Relative to the content folder, with forward slashes. */
  file: string;
  /** `line:col` in the file, or empty when the problem is with the file as a whole. */
  location: string;
  /** Where in the program the problem is, e.g. `steps[2].options[1]`, when it is about a field. */
  path?: string;
  reason: string;
}
