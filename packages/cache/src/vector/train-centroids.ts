import { seededRandom } from './seeded-random.js';
import { VectorArena } from './vector-arena.js';

export interface TrainCentroidsOptions {
  lists: number;
  /** Lloyd iterations. */
  iterations: number;
  seed: number;
}

/**
 * Spherical k-means over `vectors` (unit length): returns `lists` unit centroids, packed
 * `dimensions` floats apart. Starts from distinct random vectors; an empty cluster is re-seeded.
 */
export function trainCentroids(
  vectors: ReadonlyArray<Float32Array>,
  dimensions: number,
  options: TrainCentroidsOptions,
): Float32Array {
  const random = seededRandom(options.seed);
  const lists = Math.min(options.lists, vectors.length);
  const arena = new VectorArena(dimensions, vectors.length + lists);
  const { stride } = arena;
  const sampleOffset = arena.allocate(vectors.length);
  vectors.forEach((vector, index) => {
    arena.write(sampleOffset + index * stride, vector);
  });
  const centroidOffset = arena.allocate(lists);
  const pick = (): Float32Array =>
    vectors[Math.floor(random() * vectors.length)] ?? new Float32Array(dimensions);
  // Distinct starting points: a shuffled prefix of the sample.
  const order = vectors.map((_vector, index) => index);
  for (let index = 0; index < lists; index++) {
    const swap = index + Math.floor(random() * (order.length - index));
    [order[index], order[swap]] = [order[swap] ?? 0, order[index] ?? 0];
    arena.write(centroidOffset + index * stride, vectors[order[index] ?? 0] ?? pick());
  }

  const sums = new Float64Array(lists * dimensions);
  const counts = new Int32Array(lists);
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    sums.fill(0);
    counts.fill(0);
    for (let index = 0; index < vectors.length; index++) {
      const offset = sampleOffset + index * stride;
      let best = 0;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let list = 0; list < lists; list++) {
        const score = arena.dot(offset, centroidOffset + list * stride);
        if (score > bestScore) {
          bestScore = score;
          best = list;
        }
      }
      counts[best] = (counts[best] ?? 0) + 1;
      const vector = vectors[index] ?? new Float32Array(dimensions);
      for (let d = 0; d < dimensions; d++)
        sums[best * dimensions + d] = (sums[best * dimensions + d] ?? 0) + (vector[d] ?? 0);
    }
    for (let list = 0; list < lists; list++) {
      const centroid = new Float32Array(dimensions);
      if (counts[list] === 0) {
        centroid.set(pick());
      } else {
        let norm = 0;
        for (let d = 0; d < dimensions; d++) norm += (sums[list * dimensions + d] ?? 0) ** 2;
        const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
        for (let d = 0; d < dimensions; d++) centroid[d] = (sums[list * dimensions + d] ?? 0) * scale;
      }
      arena.write(centroidOffset + list * stride, centroid);
    }
  }
  const centroids = new Float32Array(lists * dimensions);
  for (let list = 0; list < lists; list++) {
    const start = centroidOffset + list * stride;
    centroids.set(arena.data.subarray(start, start + dimensions), list * dimensions);
  }
  return centroids;
}
