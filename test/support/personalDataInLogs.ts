import { demoPeople } from '../../sandbox/demoOrganisation.ts';

/**
 * What a data-protection officer means by "no personal data in the logs" (issue 11, item 7): no
 * names, e-mail addresses, message text or tokens. The e2e files scan Drypp's whole log of their
 * run with this, so a log call added anywhere on a path the sandbox exercises is caught.
 */
export interface PersonalDataFinding {
  kind: 'name' | 'e-mail address' | 'message text' | 'token';
  what: string;
  line: string;
}

export interface WhatToLookFor {
  /** People whose names and addresses must not appear; the demo organisation by default. */
  people?: ReadonlyArray<{ displayName: string; userPrincipalName: string }>;
  /** Text people typed in this run (chat messages, reflections, broadcast texts). */
  typed?: readonly string[];
}

// Any address-shaped string, not only the demo people's: a guest's or a manager's mail is as personal.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// A JWT (header.payload.signature, base64url; headers start with `{"` = eyJ) or a bearer/basic credential.
const JWT = /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;
const CREDENTIAL = /\b(?:bearer|basic)\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]{12,}/gi;

export function personalDataInLogs(
  lines: readonly string[],
  lookFor: WhatToLookFor = {},
): PersonalDataFinding[] {
  const people = lookFor.people ?? demoPeople;
  const names = new Set<string>();
  for (const p of people) {
    names.add(p.displayName);
    // Given name and surname alone, as whole words: "Alex" in a log is as telling as "Alex Wilber".
    for (const part of p.displayName.split(/\s+/)) if (part.length >= 3) names.add(part);
  }
  const nameRules = [...names].map((name) => ({
    name,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, 'u'),
  }));
  const typed = (lookFor.typed ?? []).filter((t) => t.trim().length >= 6);

  const findings: PersonalDataFinding[] = [];
  for (const line of lines) {
    for (const match of line.match(EMAIL) ?? []) findings.push({ kind: 'e-mail address', what: match, line });
    for (const match of line.match(JWT) ?? [])
      findings.push({ kind: 'token', what: match.slice(0, 12), line });
    for (const match of line.match(CREDENTIAL) ?? [])
      findings.push({ kind: 'token', what: match.slice(0, 12), line });
    for (const rule of nameRules)
      if (rule.pattern.test(line)) findings.push({ kind: 'name', what: rule.name, line });
    for (const text of typed)
      if (line.includes(text) || line.includes(JSON.stringify(text).slice(1, -1)))
        findings.push({ kind: 'message text', what: text, line });
  }
  return findings;
}

/** A readable failure: which kinds were found, and the first lines that hold them. */
export function describeFindings(findings: readonly PersonalDataFinding[]): string {
  return findings
    .slice(0, 10)
    .map((f) => `${f.kind} "${f.what}" in: ${f.line.slice(0, 300)}`)
    .join('\n');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
