// Who an audience is: the people an expression matches plus a list of addresses, resolved against
// the directory. Pure: the use case hands in the directory's people.
import { formatTerm, termsOf, type AudienceNode, type AudienceTerm } from './audienceExpression.ts';

/** A person as audience resolution sees them (from the directory mirror). */
export interface AudienceCandidate {
  id: string;
  userPrincipalName: string;
  mail?: string;
  displayName: string;
  department?: string;
  jobTitle?: string;
  managerId?: string;
  preferredLanguage?: string;
  timeZone?: string;
  /** Enabled members only: disabled, removed and guest accounts never get a guideline. */
  eligible: boolean;
}

/** What HR chose, as stored with the broadcast. */
export interface AudienceSpec {
  expression?: string;
  /** The addresses of a pasted or uploaded list, lower-cased, without repeats. */
  addresses: string[];
  /**
   * How many addresses the list had: the list itself is deleted once the fan-out has recorded the
   * recipients (data minimisation), the count stays.
   */
  addressCount?: number;
}

export const MAX_LISTED_ADDRESSES = 50_000;
const ADDRESS = /^[^\s@<>(),;:"']+@[^\s@<>(),;:"']+\.[^\s@<>(),;:"']+$/;

/**
 * The addresses in pasted text or an uploaded .txt/.csv: separated by commas, semicolons, spaces or
 * line breaks; quotes, `<…>` and `mailto:` around them are dropped; anything that is not an address
 * (a CSV header, a name) is skipped. Lower-cased, in order, without repeats.
 */
export function addressesIn(text: string): { addresses: string[]; tooMany: boolean } {
  const seen = new Set<string>();
  for (const raw of text.split(/[\s,;]+/)) {
    const cleaned = raw
      .replace(/^["'<(]+|[">)']+$/g, '')
      .replace(/^mailto:/i, '')
      .toLowerCase();
    if (!ADDRESS.test(cleaned)) continue;
    seen.add(cleaned);
    if (seen.size > MAX_LISTED_ADDRESSES)
      return { addresses: [...seen].slice(0, MAX_LISTED_ADDRESSES), tooMany: true };
  }
  return { addresses: [...seen], tooMany: false };
}

export interface ResolvedAudience {
  /** The people who get it, in directory order. */
  people: AudienceCandidate[];
  /** Listed addresses and `user:`/`org:` addresses that match nobody, as given. */
  unmatchedAddresses: string[];
  /** `department:`/`jobTitle:` terms that match nobody, with the closest known values. */
  unmatchedTerms: Array<{ term: string; suggestions: string[] }>;
}

const fold = (s: string | undefined) => (s ?? '').trim().toLocaleLowerCase('nb');

/** Resolves an expression (parsed already) and a list of addresses against the directory's people. */
export function resolveAudience(
  node: AudienceNode | undefined,
  addresses: readonly string[],
  directory: readonly AudienceCandidate[],
): ResolvedAudience {
  const eligible = directory.filter((p) => p.eligible);
  const byAddress = new Map<string, AudienceCandidate>();
  for (const p of eligible) {
    byAddress.set(p.userPrincipalName.toLowerCase(), p);
    if (p.mail) byAddress.set(p.mail.toLowerCase(), p);
    byAddress.set(p.id.toLowerCase(), p);
  }
  const children = new Map<string, string[]>();
  for (const p of eligible) {
    if (!p.managerId || p.managerId === p.id) continue;
    const list = children.get(p.managerId) ?? [];
    list.push(p.id);
    children.set(p.managerId, list);
  }
  const everyone = new Set(eligible.map((p) => p.id));
  const unmatchedAddresses: string[] = [];
  const matched = (term: AudienceTerm): Set<string> => {
    switch (term.kind) {
      case 'everyone':
        return everyone;
      case 'department':
      case 'jobTitle': {
        const wanted = fold(term.value);
        return new Set(eligible.filter((p) => fold(p[term.kind]) === wanted).map((p) => p.id));
      }
      case 'user': {
        const p = byAddress.get(term.address);
        return new Set(p ? [p.id] : []);
      }
      case 'org': {
        const root = byAddress.get(term.address);
        if (!root) return new Set();
        const found = new Set([root.id]);
        const stack = [root.id];
        while (stack.length > 0) {
          for (const child of children.get(stack.pop()!) ?? []) {
            if (found.has(child)) continue; // a loop in the directory's data ends here
            found.add(child);
            stack.push(child);
          }
        }
        return found;
      }
    }
  };
  const evaluate = (n: AudienceNode): Set<string> => {
    switch (n.kind) {
      case 'term':
        return matched(n.term);
      case 'not': {
        const operand = evaluate(n.operand);
        return new Set([...everyone].filter((id) => !operand.has(id)));
      }
      case 'or':
        return new Set([...evaluate(n.left), ...evaluate(n.right)]);
      case 'and': {
        const right = evaluate(n.right);
        return new Set([...evaluate(n.left)].filter((id) => right.has(id)));
      }
    }
  };
  const ids = node ? evaluate(node) : new Set<string>();
  for (const address of addresses) {
    const p = byAddress.get(address.toLowerCase());
    if (p) ids.add(p.id);
    else unmatchedAddresses.push(address);
  }

  const unmatchedTerms: ResolvedAudience['unmatchedTerms'] = [];
  for (const term of node ? termsOf(node) : []) {
    if (term.kind === 'user' || term.kind === 'org') {
      if (!byAddress.has(term.address) && !unmatchedAddresses.includes(term.address))
        unmatchedAddresses.push(term.address);
    } else if ((term.kind === 'department' || term.kind === 'jobTitle') && matched(term).size === 0) {
      const known = [...new Set(eligible.map((p) => p[term.kind]).filter((v): v is string => Boolean(v)))];
      unmatchedTerms.push({ term: formatTerm(term), suggestions: closest(term.value, known) });
    }
  }
  return { people: eligible.filter((p) => ids.has(p.id)), unmatchedAddresses, unmatchedTerms };
}

/** Up to three known values closest to what was written (a typo, another spelling). */
export function closest(value: string, known: readonly string[]): string[] {
  const wanted = fold(value);
  return known
    .map((k) => ({ k, d: distance(wanted, fold(k)) - (fold(k).includes(wanted) ? 2 : 0) }))
    .filter((c) => c.d <= Math.max(1, Math.floor(wanted.length / 3)))
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, 3)
    .map((c) => c.k);
}

/** Levenshtein distance, for suggestions (values are short). */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The audience per department, largest first; people without one under "". */
export function countByDepartment(
  people: readonly AudienceCandidate[],
  limit = 50,
): Array<{ department: string; count: number }> {
  const counts = new Map<string, number>();
  for (const p of people) counts.set(p.department ?? '', (counts.get(p.department ?? '') ?? 0) + 1);
  return [...counts]
    .map(([department, count]) => ({ department, count }))
    .sort((a, b) => b.count - a.count || a.department.localeCompare(b.department))
    .slice(0, limit);
}
