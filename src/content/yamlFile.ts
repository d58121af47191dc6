// Parsing one content YAML file into data, with every syntax problem as file:line:col. Shared by
// programs and enrollment rules, so both report mistakes the same way.
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import type { ContentProblem } from './contentProblem.ts';
import { contentMessages } from './messages.ts';

export type ParsedYaml =
  | { ok: true; doc: Document; lineCounter: LineCounter; data: unknown }
  | { ok: false; problems: ContentProblem[] };

export function parseYamlFile(file: string, text: string, notMappingReason: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      file,
      location: lineCol(lineCounter.linePos(e.pos[0])),
      reason: contentMessages.yamlSyntax(e.message),
    }));
    // One mistake often trips several parser rules at the same spot; the first says it best.
    return {
      ok: false,
      problems: problems.filter((p, i) => problems.findIndex((q) => q.location === p.location) === i),
    };
  }
  if (!isMap(doc.contents))
    return { ok: false, problems: [{ file, location: '1:1', reason: notMappingReason }] };
  try {
    return { ok: true, doc, lineCounter, data: doc.toJS() };
  } catch (error) {
    // Only alias misuse gets here (e.g. an alias to nothing): report it like a syntax error.
    const reason = contentMessages.yamlConversion(error instanceof Error ? error.message : String(error));
    return { ok: false, problems: [{ file, location: '1:1', reason }] };
  }
}

export function lineCol(pos: { line: number; col: number }): string {
  return `${pos.line}:${pos.col}`;
}

/** Problems in file order, then by position, so a reader fixes a file top to bottom. */
export function byFileAndPosition(a: ContentProblem, b: ContentProblem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const [aLine = 0, aCol = 0] = a.location.split(':').map(Number);
  const [bLine = 0, bCol = 0] = b.location.split(':').map(Number);
  return aLine - bLine || aCol - bCol;
}
