/**
 * A person's directory language, remembered by this process for a few minutes. Every turn answers
 * in the person's language, so without it every click on a card costs a storage read before any of
 * its real work; a person answering a lesson, its quiz and its reflection asks three times for
 * something that changes a few times in a working life. A changed language reaches the answers
 * within `rememberMs` (the cards themselves are rendered from the directory at send time). A person
 * the directory knows without a language (`null`: most people Graph sends none for) is remembered
 * so too; only someone the directory does not know yet (`undefined`) is asked about again.
 */
export function rememberLanguages(
  read: (tenantId: string, id: string) => Promise<string | null | undefined>,
  options: { now: () => number; rememberMs?: number; maxPeople?: number },
): (tenantId: string, id: string) => Promise<string | undefined> {
  const rememberMs = options.rememberMs ?? 5 * 60_000;
  const maxPeople = options.maxPeople ?? 20_000;
  const known = new Map<string, { language: string | null; until: number }>();
  return async (tenantId, id) => {
    const key = `${tenantId}|${id}`;
    const now = options.now();
    const hit = known.get(key);
    if (hit && hit.until > now) return hit.language ?? undefined;
    known.delete(key);
    const language = await read(tenantId, id);
    if (language !== undefined) {
      // A Map iterates in insertion order: the oldest entry goes first when the process is full.
      if (known.size >= maxPeople) known.delete(known.keys().next().value!);
      known.set(key, { language, until: now + rememberMs });
    }
    return language ?? undefined;
  };
}
