import {
  type ChatCompletion,
  type CompletionUsage,
  createGateway,
  fallback,
  type Gateway,
  type Middleware,
  type Pricing,
  single,
} from '@switchyard/core';
import { faultReply, mockProvider } from '@switchyard/core/testing';

/** What every mock answer reports: 100 in (40 of them cached), 20 out (5 of them reasoning). */
export const USAGE: CompletionUsage = {
  prompt_tokens: 100,
  completion_tokens: 20,
  total_tokens: 120,
  prompt_tokens_details: { cached_tokens: 40 },
  completion_tokens_details: { reasoning_tokens: 5 },
};

/** $10 per million input tokens, $30 per million output tokens: 0.0016 USD per mock answer. */
export const pricing: Pricing = ({ usage }) => usage.prompt_tokens * 10e-6 + usage.completion_tokens * 30e-6;
export const COST_PER_ANSWER = 100 * 10e-6 + 20 * 30e-6;

/**
 * A response cache at stage `cache` for tests: with `cache: { mode: 'exact' }` it answers a repeated
 * question from memory (setting `state.cache` as the cache package does), else it stays out of the way.
 */
export function fakeCache(): Middleware {
  const entries = new Map<string, ChatCompletion>();
  return {
    name: 'fake-cache',
    stages: {
      cache: async (state, next) => {
        const cache = state.options.cache;
        if (typeof cache !== 'object' || cache.mode !== 'exact' || state.stream) return next();
        const key = JSON.stringify(state.request.messages);
        const cached = entries.get(key);
        if (cached !== undefined) {
          state.cache = 'hit';
          state.provider = cached.switchyard.provider;
          state.model = cached.switchyard.model;
          state.usage = cached.usage;
          return { type: 'completion', completion: structuredClone(cached) };
        }
        state.cache = 'miss';
        const result = await next();
        if (result.type === 'completion') entries.set(key, structuredClone(result.completion));
        return result;
      },
    },
  };
}

/**
 * A gateway over two mock providers with routes for every path telemetry observes:
 * `chat` (answers), `flaky` (a 503, then a retry that answers), `production-fallback` (a 500 twice, then
 * the fallback answers), `broken` (a 400, not retried), `down` (a 500 on every retry).
 */
export function scriptedGateway(
  middleware: ReadonlyArray<Middleware>,
  extra: { chunkDelayMs?: number } = {},
): Gateway {
  const openai = mockProvider({
    provider: 'openai',
    usage: USAGE,
    chunkDelayMs: extra.chunkDelayMs ?? 0,
    models: {
      'gpt-4o': 'Hello from gpt-4o.',
      'gpt-4o-flaky': [faultReply({ status: 503, body: { error: { message: 'overloaded' } } }), 'Recovered.'],
      'gpt-4o-down': faultReply({ status: 500, body: { error: { message: 'upstream exploded' } } }),
      'gpt-4o-bad': faultReply({ status: 400, body: { error: { message: 'unsupported parameter' } } }),
    },
  });
  const anthropic = mockProvider({ provider: 'anthropic', usage: USAGE, reply: 'Hello from claude.' });
  return createGateway({
    providers: { 'openai-primary': openai, 'anthropic-primary': anthropic },
    routes: {
      chat: single({ provider: 'openai-primary', model: 'gpt-4o' }),
      flaky: single({ provider: 'openai-primary', model: 'gpt-4o-flaky', retry: { attempts: 2 } }),
      'production-fallback': fallback([
        { provider: 'openai-primary', model: 'gpt-4o-down', retry: { attempts: 1 } },
        { provider: 'anthropic-primary', model: 'claude-sonnet-4' },
      ]),
      broken: single({ provider: 'openai-primary', model: 'gpt-4o-bad' }),
      down: single({ provider: 'openai-primary', model: 'gpt-4o-down', retry: { attempts: 1 } }),
    },
    middleware,
    pricing,
    metadata: { team: 'platform' },
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 5,
  });
}

export const hello = [{ role: 'user' as const, content: 'Hello' }];
