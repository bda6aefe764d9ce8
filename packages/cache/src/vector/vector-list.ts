import type { VectorArena } from './vector-arena.js';
import type { VectorMatch } from './vector-index.js';

/** Inserts `match` into `best` (sorted, most similar first), keeping at most `k`. */
export const keepBest = <Id>(
  best: Array<{ id: Id; score: number }>,
  k: number,
  id: Id,
  score: number,
): void => {
  if (best.length === k && score <= (best[k - 1]?.score ?? Number.NEGATIVE_INFINITY)) return;
  let position = best.length;
  while (position > 0 && (best[position - 1]?.score ?? 0) < score) position--;
  best.splice(position, 0, { id, score });
  if (best.length > k) best.pop();
};

/**
 * Vectors stored back to back in one arena region, so a scan reads memory sequentially.
 * Grows by doubling into a new region; removal moves the last vector into the hole.
 */
export class VectorList {
  readonly ids: Array<string> = [];
  private offset = 0;
  private capacity = 0;

  constructor(private readonly arena: VectorArena) {}

  get size(): number {
    return this.ids.length;
  }

  /** Appends and returns the vector's position. */
  add(id: string, vector: Float32Array): number {
    if (this.ids.length === this.capacity) this.reserve(Math.max(8, this.capacity * 2));
    const position = this.ids.length;
    this.arena.write(this.offset + position * this.arena.stride, vector);
    this.ids.push(id);
    return position;
  }

  /** Removes the vector at `position`; returns the id now at `position` (moved from the end), if any. */
  removeAt(position: number): string | undefined {
    const last = this.ids.length - 1;
    const moved = this.ids[last];
    if (position !== last && moved !== undefined) {
      const { stride } = this.arena;
      this.arena.copyWithin(this.offset + position * stride, this.offset + last * stride, 1);
      this.ids[position] = moved;
    }
    this.ids.pop();
    return position !== last ? moved : undefined;
  }

  /** The stored vector at `position` (a copy). */
  vectorAt(position: number): Float32Array {
    const start = this.offset + position * this.arena.stride;
    return this.arena.data.slice(start, start + this.arena.dimensions);
  }

  /** Scores every vector against the arena's query slot into `best`. */
  scan(best: Array<VectorMatch>, k: number): void {
    const { arena, ids } = this;
    const { stride } = arena;
    for (let position = 0, offset = this.offset; position < ids.length; position++, offset += stride) {
      keepBest(best, k, ids[position] ?? '', arena.dot(0, offset));
    }
  }

  private reserve(capacity: number): void {
    const offset = this.arena.allocate(capacity);
    if (this.ids.length > 0) this.arena.copyWithin(offset, this.offset, this.ids.length);
    this.offset = offset;
    this.capacity = capacity;
  }
}
