import type { LogSink } from './log-sink.js';

/**
 * Anything with a Node-style `write(chunk, callback)`: `fs.createWriteStream(path, { flags: 'a' })`,
 * `process.stdout`, a socket. The callback reports when the chunk was handed off (or failed).
 */
export interface NodeStyleWritable {
  write(chunk: string, callback: (error?: Error | null) => void): unknown;
}

export type JsonLinesTarget = NodeStyleWritable | WritableStream<string>;

const isWebStream = (target: JsonLinesTarget): target is WritableStream<string> =>
  typeof WritableStream !== 'undefined' && target instanceof WritableStream;

/**
 * Writes each record as one JSON line to a Node writable (file, stdout) or a web `WritableStream<string>`.
 * One write per batch; the writer waits for it, so a slow target fills the bounded queue instead of memory.
 * Not queryable: pair it with `memorySink()` or `postgresSink()` to serve `logs.query()`.
 */
export function jsonLinesSink(target: JsonLinesTarget): LogSink {
  const writer = isWebStream(target) ? target.getWriter() : undefined;
  const writeNode = (chunk: string): Promise<void> =>
    new Promise((resolve, reject) => {
      if (isWebStream(target)) return resolve();
      target.write(chunk, (error) => (error ? reject(error) : resolve()));
    });

  return {
    name: 'json-lines',
    async write(records) {
      if (records.length === 0) return;
      let chunk = '';
      for (const record of records) chunk += `${JSON.stringify(record)}\n`;
      if (writer === undefined) await writeNode(chunk);
      else await writer.write(chunk);
    },
    close() {
      writer?.releaseLock();
    },
  };
}
