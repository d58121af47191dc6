// The one rule every effect figure passes: nothing about fewer than five people is shown. Pure.

/**
 * The smallest group a figure may be about. A department of three, or a question two people have
 * answered, could otherwise be read off as individuals.
 */
export const MIN_GROUP_SIZE = 5;

/**
 * A figure about `people` distinct people, or the fact that it is hidden. A hidden figure carries
 * nothing of the group, not even its size (a count of three is itself a figure about three people).
 */
export type Shown<T> = { shown: true; people: number; value: T } | { shown: false };

/** The figure when at least five people are behind it; `compute` runs only then. */
export function figureAbout<T>(people: number, compute: () => T): Shown<T> {
  return people >= MIN_GROUP_SIZE ? { shown: true, people, value: compute() } : { shown: false };
}

/** The same figure whatever is inside: for code that only asks whether there is one. */
export function isShown<T>(figure: Shown<T>): figure is { shown: true; people: number; value: T } {
  return figure.shown;
}
