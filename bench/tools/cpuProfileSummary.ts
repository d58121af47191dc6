import fs from 'node:fs';

/**
 * `node --import tsx bench/tools/cpuProfileSummary.ts <file.cpuprofile> [<fromUs>,<toUs>]`: where a
 * process's CPU went, from a V8 profile (`npm run bench -- invoke --drypp-cpu-prof <dir>`), by
 * package and by function (own time), and the functions that hold the most (inclusive). The window
 * is the result's `cpu_profile_window_us` (CLOCK_MONOTONIC µs, the profile's own clock), so start-up
 * and shutdown are left out.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const [file, windowArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write(
    'Usage: node --import tsx bench/tools/cpuProfileSummary.ts <file.cpuprofile> [from,to]\n',
  );
  process.exit(1);
}
const window = windowArg?.split(',').map(Number);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const selfUs = new Map<number, number>();
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  at += dt;
  if (window && (at < window[0]! || at > window[1]!)) return;
  selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
});

const name = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '')}:${n.callFrame.lineNumber}`;
const packageOf = (n: ProfileNode) =>
  /node_modules\/((@[^/]+\/)?[^/]+)/.exec(n.callFrame.url)?.[1] ??
  (n.callFrame.url.startsWith('node:') ? 'node' : n.callFrame.url ? 'drypp' : n.callFrame.functionName);

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const packages = new Map<string, number>();
const own = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
for (const [id, us] of selfUs) {
  const node = byId.get(id)!;
  total += us;
  add(packages, packageOf(node), us);
  add(own, name(node), us);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const key = name(byId.get(cur)!);
    if (!seen.has(key)) add(inclusive, key, us);
    seen.add(key);
  }
}

const print = (title: string, m: Map<string, number>, n: number) => {
  process.stdout.write(`--- ${title}\n`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    process.stdout.write(`${(us / 1000).toFixed(0).padStart(8)} ms  ${k}\n`);
  }
};
process.stdout.write(`${(total / 1000).toFixed(0)} ms sampled\n`);
print('by package (own time)', packages, 25);
print('by function (own time)', own, 40);
print('by function (inclusive)', inclusive, 60);
