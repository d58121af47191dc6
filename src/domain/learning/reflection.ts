// Checking a reflection answer before it is stored. Pure.

export type ReflectionCheck =
  { ok: true; text: string } | { ok: false; reason: 'empty' | 'tooLong'; length: number };

/**
 * A reflection is 1 to `maxLength` characters once trimmed. Characters are counted as code points
 * after NFC normalisation, so an emoji counts once and "å" counts once however the keyboard typed
 * it. Anything that is not a string counts as empty.
 */
export function validateReflection(text: unknown, maxLength: number): ReflectionCheck {
  const trimmed = typeof text === 'string' ? text.normalize('NFC').trim() : '';
  const length = [...trimmed].length;
  if (length === 0) return { ok: false, reason: 'empty', length };
  if (length > maxLength) return { ok: false, reason: 'tooLong', length };
  return { ok: true, text: trimmed };
}
