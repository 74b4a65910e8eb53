import Fuse from "fuse.js";

/** How many loaded ids a usage error lists in full; past it, only the closest are named. */
export const LISTED_IDS = 10;

/** How many of the closest ids are named when there are too many to list. */
export const CLOSEST_IDS = 5;

/** Characters of the typed id compared with the loaded ones: a pasted page is no id. */
const COMPARED_CHARS = 64;

/**
 * What `ask --article ID` says of an id no loaded article has: every loaded id when there
 * are few, else how many there are and the ids closest to the one typed (an archive has
 * thousands: listing 14,397 of them buried the mistake). The typed id comes already quoted.
 */
export function unknownArticleMessage(
  quotedId: string,
  typed: string,
  ids: readonly string[],
): string {
  if (ids.length <= LISTED_IDS) return `no article ${quotedId}; loaded: ${ids.join(", ")}`;
  const count = ids.length.toLocaleString("en");
  const closest = new Fuse([...ids], { ignoreLocation: true })
    .search(typed.slice(0, COMPARED_CHARS), { limit: CLOSEST_IDS })
    .map((result) => result.item);
  return closest.length > 0
    ? `no article ${quotedId} among ${count} loaded; the closest: ${closest.join(", ")}`
    : `no article ${quotedId} among ${count} loaded, none with an id like it`;
}
