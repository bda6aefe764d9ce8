/**
 * A stable point in [0, 1) for a sticky key: FNV-1a over the UTF-16 code units, then MurmurHash3's
 * finaliser so that keys differing in one character (`user-1`, `user-2`) still land far apart. The
 * prompt name is mixed in, so one user's assignments in different experiments are independent.
 * The same inputs give the same point in every process and on every replica.
 */
export function stickyPoint(promptName: string, stickyKey: string): number {
  const text = `${promptName}\u0000${stickyKey}`;
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 0x1_0000_0000;
}
