import { createServer, type IncomingMessage, type Server } from 'node:http';
import { safeParseJson } from '@switchyard/core';

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface LoopbackReceiver {
  readonly url: string;
  readonly received: Array<ReceivedRequest>;
  close(): Promise<void>;
}

export const portOf = (address: ReturnType<Server['address']>): number =>
  typeof address === 'object' && address !== null ? address.port : 0;

/** A loopback HTTP server answering each request with the next of `statuses` (the last repeats). */
export async function startReceiver(statuses: ReadonlyArray<number> = [200]): Promise<LoopbackReceiver> {
  const received: Array<ReceivedRequest> = [];
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    request.on('end', () => {
      const parsed = safeParseJson(text);
      received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: parsed.success ? parsed.value : text,
      });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
      response.writeHead(status, { 'content-type': 'application/json' }).end('{"status":"success"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${portOf(server.address())}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
