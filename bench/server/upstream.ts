/**
 * The loopback "provider" of the server benchmark, run as its own process: answers
 * `POST /v1/chat/completions` with the OpenAI wire fixtures (SSE when the body asks for a stream) over
 * real HTTP, so every gateway pays for parsing, sockets and keep-alive as in production.
 * Prints `listening <port>` on stdout once it accepts connections.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const completion = fixture('openai-chat-completion.json');
const stream = fixture('openai-chat-completion.sse');
const streamRequested = /"stream"\s*:\s*true/;

const server = createServer((request, response) => {
  if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end('{"error":{"message":"not found","type":"invalid_request_error"}}');
    return;
  }
  const chunks: Array<Buffer> = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    if (streamRequested.test(body)) {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
      response.end(stream);
    } else {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': completion.length });
      response.end(completion);
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address !== null ? address.port : ''}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
