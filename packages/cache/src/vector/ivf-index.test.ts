import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlatIndex } from './flat-index.js';
import { IvfIndex } from './ivf-index.js';
import { normalizeVector } from './normalize-vector.js';
import { seededRandom } from './seeded-random.js';
import { SemanticIndex } from './semantic-index.js';

const random = seededRandom(7);
const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
const unit = (values: Array<number>): Float32Array =>
  normalizeVector(values) ?? new Float32Array(values.length);
const dims = 37; // not a multiple of 8: exercises the zero padding

const clustered = (count: number): Array<[string, Float32Array]> => {
  const centres = Array.from({ length: 20 }, () => Array.from({ length: dims }, gauss));
  return Array.from({ length: count }, (_, index) => {
    const centre = centres[index % centres.length] ?? [];
    return [`v${index}`, unit(centre.map((value) => value + 0.3 * gauss()))];
  });
};

const nearDuplicate = (vector: Float32Array) => unit([...vector].map((value) => value + 0.01 * gauss()));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('FlatIndex', () => {
  it('scores the same with the SIMD kernel and with the plain JS fallback', () => {
    const entries = clustered(300);
    const query = nearDuplicate(entries[5]?.[1] ?? new Float32Array(dims));
    const simd = new FlatIndex(dims);
    for (const [id, vector] of entries) simd.add(id, vector);
    vi.stubGlobal('WebAssembly', undefined);
    const plain = new FlatIndex(dims);
    for (const [id, vector] of entries) plain.add(id, vector);
    const [a, b] = [simd.search(query, 5), plain.search(query, 5)];
    expect(a.map((match) => match.id)).toEqual(b.map((match) => match.id));
    a.forEach((match, position) => {
      expect(match.score).toBeCloseTo(b[position]?.score ?? 0, 5);
    });
  });

  it('finds exact cosine neighbours, replaces and removes', () => {
    const index = new FlatIndex(3);
    index.add('x', unit([1, 0, 0]));
    index.add('y', unit([0, 1, 0]));
    index.add('z', unit([1, 1, 0]));
    const [best, second] = index.search(unit([1, 0.1, 0]), 2);
    expect(best?.id).toBe('x');
    expect(best?.score).toBeCloseTo(0.995, 3);
    expect(second?.id).toBe('z');
    index.remove('x');
    index.add('y', unit([1, 0.1, 0]));
    expect(index.search(unit([1, 0.1, 0]), 1)[0]).toMatchObject({ id: 'y' });
    expect(index.size).toBe(2);
    expect(() => index.add('w', unit([1, 0]))).toThrow(/dimensions/);
  });
});

describe('IvfIndex', () => {
  it('finds the brute-force nearest neighbour of near-duplicate queries', () => {
    const entries = clustered(3000);
    const ivf = IvfIndex.train(dims, entries, { probes: 4 });
    const flat = new FlatIndex(dims);
    for (const [id, vector] of entries) flat.add(id, vector);
    let agree = 0;
    for (let query = 0; query < 200; query++) {
      const [, source] = entries[Math.floor(random() * entries.length)] ?? ['', new Float32Array(dims)];
      const probe = nearDuplicate(source);
      if (ivf.search(probe, 1)[0]?.id === flat.search(probe, 1)[0]?.id) agree += 1;
    }
    expect(agree / 200).toBeGreaterThanOrEqual(0.95);
  });

  it('adds after training, removes, and never returns removed vectors', () => {
    const entries = clustered(500);
    const ivf = IvfIndex.train(dims, entries, { lists: 16 });
    const extra = unit(Array.from({ length: dims }, gauss));
    ivf.add('extra', extra);
    expect(ivf.search(extra, 1)[0]).toMatchObject({ id: 'extra' });
    expect(ivf.search(extra, 1)[0]?.score).toBeCloseTo(1, 5);
    ivf.remove('extra');
    for (const [id] of entries.slice(0, 250)) ivf.remove(id);
    expect(ivf.size).toBe(250);
    const found = new Set(ivf.search(extra, 250).map((match) => match.id));
    expect(found.has('extra')).toBe(false);
    expect([...found].every((id) => Number(id.slice(1)) >= 250)).toBe(true);
  });
});

describe('SemanticIndex', () => {
  it('switches a large partition to IVF, keeps partitions apart and bounds its size', () => {
    const index = new SemanticIndex(1000, { exactUpTo: 100 });
    const entries = clustered(900);
    for (const [id, vector] of entries) index.add('p1', id, vector);
    const [id, vector] = entries[42] ?? ['', new Float32Array(dims)];
    expect(index.search('p1', nearDuplicate(vector), 0.9, 1)[0]?.key).toBe(id);
    expect(index.search('p2', vector, 0.5, 1)).toEqual([]);
    for (const [other, v] of clustered(200)) index.add('p2', `p2-${other}`, v);
    expect(index.size).toBe(1000);
    expect(index.search('p1', entries[0]?.[1] ?? vector, 0.999, 1)).toEqual([]); // oldest went first
  });
});
