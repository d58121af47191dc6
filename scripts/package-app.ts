// Builds build/appPackage.<env>.zip from appPackage/ and env/.env.<env>.
// Usage: npm run package:app -- [--env local|dev]   (default: dev)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildAppPackage, parseEnvFile } from './app-package.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

const { values } = parseArgs({ options: { env: { type: 'string', default: 'dev' } } });
const envName = values.env;
if (!/^[\w-]+$/.test(envName)) fail([`--env must be a plain name such as local or dev, got "${envName}"`]);

const envPath = `${root}env/.env.${envName}`;
if (!existsSync(envPath)) fail([`no environment file at env/.env.${envName}`]);
// Like the toolkit: values in .env.<name>.user (secrets, git-ignored) are added; the process environment wins.
const userEnvPath = `${envPath}.user`;
const env = {
  ...parseEnvFile(readFileSync(envPath, 'utf8')),
  ...(existsSync(userEnvPath) ? parseEnvFile(readFileSync(userEnvPath, 'utf8')) : {}),
  ...process.env,
};

const result = await buildAppPackage(`${root}appPackage`, env);
if (!result.ok) {
  fail([
    `app package for "${envName}" not built:`,
    ...result.problems.map((problem) => `  - ${problem}`),
    ...(result.problems.some((p) => p.startsWith('placeholder'))
      ? [`fill them in env/.env.${envName} (or provision with the toolkit, which writes them)`]
      : []),
  ]);
}

mkdirSync(`${root}build`, { recursive: true });
const outPath = `build/appPackage.${envName}.zip`;
writeFileSync(`${root}${outPath}`, result.zip);
console.log(`wrote ${outPath} (${result.zip.length} bytes): manifest.json, color.png, outline.png`);
