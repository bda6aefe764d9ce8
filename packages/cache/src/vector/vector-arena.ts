import { createSimdDotKernel, type DotKernel } from './simd-dot-kernel.js';

const PAGE_BYTES = 65_536;

/** JS fallback with the kernel's contract (`floats` a multiple of 8), over float offsets. */
const jsDot = (data: Float32Array, a: number, b: number, floats: number): number => {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < floats; i += 4) {
    s0 += (data[a + i] ?? 0) * (data[b + i] ?? 0);
    s1 += (data[a + i + 1] ?? 0) * (data[b + i + 1] ?? 0);
    s2 += (data[a + i + 2] ?? 0) * (data[b + i + 2] ?? 0);
    s3 += (data[a + i + 3] ?? 0) * (data[b + i + 3] ?? 0);
  }
  return s0 + s1 + s2 + s3;
};

/**
 * One block of float memory for an index: vectors are `stride` floats apart (dimensions rounded up
 * to 8, zero-padded), regions are handed out by a bump allocator, and dot products run in a
 * WebAssembly SIMD kernel over the same memory when the runtime allows it. Slot 0 is the query.
 */
export class VectorArena {
  readonly stride: number;
  /** Float view of the whole arena; replaced when the arena grows, so never cache it across `allocate`. */
  data: Float32Array;
  private readonly memory: WebAssembly.Memory | undefined;
  private readonly kernel: DotKernel | undefined;
  private top: number;

  constructor(
    readonly dimensions: number,
    initialVectors = 64,
  ) {
    this.stride = Math.ceil(dimensions / 8) * 8;
    const bytes = (initialVectors + 1) * this.stride * 4;
    let memory: WebAssembly.Memory | undefined;
    try {
      memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE_BYTES) });
    } catch {
      memory = undefined;
    }
    this.kernel = memory === undefined ? undefined : createSimdDotKernel(memory);
    this.memory = this.kernel === undefined ? undefined : memory;
    this.data =
      this.memory === undefined ? new Float32Array(bytes / 4) : new Float32Array(this.memory.buffer);
    this.top = this.stride; // slot 0 holds the query
  }

  /** Whether dot products run in the SIMD kernel. */
  get accelerated(): boolean {
    return this.kernel !== undefined;
  }

  /** Float offset of a fresh region for `vectors` vectors. */
  allocate(vectors: number): number {
    const offset = this.top;
    const end = offset + vectors * this.stride;
    if (end > this.data.length) this.grow(end);
    this.top = end;
    return offset;
  }

  /** Copies a unit vector to `offset`, zero-padding to the stride. */
  write(offset: number, vector: Float32Array): void {
    if (vector.length !== this.dimensions) {
      throw new Error(`Vector has ${vector.length} dimensions; this index holds ${this.dimensions}.`);
    }
    this.data.set(vector, offset);
    if (this.stride > this.dimensions) this.data.fill(0, offset + this.dimensions, offset + this.stride);
  }

  /** Writes the query into slot 0; `dot(0, …)` then compares against it. */
  setQuery(vector: Float32Array): void {
    this.write(0, vector);
  }

  dot(aOffset: number, bOffset: number): number {
    return this.kernel === undefined
      ? jsDot(this.data, aOffset, bOffset, this.stride)
      : this.kernel(aOffset * 4, bOffset * 4, this.stride);
  }

  copyWithin(target: number, source: number, vectors: number): void {
    this.data.copyWithin(target, source, source + vectors * this.stride);
  }

  private grow(floatsNeeded: number): void {
    const floats = Math.max(floatsNeeded, this.data.length * 2);
    if (this.memory !== undefined) {
      this.memory.grow(Math.ceil((floats * 4 - this.memory.buffer.byteLength) / PAGE_BYTES));
      this.data = new Float32Array(this.memory.buffer);
      return;
    }
    const grown = new Float32Array(floats);
    grown.set(this.data);
    this.data = grown;
  }
}
