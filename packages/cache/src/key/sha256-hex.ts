import { createHash } from 'node:crypto';

/**
 * SHA-256 as hex. Synchronous `node:crypto` (Node, Bun, Deno, Workers with nodejs_compat): Web Crypto's
 * digest is async and costs ~25 µs a call, more than a whole in-memory cache hit should.
 */
export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');
