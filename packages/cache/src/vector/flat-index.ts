import { VectorArena } from './vector-arena.js';
import type { VectorIndex, VectorMatch } from './vector-index.js';
import { VectorList } from './vector-list.js';

/** Exact search by scanning every vector: the right choice up to a few thousand vectors. */
export class FlatIndex implements VectorIndex {
  private readonly arena: VectorArena;
  private readonly list: VectorList;
  private readonly positions = new Map<string, number>();

  constructor(readonly dimensions: number) {
    this.arena = new VectorArena(dimensions);
    this.list = new VectorList(this.arena);
  }

  get size(): number {
    return this.list.size;
  }

  add(id: string, vector: Float32Array): void {
    this.remove(id);
    this.positions.set(id, this.list.add(id, vector));
  }

  remove(id: string): void {
    const position = this.positions.get(id);
    if (position === undefined) return;
    this.positions.delete(id);
    const moved = this.list.removeAt(position);
    if (moved !== undefined) this.positions.set(moved, position);
  }

  *entries(): Generator<[string, Float32Array]> {
    for (let position = 0; position < this.list.size; position++) {
      yield [this.list.ids[position] ?? '', this.list.vectorAt(position)];
    }
  }

  search(query: Float32Array, k: number): Array<VectorMatch> {
    const best: Array<VectorMatch> = [];
    if (k <= 0 || this.list.size === 0) return best;
    this.arena.setQuery(query);
    this.list.scan(best, k);
    return best;
  }
}
