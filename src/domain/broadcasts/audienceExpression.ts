// The audience expression HR writes (tab and CLI alike): who gets a guideline. One parser for both,
// so the same text means the same people everywhere, and a mistake gets the same clear message. Pure.
//
//   everyone
//   department:"Helse og omsorg"      (dept:)   case-insensitive, exact
//   jobTitle:Sykepleier               (title:)  case-insensitive, exact
//   org:adele@drypp-kommune.example   a manager and everyone below them (UPN, e-mail or object id)
//   user:alex@drypp-kommune.example   one person
//   combined with `or`, `and`, `not` and parentheses; `and` binds tighter than `or`.

export type AudienceTerm =
  | { kind: 'everyone' }
  | { kind: 'department'; value: string }
  | { kind: 'jobTitle'; value: string }
  | { kind: 'org'; address: string }
  | { kind: 'user'; address: string };

export type AudienceNode =
  | { kind: 'term'; term: AudienceTerm }
  | { kind: 'or' | 'and'; left: AudienceNode; right: AudienceNode }
  | { kind: 'not'; operand: AudienceNode };

export const AUDIENCE_EXPRESSION_MAX_LENGTH = 2000;
/** Deeper nesting than this is not an audience anyone writes by hand; it also bounds the recursion. */
const MAX_DEPTH = 32;
const MAX_TERMS = 200;

/** Why an expression does not parse, and where (1-based column). Text for people is built from it. */
export interface AudienceSyntaxError {
  column: number;
  problem:
    | { kind: 'empty' }
    | { kind: 'tooLong'; max: number }
    | { kind: 'unknownKey'; key: string; known: readonly string[] }
    | { kind: 'missingValue'; key: string }
    | { kind: 'unclosedQuote' }
    | { kind: 'unexpected'; found: string; expected: string }
    | { kind: 'tooComplex' };
}

export type ParsedAudience = { ok: true; node: AudienceNode } | { ok: false; error: AudienceSyntaxError };

const KEYS: Record<string, 'department' | 'jobTitle' | 'org' | 'user'> = {
  department: 'department',
  dept: 'department',
  jobtitle: 'jobTitle',
  title: 'jobTitle',
  org: 'org',
  organisation: 'org',
  organization: 'org',
  user: 'user',
};
export const AUDIENCE_KEYS = ['department', 'jobTitle', 'org', 'user'] as const;

type Token =
  | { type: 'word'; text: string; column: number; quoted: boolean }
  | { type: 'pair'; key: string; value: string; column: number }
  | { type: '(' | ')'; column: number }
  | { type: 'end'; column: number };

/** A bare value: anything but whitespace, parentheses and quotes. */
const BARE = /[^\s()"]/;

function tokenize(input: string): { ok: true; tokens: Token[] } | { ok: false; error: AudienceSyntaxError } {
  const tokens: Token[] = [];
  let i = 0;
  const readQuoted = (start: number): { value: string; end: number } | undefined => {
    let value = '';
    let j = start + 1;
    while (j < input.length) {
      const c = input[j]!;
      if (c === '\\' && input[j + 1] === '"') {
        value += '"';
        j += 2;
        continue;
      }
      if (c === '"') return { value, end: j + 1 };
      value += c;
      j++;
    }
    return undefined;
  };
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      tokens.push({ type: c, column: i + 1 });
      i++;
      continue;
    }
    if (c === '"') {
      const q = readQuoted(i);
      if (!q) return { ok: false, error: { column: i + 1, problem: { kind: 'unclosedQuote' } } };
      tokens.push({ type: 'word', text: q.value, column: i + 1, quoted: true });
      i = q.end;
      continue;
    }
    const start = i;
    let word = '';
    while (i < input.length && BARE.test(input[i]!) && input[i] !== ':') word += input[i++];
    if (input[i] === ':') {
      i++; // past the colon: a key:value pair
      let value: string | undefined;
      if (input[i] === '"') {
        const q = readQuoted(i);
        if (!q) return { ok: false, error: { column: i + 1, problem: { kind: 'unclosedQuote' } } };
        value = q.value;
        i = q.end;
      } else {
        let bare = '';
        while (i < input.length && BARE.test(input[i]!)) bare += input[i++];
        value = bare;
      }
      tokens.push({ type: 'pair', key: word, value, column: start + 1 });
      continue;
    }
    tokens.push({ type: 'word', text: word, column: start + 1, quoted: false });
  }
  tokens.push({ type: 'end', column: input.length + 1 });
  return { ok: true, tokens };
}

/** Parses an audience expression, or says precisely what is wrong with it. */
export function parseAudienceExpression(input: string): ParsedAudience {
  if (input.length > AUDIENCE_EXPRESSION_MAX_LENGTH)
    return {
      ok: false,
      error: { column: 1, problem: { kind: 'tooLong', max: AUDIENCE_EXPRESSION_MAX_LENGTH } },
    };
  if (input.trim() === '') return { ok: false, error: { column: 1, problem: { kind: 'empty' } } };
  const lexed = tokenize(input);
  if (!lexed.ok) return lexed;
  const tokens = lexed.tokens;
  let pos = 0;
  let terms = 0;
  const peek = () => tokens[pos]!;
  const isWord = (t: Token, w: string) => t.type === 'word' && !t.quoted && t.text.toLowerCase() === w;
  const fail = (column: number, problem: AudienceSyntaxError['problem']): never => {
    throw new SyntaxFailure({ column, problem });
  };
  const describe = (t: Token) =>
    t.type === 'end'
      ? 'the end'
      : t.type === 'word'
        ? `"${t.text}"`
        : t.type === 'pair'
          ? `"${t.key}:"`
          : `"${t.type}"`;

  const orExpr = (depth: number): AudienceNode => {
    let left = andExpr(depth);
    while (isWord(peek(), 'or')) {
      pos++;
      left = { kind: 'or', left, right: andExpr(depth) };
    }
    return left;
  };
  const andExpr = (depth: number): AudienceNode => {
    let left = unary(depth);
    while (isWord(peek(), 'and')) {
      pos++;
      left = { kind: 'and', left, right: unary(depth) };
    }
    return left;
  };
  const unary = (depth: number): AudienceNode => {
    if (depth > MAX_DEPTH) fail(peek().column, { kind: 'tooComplex' });
    if (isWord(peek(), 'not')) {
      pos++;
      return { kind: 'not', operand: unary(depth + 1) };
    }
    return primary(depth);
  };
  const primary = (depth: number): AudienceNode => {
    const t = peek();
    if (t.type === '(') {
      pos++;
      const inner = orExpr(depth + 1);
      const close = peek();
      if (close.type !== ')')
        fail(close.column, { kind: 'unexpected', found: describe(close), expected: '")"' });
      pos++;
      return inner;
    }
    if (++terms > MAX_TERMS) fail(t.column, { kind: 'tooComplex' });
    if (isWord(t, 'everyone') || isWord(t, 'all')) {
      pos++;
      return { kind: 'term', term: { kind: 'everyone' } };
    }
    if (t.type === 'pair') {
      const key = KEYS[t.key.toLowerCase()];
      if (!key) fail(t.column, { kind: 'unknownKey', key: t.key, known: AUDIENCE_KEYS });
      const value = t.value.trim();
      if (value === '') fail(t.column + t.key.length + 1, { kind: 'missingValue', key: t.key }); // where the value should be
      pos++;
      const term: AudienceTerm =
        key === 'department' || key === 'jobTitle'
          ? { kind: key, value }
          : { kind: key!, address: value.toLowerCase() };
      return { kind: 'term', term };
    }
    return fail(t.column, {
      kind: 'unexpected',
      found: describe(t),
      expected: 'everyone, department:, jobTitle:, org:, user:, not or "("',
    });
  };

  try {
    const node = orExpr(0);
    const rest = peek();
    if (rest.type !== 'end')
      fail(rest.column, { kind: 'unexpected', found: describe(rest), expected: '"and", "or" or the end' });
    return { ok: true, node };
  } catch (error) {
    if (error instanceof SyntaxFailure) return { ok: false, error: error.detail };
    throw error;
  }
}

/** Internal: unwinds the recursive descent to the one place that turns it into a value. */
class SyntaxFailure extends Error {
  constructor(readonly detail: AudienceSyntaxError) {
    super('audience syntax');
  }
}

/** Every term of an expression, left to right (for reporting those that match nobody). */
export function termsOf(node: AudienceNode): AudienceTerm[] {
  switch (node.kind) {
    case 'term':
      return [node.term];
    case 'not':
      return termsOf(node.operand);
    default:
      return [...termsOf(node.left), ...termsOf(node.right)];
  }
}

/** A term as it would be written, for messages: `department:"Helse og omsorg"`. */
export function formatTerm(term: AudienceTerm): string {
  const quote = (v: string) => (/^[^\s()"]+$/.test(v) ? v : `"${v.replace(/"/g, '\\"')}"`);
  switch (term.kind) {
    case 'everyone':
      return 'everyone';
    case 'department':
    case 'jobTitle':
      return `${term.kind}:${quote(term.value)}`;
    default:
      return `${term.kind}:${quote(term.address)}`;
  }
}

/** English text of a syntax error, for the tab API's issue message and developers. */
export function describeAudienceError(error: AudienceSyntaxError): string {
  const p = error.problem;
  const at = `column ${error.column}: `;
  switch (p.kind) {
    case 'empty':
      return 'the expression is empty';
    case 'tooLong':
      return `at most ${p.max} characters`;
    case 'unknownKey':
      return `${at}unknown "${p.key}:" (use ${p.known.map((k) => `${k}:`).join(', ')})`;
    case 'missingValue':
      return `${at}expected a value after "${p.key}:"`;
    case 'unclosedQuote':
      return `${at}a quote that is never closed`;
    case 'unexpected':
      return `${at}found ${p.found}, expected ${p.expected}`;
    case 'tooComplex':
      return `${at}too many terms or parentheses`;
  }
}
