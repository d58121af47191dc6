import fs from 'node:fs';

/** CPU time (user + system) a process has used so far, in ms, from /proc; undefined where there is no /proc. */
export function cpuMsOf(pid: number | undefined): number | undefined {
  const split = cpuSplitOf(pid);
  return split && split.user + split.system;
}

/** User and system (kernel: syscalls, loopback networking) CPU ms a process has used so far, from /proc. */
export function cpuSplitOf(pid: number | undefined): { user: number; system: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // USER_HZ is 100 on Linux
    return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
  } catch {
    return undefined;
  }
}

/** CPU ms per request each process spent while the load ran: where the machine's two cores went. */
export function cpuMeter(processes: Record<string, number | undefined>): () => Record<string, number> {
  const before = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuMsOf(pid)]));
  return () => {
    const spent: Record<string, number> = {};
    for (const [name, pid] of Object.entries(processes)) {
      const start = before[name];
      const end = cpuMsOf(pid);
      if (start !== undefined && end !== undefined) spent[name] = end - start;
    }
    return spent;
  };
}

/**
 * Of one core, what each process used over `wallMs` (1 = a core all the time). Each of our
 * processes is one Node.js thread: a share near 1 marks the process everything else waits for.
 */
export function coreShares(cpuMs: Record<string, number>, wallMs: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(cpuMs).map(([name, ms]) => [name, Math.round((ms / wallMs) * 100) / 100]),
  );
}
