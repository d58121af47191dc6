import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Builds the tab front end (tabs/ → tabs/dist) with Vite, unless it is already built from the same
 * sources. `npm run build` forces a build for deployment; `npm start` and `npm test` call
 * ensureTabsBuilt(), so a fresh checkout still needs only the two README commands.
 *
 * "The same sources" is a hash of every file under tabs/ (but dist/), the API contracts the tab
 * imports, the lockfile (a dependency update changes the bundle) and this script, kept in
 * tabs/dist/.build-stamp. A hash, not mtimes: a checkout or rebase touches files without changing them.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const tabsDist = path.join(repoRoot, 'tabs', 'dist');
const stampFile = path.join(tabsDist, '.build-stamp');

function filesUnder(dir: string, skip: (p: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip(full)) continue;
    if (entry.isDirectory()) out.push(...filesUnder(full, skip));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** The hash of everything the bundle is built from. */
export function tabSourcesHash(): string {
  const tabs = filesUnder(path.join(repoRoot, 'tabs'), (p) => p === tabsDist || p.includes('node_modules'));
  const contracts = filesUnder(path.join(repoRoot, 'src', 'http'), () => false).filter((p) =>
    p.endsWith('contract.ts'),
  );
  const files = [
    ...tabs,
    ...contracts,
    path.join(repoRoot, 'package-lock.json'),
    fileURLToPath(import.meta.url),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(repoRoot, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function tabsAreFresh(): boolean {
  return fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === tabSourcesHash();
}

export async function buildTabs(): Promise<void> {
  const hash = tabSourcesHash();
  const { build } = await import('vite');
  // Vite builds React's development bundle when NODE_ENV says so, and Vitest sets it to "test":
  // the tab is always built for production, whoever builds it.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(repoRoot, 'tabs', 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  // Written last: an interrupted build leaves no stamp, so the next start builds again.
  fs.writeFileSync(stampFile, `${hash}\n`);
}

/** Builds the tab when it is missing or its sources changed; says so, because it takes a few seconds. */
export async function ensureTabsBuilt(say: (line: string) => void = () => undefined): Promise<void> {
  if (tabsAreFresh()) return;
  say('Building the tab front end (tabs/ → tabs/dist)…');
  await buildTabs();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  await buildTabs();
  process.stdout.write(
    `Built the tab front end into ${path.relative(repoRoot, tabsDist)}/ in ${Date.now() - started} ms\n`,
  );
}
