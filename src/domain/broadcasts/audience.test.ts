import { describe, expect, it } from 'vitest';
import { addressesIn, closest, resolveAudience, type AudienceCandidate } from './audience.ts';
import { describeAudienceError, parseAudienceExpression, type AudienceNode } from './audienceExpression.ts';

const person = (id: string, over: Partial<AudienceCandidate> = {}): AudienceCandidate => ({
  id,
  userPrincipalName: `${id}@k.example`,
  displayName: id,
  eligible: true,
  ...over,
});

const directory = [
  person('megan', { department: 'HR' }),
  person('adele', { department: 'Helse og omsorg', jobTitle: 'Leder', managerId: 'megan' }),
  person('alex', {
    department: 'Helse og omsorg',
    jobTitle: 'Sykepleier',
    managerId: 'adele',
    mail: 'Alex.W@k.example',
  }),
  person('lynne', { department: 'Helse og omsorg', jobTitle: 'Sykepleier', managerId: 'adele' }),
  person('isaiah', { department: 'IT', jobTitle: 'Konsulent', managerId: 'megan' }),
  person('guest', { department: 'IT', eligible: false }),
];

function parse(text: string): AudienceNode {
  const parsed = parseAudienceExpression(text);
  if (!parsed.ok) throw new Error(describeAudienceError(parsed.error));
  return parsed.node;
}
const ids = (text: string, addresses: string[] = []) =>
  resolveAudience(parse(text), addresses, directory)
    .people.map((p) => p.id)
    .sort();

describe('audience expressions', () => {
  it('matches everyone eligible, never disabled, removed or guest accounts', () => {
    expect(ids('everyone')).toEqual(['adele', 'alex', 'isaiah', 'lynne', 'megan']);
  });

  it('matches departments and job titles without regard to case, with quotes for spaces', () => {
    expect(ids('department:"helse og omsorg"')).toEqual(['adele', 'alex', 'lynne']);
    expect(ids('title:SYKEPLEIER')).toEqual(['alex', 'lynne']);
  });

  it("takes a manager's whole organisation, at any depth, the manager included", () => {
    expect(ids('org:megan@k.example')).toEqual(['adele', 'alex', 'isaiah', 'lynne', 'megan']);
    expect(ids('org:adele@k.example')).toEqual(['adele', 'alex', 'lynne']);
  });

  it('combines with and, or, not and parentheses; and binds tighter than or', () => {
    expect(ids('department:IT or department:HR and jobTitle:Leder')).toEqual(['isaiah']);
    expect(ids('(department:IT or department:HR) and not user:isaiah@k.example')).toEqual(['megan']);
    expect(ids('everyone and not dept:"Helse og omsorg"')).toEqual(['isaiah', 'megan']);
  });

  it('adds listed addresses (UPN or e-mail) and reports those that match nobody, as written', () => {
    const resolved = resolveAudience(
      parse('department:IT'),
      ['alex.w@k.example', 'nobody@k.example'],
      directory,
    );
    expect(resolved.people.map((p) => p.id).sort()).toEqual(['alex', 'isaiah']);
    expect(resolved.unmatchedAddresses).toEqual(['nobody@k.example']);
    const users = resolveAudience(parse('user:ghost@k.example or org:gone@k.example'), [], directory);
    expect(users.unmatchedAddresses).toEqual(['ghost@k.example', 'gone@k.example']);
  });

  it('reports a department that matches nobody with the closest known ones', () => {
    const resolved = resolveAudience(parse('department:"Helse og omsrog"'), [], directory);
    expect(resolved.people).toEqual([]);
    expect(resolved.unmatchedTerms).toEqual([
      { term: 'department:"Helse og omsrog"', suggestions: ['Helse og omsorg'] },
    ]);
    expect(closest('it', ['IT', 'HR'])).toEqual(['IT']);
  });

  it.each([
    ['', 'the expression is empty'],
    ['department:', 'column 12: expected a value after "department:"'],
    ['team:IT', 'column 1: unknown "team:" (use department:, jobTitle:, org:, user:)'],
    ['department:"IT', 'column 12: a quote that is never closed'],
    [
      'everyone or',
      'column 12: found the end, expected everyone, department:, jobTitle:, org:, user:, not or "("',
    ],
    ['(everyone', 'column 10: found the end, expected ")"'],
    ['everyone IT', 'column 10: found "IT", expected "and", "or" or the end'],
  ])('says what is wrong with %j', (text, message) => {
    const parsed = parseAudienceExpression(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(describeAudienceError(parsed.error)).toBe(message);
  });

  it('refuses expressions nested or long beyond reason, without overflowing the stack', () => {
    expect(parseAudienceExpression('('.repeat(1000) + 'everyone' + ')'.repeat(1000)).ok).toBe(false);
    expect(parseAudienceExpression('not '.repeat(400) + 'everyone').ok).toBe(false);
    expect(parseAudienceExpression(`user:${'a'.repeat(2001)}`).ok).toBe(false);
  });
});

describe('address lists', () => {
  it('reads pasted text and CSV cells, skipping what is not an address', () => {
    const text =
      'email,name\n"Alex.W@k.example",Alex\nlynne@k.example; <isaiah@k.example>\tmailto:megan@k.example\nalex.w@k.example';
    expect(addressesIn(text)).toEqual({
      addresses: ['alex.w@k.example', 'lynne@k.example', 'isaiah@k.example', 'megan@k.example'],
      tooMany: false,
    });
  });
});
