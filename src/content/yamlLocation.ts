// Maps a path into parsed data (as zod reports it) back to a line and column in the YAML source.
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export type DataPath = readonly PropertyKey[];

export interface LineCol {
  line: number;
  col: number;
}

/**
 * The position of the deepest node on `path` that exists in the document: the value for a scalar,
 * the key for a collection or when `atKey` is set (unknown fields), the parent for a missing field.
 */
export function locate(doc: Document, lineCounter: LineCounter, path: DataPath, atKey = false): LineCol {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
      if (pair === undefined) break;
      const keyStart = rangeStart(pair.key);
      const valueStart = rangeStart(pair.value);
      const preferKey = (last && atKey) || !isScalar(pair.value);
      offset = (preferKey ? keyStart : valueStart) ?? keyStart ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return lineCounter.linePos(offset);
}

/** `steps[2].options[1].text`, as a reader would point at it. */
export function formatPath(path: DataPath): string {
  return path
    .map((segment, i) =>
      typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
