import { type Extension, PGlite } from '@electric-sql/pglite';
import { createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeStoreContract } from '../../test/store-contract.js';
import { tableEmbedder } from '../../test/table-embedder.js';
import { cache } from '../cache.js';
import { isRecordLike } from '../internal/is-record-like.js';
import { postgresStore } from './postgres-store.js';

const isExtension = (value: unknown): value is Extension =>
  isRecordLike(value) && typeof value.name === 'string' && typeof value.setup === 'function';

/**
 * pgvector runs on PGlite's extension build (Debian bookworm packages no pgvector for a real server).
 * PGlite 0.5 ships it as `@electric-sql/pglite-pgvector`; the specifier is a variable so this file still
 * type-checks and skips, rather than fails, where that dev dependency is not installed.
 */
const loadVector = async (): Promise<Extension | undefined> => {
  const specifier = '@electric-sql/pglite-pgvector';
  try {
    const module: unknown = await import(/* @vite-ignore */ specifier);
    const vector = isRecordLike(module) ? module.vector : undefined;
    return isExtension(vector) ? vector : undefined;
  } catch {
    return undefined;
  }
};

const vector = await loadVector();
const newDb = async () => {
  if (vector === undefined) throw new Error('pgvector is not installed');
  return PGlite.create({ extensions: { vector } });
};

describe.skipIf(vector === undefined)('postgresStore with pgvector (PGlite)', () => {
  describeStoreContract('postgresStore + vector', async () => {
    const db = await newDb();
    return { store: postgresStore(db, { vector: { dimensions: 3 } }), teardown: () => db.close() };
  });

  const embed = tableEmbedder({
    'What is Kubernetes?': [1, 0, 0],
    'Explain Kubernetes to me': [0.96, 0.28, 0],
    'Tell me about Docker': [0.5, 0.866, 0],
  });
  let db: PGlite;
  beforeAll(async () => {
    db = await newDb();
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('answers semantic lookups in SQL, shared by replicas, within one partition only', async () => {
    const replicas = [1, 2].map(() => {
      const mock = mockProvider({ reply: 'Kubernetes orchestrates containers.' });
      const gateway = createGateway({
        providers: { p: mock },
        middleware: [
          cache({
            mode: 'semantic',
            embed,
            store: postgresStore(db, { table: 'semantic_cache', vector: { dimensions: 3 } }),
          }),
        ],
      });
      const ask = (content: string, temperature = 0) =>
        gateway.chat.completions.create({ model: 'p/m', temperature, messages: [{ role: 'user', content }] });
      return { mock, ask };
    });
    const [a, b] = replicas;
    expect((await a?.ask('What is Kubernetes?'))?.switchyard.cache).toBe('miss');
    const similar = await b?.ask('Explain Kubernetes to me');
    expect(similar?.switchyard.cache).toBe('semantic-hit');
    expect(similar?.choices[0]?.message.content).toBe('Kubernetes orchestrates containers.');
    expect(b?.mock.calls).toHaveLength(0);
    expect((await b?.ask('Tell me about Docker'))?.switchyard.cache).toBe('miss');
    expect((await b?.ask('Explain Kubernetes to me', 1))?.switchyard.cache).toBe('miss');
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'semantic_cache' AND indexdef LIKE '%hnsw%'",
    );
    expect(rows[0]?.n).toBe(1);
  }, 120_000);
});
