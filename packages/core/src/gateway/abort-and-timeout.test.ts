import { describe, expect, it } from 'vitest';
import { AbortError, TimeoutError } from '../errors/gateway-errors.js';
import { single } from '../routing/single.js';
import { mockProvider } from '../testing/mock-provider.js';
import { createGateway } from './create-gateway.js';

const hello = [{ role: 'user' as const, content: 'Hello' }];

const drain = async (iterable: AsyncIterable<unknown>): Promise<number> => {
  let count = 0;
  for await (const _ of iterable) count++;
  return count;
};

describe('abort', () => {
  it('an already-aborted signal fails fast without calling the provider', async () => {
    const mock = mockProvider();
    const gateway = createGateway({ providers: { mock } });
    const error = await gateway.chat.completions
      .create({ model: 'm', messages: hello }, { signal: AbortSignal.abort('user left') })
      .catch((e: unknown) => e);
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as Error).cause).toBe('user left');
    expect(mock.calls).toHaveLength(0);
  });

  it('aborting while the provider is working ends the request at once, with no retry', async () => {
    const mock = mockProvider({ reply: { text: 'late', fault: { delayBeforeFirstByteMs: 10_000 } } });
    const gateway = createGateway({ providers: { mock } });
    const controller = new AbortController();
    const pending = gateway.chat.completions.create(
      { model: 'm', messages: hello },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toSatisfy((e: unknown) => AbortError.isInstance(e));
    expect(mock.calls).toHaveLength(1);
  });

  it('aborting during a stream raises AbortError from the iterator and stops the provider', async () => {
    const mock = mockProvider({ reply: 'one two three four five six seven eight', chunkDelayMs: 15 });
    const gateway = createGateway({ providers: { mock } });
    const controller = new AbortController();
    const stream = await gateway.chat.completions.create(
      { model: 'm', messages: hello, stream: true },
      { signal: controller.signal },
    );
    const seen: Array<string> = [];
    const error = await (async () => {
      for await (const chunk of stream) {
        seen.push(chunk.choices[0]?.delta.content ?? '');
        if (seen.length === 2) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(seen.length).toBeLessThan(8);
    const call = mock.calls[0];
    expect(call?.kind === 'stream' && call.signal.aborted).toBe(true);
  });
});

describe('timeout', () => {
  it('a slow provider fails with TimeoutError, and the deadline is not retried past', async () => {
    const mock = mockProvider({ reply: { text: 'late', fault: { delayBeforeFirstByteMs: 10_000 } } });
    const gateway = createGateway({ providers: { mock } });
    const error = await gateway.chat.completions
      .create({ model: 'm', messages: hello }, { timeout: 40, maxRetries: 5 })
      .catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ timeoutMs: 40 });
    expect(mock.calls).toHaveLength(1);
  });

  it('the timeout covers a stream that stalls after its first chunks', async () => {
    const mock = mockProvider({ reply: { text: 'a b c d e f', fault: { stallAfterParts: 3 } } });
    const gateway = createGateway({ providers: { mock }, timeout: 60 });
    const stream = await gateway.chat.completions.create({ model: 'm', messages: hello, stream: true });
    await expect(drain(stream)).rejects.toSatisfy((e: unknown) => TimeoutError.isInstance(e));
  });

  it('a per-target timeout is retried as a retryable failure', async () => {
    const mock = mockProvider({
      reply: [{ text: 'slow', fault: { delayBeforeFirstByteMs: 10_000 } }, 'fast'],
    });
    const gateway = createGateway({
      providers: { mock },
      routes: { r: single({ provider: 'mock', model: 'm', timeout: 30 }) },
      retryBaseDelayMs: 0,
    });
    const completion = await gateway.chat.completions.create({ model: 'r', messages: hello });
    expect(completion.choices[0]?.message.content).toBe('fast');
    expect(completion.switchyard.attempts.map((a) => [a.status, a.error])).toEqual([
      [0, 'Request timed out after 30 ms.'],
      [200, undefined],
    ]);
  });
});
