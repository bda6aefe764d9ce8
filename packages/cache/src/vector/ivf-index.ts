import { trainCentroids } from './train-centroids.js';
import { VectorArena } from './vector-arena.js';
import type { VectorIndex, VectorMatch } from './vector-index.js';
import { keepBest, VectorList } from './vector-list.js';

export interface IvfOptions {
  /** Lists searched per query; more is slower and closer to exact. Default 8. */
  probes?: number;
  /** Lists (k-means clusters). Default √n of the training set, at least 16. */
  lists?: number;
  /** Seed of the k-means start, so a build is reproducible. Default 42. */
  seed?: number;
}

/** Vectors sampled for k-means per list: enough for stable centroids, bounded training time. */
const SAMPLE_PER_LIST = 32;

/**
 * An inverted-file index (IVF-flat, as in FAISS and pgvector's `ivfflat`): k-means splits the space
 * into lists, a query scans the `probes` lists whose centroids are nearest. Lists are contiguous in
 * memory and scanned with the SIMD kernel, which suits JavaScript better than graph indexes whose
 * pointer chasing is bound by memory latency. Train it on a representative set; retrain as it grows.
 */
export class IvfIndex implements VectorIndex {
  private readonly arena: VectorArena;
  private readonly centroidOffset: number;
  private readonly lists: Array<VectorList> = [];
  private readonly locations = new Map<string, { list: number; position: number }>();
  private readonly probes: number;

  private constructor(
    readonly dimensions: number,
    centroids: Float32Array,
    capacity: number,
    probes: number,
  ) {
    const listCount = centroids.length / dimensions;
    this.arena = new VectorArena(dimensions, capacity * 2 + listCount);
    this.centroidOffset = this.arena.allocate(listCount);
    for (let list = 0; list < listCount; list++) {
      this.arena.write(
        this.centroidOffset + list * this.arena.stride,
        centroids.subarray(list * dimensions, (list + 1) * dimensions),
      );
      this.lists.push(new VectorList(this.arena));
    }
    this.probes = Math.min(probes, listCount);
  }

  /** Trains centroids on `entries` and indexes them all. */
  static train(
    dimensions: number,
    entries: ReadonlyArray<readonly [string, Float32Array]>,
    options: IvfOptions = {},
  ): IvfIndex {
    const listCount = options.lists ?? Math.max(16, Math.round(Math.sqrt(entries.length)));
    const seed = options.seed ?? 42;
    const step = Math.max(1, Math.floor(entries.length / (listCount * SAMPLE_PER_LIST)));
    const sample = entries.filter((_entry, index) => index % step === 0).map(([, vector]) => vector);
    const centroids = trainCentroids(sample, dimensions, { lists: listCount, iterations: 8, seed });
    const index = new IvfIndex(dimensions, centroids, entries.length, options.probes ?? 8);
    for (const [id, vector] of entries) index.add(id, vector);
    return index;
  }

  get size(): number {
    return this.locations.size;
  }

  add(id: string, vector: Float32Array): void {
    this.remove(id);
    this.arena.setQuery(vector);
    const [list] = this.nearestLists(1);
    const target = this.lists[list ?? 0];
    if (target === undefined) return;
    this.locations.set(id, { list: list ?? 0, position: target.add(id, vector) });
  }

  remove(id: string): void {
    const location = this.locations.get(id);
    if (location === undefined) return;
    this.locations.delete(id);
    const moved = this.lists[location.list]?.removeAt(location.position);
    if (moved !== undefined) this.locations.set(moved, location);
  }

  *entries(): Generator<[string, Float32Array]> {
    for (const list of this.lists) {
      for (let position = 0; position < list.size; position++) {
        yield [list.ids[position] ?? '', list.vectorAt(position)];
      }
    }
  }

  search(query: Float32Array, k: number): Array<VectorMatch> {
    const best: Array<VectorMatch> = [];
    if (k <= 0 || this.locations.size === 0) return best;
    this.arena.setQuery(query);
    for (const list of this.nearestLists(this.probes)) this.lists[list]?.scan(best, k);
    return best;
  }

  /** The `count` lists whose centroids are most similar to the query slot. */
  private nearestLists(count: number): Array<number> {
    const best: Array<{ id: number; score: number }> = [];
    const { stride } = this.arena;
    for (let list = 0; list < this.lists.length; list++) {
      keepBest(best, count, list, this.arena.dot(0, this.centroidOffset + list * stride));
    }
    return best.map((match) => match.id);
  }
}
