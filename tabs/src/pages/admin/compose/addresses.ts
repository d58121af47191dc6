/**
 * A pasted or uploaded list of addresses: one per line, or separated by commas, semicolons or
 * spaces, as people copy them out of Outlook ("Name <a@b.no>; c@d.no") or a spreadsheet column.
 * What does not look like an address is kept apart so the form can name it; the server still
 * decides who each address is (and which match nobody).
 */
export interface ParsedAddresses {
  /** Lower-cased, first occurrence kept, in the order given. */
  addresses: string[];
  /** Pieces that are not an address, as typed (at most `maxInvalid` of them). */
  invalid: string[];
  /** How many duplicates were dropped. */
  duplicates: number;
}

/** Deliberately loose: one @, something on each side, a dot in the domain. The directory decides the rest. */
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;".]{2,}$/;
/** Outlook style "Name <address>": the part inside the brackets is the address. */
const BRACKETED = /<([^<>]+)>/g;
/** A header a spreadsheet export may start with. */
const HEADERS = new Set([
  'email',
  'e-mail',
  'mail',
  'address',
  'upn',
  'userprincipalname',
  'epost',
  'e-post',
]);

export function parseAddresses(text: string, maxInvalid = 20): ParsedAddresses {
  const unbracketed = text.replace(BRACKETED, (_m, inner: string) => ` ${inner} `);
  const pieces = unbracketed
    .split(/[\s,;]+/)
    .map((p) => p.trim().replace(/^["']+|["']+$/g, ''))
    .filter((p) => p.length > 0);
  const seen = new Set<string>();
  const addresses: string[] = [];
  const invalid: string[] = [];
  let duplicates = 0;
  for (const piece of pieces) {
    const lower = piece.toLowerCase();
    if (HEADERS.has(lower)) continue;
    if (!ADDRESS.test(piece)) {
      // Names next to addresses ("Ola Nordmann <ola@…>") are words without an @: not worth a complaint.
      if (piece.includes('@') && invalid.length < maxInvalid) invalid.push(piece);
      continue;
    }
    if (seen.has(lower)) {
      duplicates++;
      continue;
    }
    seen.add(lower);
    addresses.push(lower);
  }
  return { addresses, invalid, duplicates };
}
