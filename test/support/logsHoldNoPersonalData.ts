import { expect, it } from 'vitest';
import type { TestSandbox } from './sandboxProcess.ts';
import { describeFindings, personalDataInLogs } from './personalDataInLogs.ts';

/**
 * The last test of an e2e file: Drypp's whole log of the file's run holds no names, e-mail
 * addresses, message text or tokens (issue 11, item 7). Together the e2e files scan the logs of
 * a full end-to-end run. `typed` is the text people typed in the file's flows.
 */
export function itLeavesNoPersonalDataInLogs(
  sandbox: () => TestSandbox,
  typed: readonly string[] = [],
): void {
  it('leaves no names, e-mail addresses, message text or tokens in Drypp’s logs', () => {
    const lines = sandbox().dryppLogLines();
    // An empty log would pass any scan: the run must have logged at info level (start-up, turns, sends).
    expect(lines.filter((l) => l.includes('"level":"info"')).length).toBeGreaterThan(5);
    const findings = personalDataInLogs(lines, { typed });
    expect(findings, describeFindings(findings)).toEqual([]);
  });
}
