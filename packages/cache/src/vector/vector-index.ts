export interface VectorMatch {
  id: string;
  /** Cosine similarity (vectors are unit length, so the dot product). */
  score: number;
}

/** A set of unit-length vectors searchable by cosine similarity. */
export interface VectorIndex {
  readonly dimensions: number;
  /** Live vectors. */
  readonly size: number;
  /** Adds or replaces the vector under `id`. The vector must be unit length. */
  add(id: string, vector: Float32Array): void;
  remove(id: string): void;
  /** Up to `k` live vectors, most similar first. */
  search(query: Float32Array, k: number): Array<VectorMatch>;
}
