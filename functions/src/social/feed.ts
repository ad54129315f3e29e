/** Who an activity reaches, and who may keep seeing it when a pair changes. Pure: no Firebase. */
import type { ActivityAudience } from "../model/index.js";
import type { PairView } from "./connections.js";

/** What the fan-out reads of the author's side of each pair. */
export type AudienceSide = { otherUid: string } & Pick<PairView, "friend" | "followedBy">;

/**
 * The readers of an activity: the author always; their friends unless it is theirs alone; and,
 * when it is public, their followers too. Pending requests reach nobody.
 */
export function feedReaders(authorId: string, audience: ActivityAudience, sides: readonly AudienceSide[]): string[] {
  const readers = new Set<string>([authorId]);
  if (audience === "only_me") return [...readers];
  for (const side of sides) {
    if (side.friend === "yes" || (audience === "public" && side.followedBy === "yes")) readers.add(side.otherUid);
  }
  return [...readers];
}

/** Whether a reader, standing with the author as `reader` says (the reader's side), may see an activity. */
export function maySee(audience: ActivityAudience, reader: Pick<PairView, "friend" | "following">): boolean {
  if (audience === "only_me") return false;
  if (reader.friend === "yes") return true;
  return audience === "public" && reader.following === "yes";
}
