/** The vector scaled to unit length, or undefined when it is empty, zero or not finite. */
export function normalizeVector(values: ReadonlyArray<number>): Float32Array | undefined {
  let norm = 0;
  for (const value of values) {
    if (!Number.isFinite(value)) return undefined;
    norm += value * value;
  }
  if (values.length === 0 || norm === 0) return undefined;
  const scale = 1 / Math.sqrt(norm);
  const vector = new Float32Array(values.length);
  values.forEach((value, index) => {
    vector[index] = value * scale;
  });
  return vector;
}
