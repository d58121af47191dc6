// The reusable parts of building the Teams app package: filling `${{VAR}}` placeholders the way the
// Agents/Teams Toolkit does, validating against the official manifest schema shipped in
// @microsoft/app-manifest (offline, never fetched), and checking the icons.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { inflateSync } from 'node:zlib';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { zipSync } from 'fflate';
import { localizationFiles, repairLocalizationSchemaText } from './app-localization.ts';

export type Env = Readonly<Record<string, string | undefined>>;

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Parses a dotenv-style file (`KEY=value`, `#` comments, optional quotes), as used under `env/`. */
export function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2] ?? '';
    else value = value.replace(/\s+#.*$/, '');
    env[key] = value;
  }
  return env;
}

export interface FilledTemplate {
  text: string;
  /** placeholder names with no value, or an empty one, in order of first use */
  unfilled: string[];
}

/**
 * Replaces `${{VAR}}` with values from `env`. Values are JSON-escaped because the template is JSON.
 * A placeholder whose variable is missing or empty is left in place and reported.
 */
export function fillPlaceholders(template: string, env: Env): FilledTemplate {
  const unfilled = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = env[name];
    if (value === undefined || value === '') {
      unfilled.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text, unfilled: [...unfilled] };
}

const manifestPackageRoot = dirname(
  createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'),
);

/**
 * Where the official schema for a `$schema` URL lives inside @microsoft/app-manifest.
 * Only Teams manifest schemas on developer.microsoft.com are accepted; anything else is an error.
 */
export function localSchemaPath(schemaUrl: string): string {
  const match =
    /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[\w.]+)\/MicrosoftTeams\.schema\.json$/i.exec(
      schemaUrl,
    );
  if (!match?.[1]) throw new Error(`$schema is not a Teams manifest schema URL: ${schemaUrl}`);
  const path = join(
    manifestPackageRoot,
    'build',
    'json-schemas',
    'teams',
    match[1],
    'MicrosoftTeams.schema.json',
  );
  if (!existsSync(path)) {
    throw new Error(`@microsoft/app-manifest does not ship the schema for ${match[1]} (looked for ${path})`);
  }
  return path;
}

/** The localization schema that @microsoft/app-manifest ships beside the manifest schema of the same version. */
export function localizationSchemaPath(manifestSchemaUrl: string): string {
  return join(dirname(localSchemaPath(manifestSchemaUrl)), 'MicrosoftTeams.Localization.schema.json');
}

/** Reads a schema file the way @microsoft/app-manifest does (some schemas contain `\a` / `\v` escapes). */
export function loadSchema(path: string, repair: (text: string) => string = (text) => text): object {
  const raw = repair(readFileSync(path, 'utf8')).replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(raw) as object;
}

/** Validates a filled manifest against the official schema named by its `$schema`, offline. Returns the errors. */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (typeof manifest !== 'object' || manifest === null) return ['manifest is not a JSON object'];
  const schemaUrl = (manifest as { $schema?: unknown }).$schema;
  if (typeof schemaUrl !== 'string') return ['manifest has no $schema'];
  const schema = loadSchema(localSchemaPath(schemaUrl));
  // Passing the schema explicitly keeps @microsoft/app-manifest from ever fetching it.
  return AppManifestUtils.validateAgainstSchema(
    manifest as TeamsManifest,
    schema as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Reads width, height and format from a PNG's IHDR chunk (always the first chunk). */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  if (bytes.length < 33 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (type !== 'IHDR') throw new Error('PNG does not start with an IHDR chunk');
  return {
    width: view.getUint32(16),
    height: view.getUint32(20),
    bitDepth: bytes[24] ?? 0,
    colorType: bytes[25] ?? 0,
  };
}

/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG into RGBA pixels (enough for our own icons). */
export function decodePngRgba(bytes: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const header = readPngHeader(bytes);
  const channels = header.colorType === 6 ? 4 : header.colorType === 2 ? 3 : 0;
  if (header.bitDepth !== 8 || channels === 0 || bytes[28] !== 0) {
    throw new Error('only 8-bit RGB/RGBA non-interlaced PNGs can be decoded');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const { width, height } = header;
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i] ?? 0;
      const a = i >= channels ? (pixels[y * stride + i - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + i] ?? 0) : 0;
      const c = y > 0 && i >= channels ? (pixels[(y - 1) * stride + i - channels] ?? 0) : 0;
      const predictor =
        filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
      pixels[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: pixels };
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    rgba.set(pixels.subarray(p * 3, p * 3 + 3), p * 4);
    rgba[p * 4 + 3] = 0xff;
  }
  return { width, height, rgba };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** Problems with one icon: not a PNG, or the wrong size. */
export function checkIconSize(name: string, bytes: Uint8Array, size: number): string[] {
  try {
    const { width, height } = readPngHeader(bytes);
    return width === size && height === size
      ? []
      : [`${name} is ${width}x${height}, expected ${size}x${size}`];
  } catch (error) {
    return [`${name}: ${(error as Error).message}`];
  }
}

/** Teams wants the outline icon in white on transparent only: report pixels that are neither. */
export function checkOutlineColours(name: string, bytes: Uint8Array): string[] {
  let rgba: Uint8Array;
  try {
    rgba = decodePngRgba(bytes).rgba;
  } catch (error) {
    return [`${name}: ${(error as Error).message}`];
  }
  let offending = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const transparent = rgba[i + 3] === 0;
    const white = rgba[i] === 0xff && rgba[i + 1] === 0xff && rgba[i + 2] === 0xff;
    if (!transparent && !white) offending++;
  }
  return offending === 0 ? [] : [`${name} has ${offending} pixel(s) that are neither white nor transparent`];
}

export type AppPackageResult =
  { ok: true; manifest: Record<string, unknown>; zip: Uint8Array } | { ok: false; problems: string[] };

/**
 * Builds the app package zip from `appPackageDir` (manifest.json and the icons it names) and `env`.
 * Every problem found is reported at once; nothing is written.
 */
export async function buildAppPackage(appPackageDir: string, env: Env): Promise<AppPackageResult> {
  const template = readFileSync(join(appPackageDir, 'manifest.json'), 'utf8');
  const { text, unfilled } = fillPlaceholders(template, env);
  if (unfilled.length > 0) {
    return { ok: false, problems: unfilled.map((name) => `placeholder \${{${name}}} has no value`) };
  }
  const manifest = JSON.parse(text) as Record<string, unknown>;
  const problems = await validateManifest(manifest);

  const files: Record<string, Uint8Array> = { 'manifest.json': new TextEncoder().encode(text) };
  const icons = (manifest.icons ?? {}) as Partial<Record<keyof typeof ICON_SIZES, string>>;
  for (const kind of ['color', 'outline'] as const) {
    const relPath = icons[kind];
    if (!relPath) continue; // the schema check reports a missing icon
    const path = join(appPackageDir, relPath);
    if (!existsSync(path)) {
      problems.push(`icons.${kind}: ${relPath} does not exist`);
      continue;
    }
    const bytes = readFileSync(path);
    const sizeProblems = checkIconSize(relPath, bytes, ICON_SIZES[kind]);
    problems.push(...sizeProblems);
    if (kind === 'outline' && sizeProblems.length === 0)
      problems.push(...checkOutlineColours(relPath, bytes));
    // Same relative path inside the zip as in the manifest; ours sit at the root.
    files[posix.normalize(relPath)] = bytes;
  }
  if (typeof manifest.$schema === 'string' && manifest.localizationInfo !== undefined) {
    const schema = loadSchema(localizationSchemaPath(manifest.$schema), repairLocalizationSchemaText);
    const localized = await localizationFiles(appPackageDir, manifest, schema);
    problems.push(...localized.problems);
    Object.assign(files, localized.files);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, manifest, zip: zipSync(files, { level: 9 }) };
}
