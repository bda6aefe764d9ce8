import { createServer } from 'node:http';

export interface SpanCollector {
  /** `http://127.0.0.1:<port>`, for `observability.tracing.endpoint`. */
  readonly endpoint: string;
  /** Every export request body, exactly as received (OTLP/HTTP JSON). */
  readonly bodies: ReadonlyArray<string>;
  close(): Promise<void>;
}

/** A loopback OTLP/HTTP collector that keeps what it is sent. */
export async function startSpanCollector(): Promise<SpanCollector> {
  const bodies: Array<string> = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      bodies.push(body);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
