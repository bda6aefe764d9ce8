/**
 * Cache benchmark: exact-hit latency in memory (and Redis when `redis-server` is installed), and semantic
 * lookup over N 384-dimensional entries (default 100 000) with recall@1 against brute force (and pgvector
 * on PGlite when `@electric-sql/pglite-pgvector` is installed). Prints a table; exits nonzero only on a crash.
 *
 *   node --conditions=@switchyard/source --import tsx packages/cache/bench/cache-bench.ts
 *   CACHE_BENCH_ENTRIES=20000 … for a quicker run
 */
import type { Extension } from '@electric-sql/pglite';
import type { ChatCompletionCreateParamsBase, MiddlewareHandler, MiddlewareState } from '@switchyard/core';
import { createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { type CacheStore, cache } from '../src/index.js';
import { isRecordLike } from '../src/internal/is-record-like.js';
import { FlatIndex } from '../src/vector/flat-index.js';
import { normalizeVector } from '../src/vector/normalize-vector.js';
import { seededRandom } from '../src/vector/seeded-random.js';
import { SemanticIndex } from '../src/vector/semantic-index.js';

const isExtension = (value: unknown): value is Extension =>
  isRecordLike(value) && typeof value.name === 'string' && typeof value.setup === 'function';

const ENTRIES = Number(process.env.CACHE_BENCH_ENTRIES ?? 100_000);
const DIMENSIONS = 384;
const QUERIES = Number(process.env.CACHE_BENCH_QUERIES ?? 500);
const rows: Array<[string, string, string]> = [];
const log = (line: string) => process.stderr.write(`[cache-bench] ${line}\n`);

const percentile = (samples: Array<number>, p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
};
const micros = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
const millis = (ms: number) => `${ms.toFixed(3)} ms`;

// ---- exact hits --------------------------------------------------------------------------------
const request: ChatCompletionCreateParamsBase = {
  model: 'p/m',
  temperature: 0.2,
  messages: [
    { role: 'system', content: 'You are a concise assistant.' },
    { role: 'user', content: 'What is Kubernetes, and why would a small team use it?' },
  ],
};

const newState = (): MiddlewareState => ({
  request,
  options: {},
  metadata: { api_key_id: 'team-a' },
  route: 'p/m',
  // What the gateway sets for this route, so the handler finds the entry the warm-up call stored.
  routeTargets: () => ['p/m'],
  traceId: 'bench',
  stream: false,
  startedAt: performance.now(),
  signal: undefined,
  cache: 'bypass',
  attempts: [],
  warnings: [],
  provider: undefined,
  model: undefined,
  usage: undefined,
  locals: new Map(),
});

const measureExactHits = async (label: string, store: CacheStore | undefined, iterations: number) => {
  const mock = mockProvider({ reply: 'Kubernetes schedules containers across machines. '.repeat(8) });
  const responseCache = cache(store === undefined ? {} : { store });
  const handler: MiddlewareHandler | undefined = responseCache.stages.cache;
  if (handler === undefined) throw new Error('cache middleware has no cache stage');
  const gateway = createGateway({ providers: { p: mock }, middleware: [responseCache] });
  await gateway.chat.completions.create(request, { metadata: { api_key_id: 'team-a' } });
  const miss = () => Promise.reject(new Error('unexpected miss'));
  const handlerSamples: Array<number> = [];
  const gatewaySamples: Array<number> = [];
  for (let i = 0; i < iterations * 1.2; i++) {
    const state = newState();
    const start = performance.now();
    await handler(state, miss);
    const elapsed = performance.now() - start;
    if (i >= iterations * 0.2) handlerSamples.push(elapsed);
  }
  for (let i = 0; i < iterations * 1.2; i++) {
    const start = performance.now();
    const completion = await gateway.chat.completions.create(request, { metadata: { api_key_id: 'team-a' } });
    const elapsed = performance.now() - start;
    if (completion.switchyard.cache !== 'hit')
      throw new Error(`expected a hit, got ${completion.switchyard.cache}`);
    if (i >= iterations * 0.2) gatewaySamples.push(elapsed);
  }
  rows.push([
    `exact hit, ${label}: cache stage`,
    `p50 ${micros(percentile(handlerSamples, 0.5))}`,
    `p99 ${micros(percentile(handlerSamples, 0.99))}`,
  ]);
  rows.push([
    `exact hit, ${label}: whole create()`,
    `p50 ${micros(percentile(gatewaySamples, 0.5))}`,
    `p99 ${micros(percentile(gatewaySamples, 0.99))}`,
  ]);
};

log('exact hits in memory');
await measureExactHits('memory', undefined, 20_000);

try {
  const [{ startRedis }, { createClient }, { redisStore }] = await Promise.all([
    import('../../../test-support/redis-server.js'),
    import('redis'),
    import('../src/index.js'),
  ]);
  const server = await startRedis();
  const client = createClient({ url: server.url });
  await client.connect();
  log('exact hits in Redis (loopback)');
  await measureExactHits('Redis loopback', redisStore(client), 3_000);
  await client.quit();
  await server.stop();
} catch (error) {
  rows.push([
    'exact hit, Redis',
    'skipped',
    error instanceof Error ? error.message.slice(0, 60) : 'unavailable',
  ]);
}

// ---- semantic lookup ---------------------------------------------------------------------------
const random = seededRandom(2024);
const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
const unit = (values: Array<number>): Float32Array =>
  normalizeVector(values) ?? new Float32Array(values.length);
const perturb = (vector: Float32Array | Array<number>, noise: number) =>
  unit(Array.from(vector, (value) => value + noise * gauss()));

// Embeddings cluster by topic; 1 000 topics, each entry a noisy member of one.
const topics = Array.from({ length: 1_000 }, () => unit(Array.from({ length: DIMENSIONS }, gauss)));
const vectors: Array<Float32Array> = [];
for (let i = 0; i < ENTRIES; i++)
  vectors.push(perturb(topics[Math.floor(random() * topics.length)] ?? [], 0.08));

log(`semantic: indexing ${ENTRIES} × ${DIMENSIONS}`);
const index = new SemanticIndex(ENTRIES);
let start = performance.now();
vectors.forEach((vector, i) => {
  index.add('partition', `k${i}`, vector);
});
const buildSeconds = (performance.now() - start) / 1000;
const flat = new FlatIndex(DIMENSIONS);
vectors.forEach((vector, i) => {
  flat.add(`k${i}`, vector);
});

const measureSemantic = (label: string, queries: Array<Float32Array>) => {
  const annSamples: Array<number> = [];
  const flatSamples: Array<number> = [];
  let agree = 0;
  for (const query of queries) {
    start = performance.now();
    const [ann] = index.search('partition', query, -1, 1);
    annSamples.push(performance.now() - start);
    start = performance.now();
    const [exact] = flat.search(query, 1);
    flatSamples.push(performance.now() - start);
    if (ann?.key === exact?.id) agree += 1;
  }
  rows.push([
    `semantic lookup, ${ENTRIES} × ${DIMENSIONS}, ${label}`,
    `p50 ${millis(percentile(annSamples, 0.5))} (p99 ${millis(percentile(annSamples, 0.99))})`,
    `recall@1 ${(agree / queries.length).toFixed(3)}; brute force p50 ${millis(percentile(flatSamples, 0.5))}`,
  ]);
};

// Paraphrase-like queries: cosine ≈ 0.97 to a stored entry, the case a 0.95 threshold serves.
measureSemantic(
  'paraphrase queries',
  Array.from({ length: QUERIES }, () => perturb(vectors[Math.floor(random() * ENTRIES)] ?? [], 0.012)),
);
// Unrelated members of a topic: near-ties that no threshold would accept; recall here is informative only.
measureSemantic(
  'fresh topic queries',
  Array.from({ length: QUERIES }, () => perturb(topics[Math.floor(random() * topics.length)] ?? [], 0.08)),
);
rows.push([
  `semantic index build, ${ENTRIES} inserts (IVF retrains at 2k·4ⁿ)`,
  `${buildSeconds.toFixed(1)} s`,
  '',
]);

// ---- pgvector on PGlite ------------------------------------------------------------------------
try {
  const specifier = '@electric-sql/pglite-pgvector';
  const [{ PGlite }, pgvector, { postgresStore }] = await Promise.all([
    import('@electric-sql/pglite'),
    import(/* @vite-ignore */ specifier).then((module: unknown) => module),
    import('../src/index.js'),
  ]);
  const vector = isRecordLike(pgvector) ? pgvector.vector : undefined;
  if (!isExtension(vector)) throw new Error(`${specifier} has no vector extension`);
  const count = Math.min(ENTRIES, Number(process.env.CACHE_BENCH_PGVECTOR_ENTRIES ?? 10_000));
  log(`pgvector (PGlite): inserting ${count}`);
  const db = await PGlite.create({ extensions: { vector } });
  const store = postgresStore(db, { vector: { dimensions: DIMENSIONS } });
  start = performance.now();
  for (let i = 0; i < count; i++) {
    const now = Date.now();
    await store.set(
      `ns:k${i}`,
      {
        meta: {
          namespace: 'ns',
          provider: 'p',
          model: 'm',
          prompt: 'q',
          createdAt: now,
          expiresAt: now + 3_600_000,
        },
        body: '{}',
        partition: 'partition',
        vector: [...(vectors[i] ?? [])],
      },
      3_600_000,
    );
  }
  const insertMs = (performance.now() - start) / count;
  const samples: Array<number> = [];
  for (let q = 0; q < Math.min(QUERIES, 200); q++) {
    const query = perturb(vectors[Math.floor(random() * count)] ?? [], 0.012);
    start = performance.now();
    await store.searchSimilar?.({ partition: 'partition', vector: [...query], threshold: 0.9, limit: 4 });
    samples.push(performance.now() - start);
  }
  rows.push([
    `pgvector on PGlite (WASM), ${count} × ${DIMENSIONS}, HNSW`,
    `lookup p50 ${millis(percentile(samples, 0.5))}`,
    `insert ${millis(insertMs)} each`,
  ]);
  await db.close();
} catch (error) {
  rows.push([
    'pgvector on PGlite',
    'skipped',
    error instanceof Error ? error.message.slice(0, 60) : 'unavailable',
  ]);
}

const width = Math.max(...rows.map(([name]) => name.length));
process.stdout.write(`\n${'measurement'.padEnd(width)}  result\n`);
for (const [name, first, second] of rows)
  process.stdout.write(`${name.padEnd(width)}  ${first}  ${second}\n`);
