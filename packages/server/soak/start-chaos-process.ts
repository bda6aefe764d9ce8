import { type ChildProcess, fork } from 'node:child_process';
import { type ChaosMessage, type ChaosSnapshot, readChaosMessage } from './read-chaos-message.js';

/** The soak's handle on the forked chaos process. */
export interface ChaosProcess {
  /** `http://127.0.0.1:<port>/<provider>/v1`. */
  baseURL(provider: string): string;
  /** The server-side counters; ask once every request settled. */
  snapshot(): Promise<ChaosSnapshot>;
  /** Closes the servers and waits for the process to exit; resolves with its exit code. */
  close(): Promise<number | null>;
}

export interface ChaosProcessOptions {
  readonly seed: string;
  /** See `ChaosServerOptions.forgetAfterMs`. */
  readonly forgetAfterMs: number;
}

/**
 * Waits for the next message that `pick` accepts; rejects if the process exits first or sends
 * something unreadable.
 */
function nextMessage<T>(child: ChildProcess, pick: (message: ChaosMessage) => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => {
      cleanUp();
      reject(new Error(`The chaos process exited (${code}) before answering.`));
    };
    const onMessage = (value: unknown): void => {
      const message = readChaosMessage(value);
      const picked = message === undefined ? undefined : pick(message);
      if (message === undefined) {
        cleanUp();
        reject(new Error(`Unreadable message from the chaos process: ${JSON.stringify(value)}`));
      } else if (picked !== undefined) {
        cleanUp();
        resolve(picked);
      }
    };
    const cleanUp = (): void => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Forks `chaos-process.ts` with this process's loader flags and waits until its servers listen. */
export async function startChaosProcess(options: ChaosProcessOptions): Promise<ChaosProcess> {
  const child = fork(new URL('./chaos-process.ts', import.meta.url), [
    options.seed,
    String(options.forgetAfterMs),
  ]);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const baseURLs = await nextMessage(child, (message) =>
    message.type === 'ready' ? message.baseURLs : undefined,
  );
  return {
    baseURL(provider) {
      const url = baseURLs[provider];
      if (url === undefined) throw new Error(`The chaos process serves no provider '${provider}'.`);
      return url;
    },
    async snapshot() {
      const reply = nextMessage(child, (message) =>
        message.type === 'snapshot' ? message.snapshot : undefined,
      );
      child.send({ type: 'snapshot' });
      return reply;
    },
    async close() {
      const closed = nextMessage(child, (message) => (message.type === 'closed' ? true : undefined));
      child.send({ type: 'close' });
      await closed;
      return exited;
    },
  };
}
