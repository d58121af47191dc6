/**
 * Shapes of the ids that arrive in activities. Anything that does not match is treated as absent:
 * it is neither stored, nor compared, nor written to a log (a name or an e-mail address put where an
 * id belongs must not end up in one).
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Entra object ids are GUIDs; test and Playground users use short slugs of the same alphabet. */
const OBJECT_ID = /^[A-Za-z0-9-]{1,64}$/;
/** Bot Framework activity ids: GUIDs, "1:abc…", "f:…|0000001", up to a few dozen characters. */
const ACTIVITY_ID = /^[\w:.|@-]{1,128}$/;

/** A tenant id (GUID), lower-cased, or undefined. */
export function tenantIdOf(value: unknown): string | undefined {
  return typeof value === 'string' && GUID.test(value) ? value.toLowerCase() : undefined;
}

export function objectIdOf(value: unknown): string | undefined {
  return typeof value === 'string' && OBJECT_ID.test(value) ? value : undefined;
}

export function activityIdOf(value: unknown): string | undefined {
  return typeof value === 'string' && ACTIVITY_ID.test(value) ? value : undefined;
}
