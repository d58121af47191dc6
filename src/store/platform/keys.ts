/**
 * Table keys. Every partition key starts with the tenant id, so no query can cross tenants by accident.
 * Table Storage forbids '/', '\\', '#', '?' and control characters in keys; ids from Entra and Teams
 * are GUIDs or conversation ids that may contain ':' and '@', which are allowed. Anything else is
 * percent-encoded so distinct ids never collide.
 */
// Control characters are exactly what must be encoded, hence the rule exception.
// eslint-disable-next-line no-control-regex
const forbiddenInKeys = /[/\\#?%\u0000-\u001f\u007f-\u009f|]/g;

export function keyPart(value: string): string {
  if (value === '') throw new Error('an empty key part would merge distinct rows');
  return value.replace(forbiddenInKeys, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A row key made of parts, joined by '|' (encoded inside the parts) so prefix ranges work. */
export function rowKey(...parts: string[]): string {
  return parts.map(keyPart).join('|');
}

/** OData filter bounds for "row key starts with prefix|". */
export function rowKeyPrefixRange(...parts: string[]): { from: string; to: string } {
  const prefix = `${rowKey(...parts)}|`;
  return { from: prefix, to: `${prefix.slice(0, -1)}}` };
}

/**
 * The People table spreads each tenant over 256 partitions by the first two hex digits of the object
 * id (`tenant|3f`): one partition per tenant would cap a first sync at one partition's write rate,
 * and Azurite looks a row up by walking its whole partition, so a large partition makes every upsert
 * slower (16 partitions still grew 2.5× slower per row from the first to the last of 100,000 people).
 * At 256, a partition holds about 400 of 100,000 people. The partition key still starts with the
 * tenant id, so every reader of a tenant (by id, by UPN, a listing) stays inside it.
 */
export function personPartition(tenantId: string, personId: string): string {
  const bucket = /^[0-9a-f]{2}/i.test(personId) ? personId.slice(0, 2).toLowerCase() : '_';
  return `${keyPart(tenantId)}|${bucket}`;
}

/** OData bounds for every People partition of a tenant. */
export function tenantPartitionRange(tenantId: string): { from: string; to: string } {
  return { from: `${keyPart(tenantId)}|`, to: `${keyPart(tenantId)}}` };
}
