// The Teams app's own texts in other languages (its name, description, tab names and bot commands):
// one localization file per language beside manifest.json, named in its `localizationInfo`. Teams
// applies the default strings, then the language's, then the language-and-region's, so a file tagged
// `sv` serves sv-SE and sv-FI alike.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';

export interface LocalizationFiles {
  /** Path inside the zip → bytes, for every file the manifest names. */
  files: Record<string, Uint8Array>;
  problems: string[];
}

interface LocalizationInfo {
  additionalLanguages?: Array<{ languageTag: string; file: string }>;
}

/**
 * Reads and checks every localization file the manifest names: it exists, matches the official
 * localization schema of the manifest's version, points only at tabs and commands the manifest has,
 * and translates every one of them (a missing translation would show English in the middle of Swedish).
 */
export async function localizationFiles(
  appPackageDir: string,
  manifest: Record<string, unknown>,
  /** The official localization schema of the manifest's version (see `localizationSchemaPath`). */
  schema: object,
): Promise<LocalizationFiles> {
  const info = manifest.localizationInfo as LocalizationInfo | undefined;
  const files: Record<string, Uint8Array> = {};
  const problems: string[] = [];
  const expected = translatableKeys(manifest);

  for (const { languageTag, file } of info?.additionalLanguages ?? []) {
    const path = join(appPackageDir, file);
    if (!existsSync(path)) {
      problems.push(`localizationInfo ${languageTag}: ${file} does not exist`);
      continue;
    }
    const bytes = readFileSync(path);
    let strings: Record<string, unknown>;
    try {
      strings = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    } catch (error) {
      problems.push(`${file}: not JSON: ${(error as Error).message}`);
      continue;
    }
    const schemaErrors = await AppManifestUtils.validateAgainstSchema(
      strings as unknown as TeamsManifest,
      schema as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
    );
    problems.push(...schemaErrors.map((e) => `${file}: ${e}`));
    const keys = Object.keys(strings).filter((k) => k !== '$schema');
    for (const key of keys.filter((k) => !expected.includes(k))) {
      problems.push(`${file}: ${key} is not in manifest.json`);
    }
    for (const key of expected.filter((k) => !keys.includes(k))) {
      problems.push(`${file}: no ${languageTag} text for ${key}`);
    }
    files[posix.normalize(file)] = bytes;
  }
  return { files, problems };
}

/**
 * The official localization schema names two keys with a pattern that has an unescaped `]`, which
 * JavaScript rejects in the Unicode mode ajv compiles patterns in; escaping it matches the same keys.
 */
export function repairLocalizationSchemaText(raw: string): string {
  return raw.replaceAll('\\\\b]\\\\.', '\\\\b\\\\]\\\\.');
}

/** Every text of our manifest that a localization file must translate, in the file's key syntax. */
export function translatableKeys(manifest: Record<string, unknown>): string[] {
  const keys = ['name.short', 'name.full', 'description.short', 'description.full'];
  const tabs = (manifest.staticTabs ?? []) as Array<{ name?: string }>;
  tabs.forEach((tab, i) => {
    if (tab.name !== undefined) keys.push(`staticTabs[${i}].name`);
  });
  const bots = (manifest.bots ?? []) as Array<{
    commandLists?: Array<{ commands?: Array<{ title?: string; description?: string }> }>;
  }>;
  bots[0]?.commandLists?.forEach((list, l) =>
    list.commands?.forEach((command, c) => {
      const at = `bots[0].commandLists[${l}].commands[${c}]`;
      if (command.title !== undefined) keys.push(`${at}.title`);
      if (command.description !== undefined) keys.push(`${at}.description`);
    }),
  );
  return keys;
}
