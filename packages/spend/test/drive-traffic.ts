import { createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import type { SpendOptions, SpendTracker } from '../src/index.js';
import { spend } from '../src/index.js';

const messages = [{ role: 'user' as const, content: 'Hello' }];
const usage = { prompt_tokens: 1_000, completion_tokens: 200, total_tokens: 1_200 };
const DAY = 86_400_000;

/**
 * Sends traffic through a gateway with a spend tracker over three days of May 2026: gpt-4o on OpenAI
 * ($0.0045 a call) and claude-sonnet-4-5 on Anthropic ($0.006 a call), for users u-1 and u-2.
 */
export async function driveTraffic(options: SpendOptions = {}): Promise<SpendTracker> {
  let now = Date.UTC(2026, 4, 1, 10);
  const tracker = spend({ ...options, now: () => now });
  const gateway = createGateway({
    providers: {
      'openai-primary': mockProvider({ provider: 'openai', usage }),
      'anthropic-primary': mockProvider({ provider: 'anthropic', usage }),
    },
    middleware: [tracker],
    metadata: { team: 'platform' },
  });
  const call = (model: string, user: string) =>
    gateway.chat.completions.create({ model, messages }, { metadata: { user_id: user } });
  await call('openai-primary/gpt-4o', 'u-1');
  await call('openai-primary/gpt-4o', 'u-2');
  now += DAY;
  await call('anthropic-primary/claude-sonnet-4-5', 'u-1');
  await call('openai-primary/gpt-4o', 'u-1');
  now += DAY;
  await call('anthropic-primary/claude-sonnet-4-5', 'u-2');
  now += 40 * DAY;
  await call('openai-primary/gpt-4o', 'u-1'); // after the reported range
  return tracker;
}

/** The reports `driveTraffic` must produce for 2026-05-01 … 2026-05-19, whatever the store. */
export const expectedByProvider = [
  ['openai-primary', 3, 0.0135],
  ['anthropic-primary', 2, 0.012],
];
export const expectedByUser = [
  ['u-1', 3, 0.015],
  ['u-2', 2, 0.0105],
];
