import type { SimilarMatch } from '../store/cache-store.js';
import { FlatIndex } from './flat-index.js';
import { IvfIndex } from './ivf-index.js';

export interface VectorIndexOptions {
  /** Partitions up to this many vectors are searched exactly; larger ones use an IVF index. Default 2048. */
  exactUpTo?: number;
  /** IVF lists searched per query (recall vs. speed). Default 8. */
  probes?: number;
}

interface Partition {
  index: FlatIndex | IvfIndex;
  /** Size when the IVF index was trained; retrained once the partition grows 4×. */
  trainedAt: number;
}

/** Growth factor between IVF trainings: each costs O(n·√n·d), so amortised insert cost stays bounded. */
const RETRAIN_GROWTH = 4;

/**
 * The in-process semantic index: one vector index per partition (same namespace, model, parameters
 * and history), exact while small and IVF once large, holding at most `capacity` vectors overall
 * (the oldest go first). Keys whose entries vanished from the store are dropped when a lookup finds them.
 */
export class SemanticIndex {
  private readonly partitions = new Map<string, Partition>();
  /** key → partition, oldest first. */
  private readonly owners = new Map<string, string>();
  private readonly exactUpTo: number;
  private readonly probes: number;

  constructor(
    private readonly capacity: number,
    options: VectorIndexOptions = {},
  ) {
    this.exactUpTo = options.exactUpTo ?? 2048;
    this.probes = options.probes ?? 8;
  }

  get size(): number {
    return this.owners.size;
  }

  add(partition: string, key: string, vector: Float32Array): void {
    this.remove(key);
    let entry = this.partitions.get(partition);
    if (entry === undefined) {
      entry = { index: new FlatIndex(vector.length), trainedAt: 0 };
      this.partitions.set(partition, entry);
    }
    if (entry.index.dimensions !== vector.length) {
      throw new Error(
        `Embedding has ${vector.length} dimensions; this cache holds ${entry.index.dimensions}-dimensional vectors.`,
      );
    }
    entry.index.add(key, vector);
    this.owners.set(key, partition);
    const { size } = entry.index;
    if (size > this.exactUpTo && (entry.trainedAt === 0 || size >= entry.trainedAt * RETRAIN_GROWTH)) {
      entry.index = IvfIndex.train(vector.length, [...entry.index.entries()], { probes: this.probes });
      entry.trainedAt = size;
    }
    while (this.owners.size > this.capacity) {
      const oldest = this.owners.keys().next();
      if (oldest.done === true) break;
      this.remove(oldest.value);
    }
  }

  remove(key: string): void {
    const partition = this.owners.get(key);
    if (partition === undefined) return;
    this.owners.delete(key);
    const entry = this.partitions.get(partition);
    entry?.index.remove(key);
    if (entry?.index.size === 0) this.partitions.delete(partition);
  }

  /** Keys in `partition` with similarity ≥ `threshold`, best first. */
  search(partition: string, vector: Float32Array, threshold: number, limit: number): Array<SimilarMatch> {
    const entry = this.partitions.get(partition);
    if (entry === undefined || entry.index.dimensions !== vector.length) return [];
    return entry.index
      .search(vector, limit)
      .filter((match) => match.score >= threshold)
      .map((match) => ({ key: match.id, score: match.score }));
  }

  clear(): void {
    this.partitions.clear();
    this.owners.clear();
  }
}
