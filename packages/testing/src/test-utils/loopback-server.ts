import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { freePort } from '../../../../test-support/free-port.js';

/** One request the loopback server received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type LoopbackHandler = (request: ReceivedRequest, response: ServerResponse) => void | Promise<void>;

export interface LoopbackServer {
  readonly baseURL: string;
  readonly requests: ReadonlyArray<ReceivedRequest>;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1, so recordings go through the adapter's SDK and a real `fetch`. */
export async function startLoopbackServer(handler: LoopbackHandler): Promise<LoopbackServer> {
  const requests: Array<ReceivedRequest> = [];
  const port = await freePort();
  const server: Server = createServer((incoming, response) => {
    const chunks: Array<Buffer> = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: ReceivedRequest = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      Promise.resolve(handler(request, response)).catch((error: unknown) => {
        response.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes `bytes` in pieces of the given sizes (cycled), pausing between them so each piece reaches the
 * client as its own chunk: SSE events and multi-byte characters end up split at odd places.
 */
export async function writeInPieces(
  response: ServerResponse,
  bytes: Uint8Array,
  sizes: ReadonlyArray<number>,
  pauseMs = 15,
): Promise<void> {
  let offset = 0;
  for (let piece = 0; offset < bytes.length; piece++) {
    const size = sizes[piece % sizes.length] ?? bytes.length;
    response.write(bytes.subarray(offset, offset + size));
    offset += size;
    await sleep(pauseMs);
  }
  response.end();
}
