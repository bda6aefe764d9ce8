import type { ProviderCall, ProviderRequest } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import completionBody from './__fixtures__/chat-completion.json?raw';
import { ollama } from './ollama-provider.js';

const call = (request: Partial<ProviderRequest> = {}): ProviderCall => ({
  modelId: 'qwen3:8b',
  request: {
    model: 'ollama/qwen3:8b',
    messages: [{ role: 'user', content: 'Say hello in French.' }],
    ...request,
  },
  signal: new AbortController().signal,
  headers: {},
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('ollama()', () => {
  it('calls http://localhost:11434/v1 without an Authorization header, even with OPENAI_API_KEY set', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-openai-must-not-leak');
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    const result = await ollama({ fetch }).doGenerate(call());

    expect(requests[0]?.url).toBe('http://localhost:11434/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBeUndefined();
    expect(result.choices[0]?.text).toBe('Bonjour ! Comment puis-je vous aider ?');
  });

  it('sends a key when given one, to the base URL given', async () => {
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    await ollama({ apiKey: 'local-secret', baseURL: 'http://gpu-box.lan:11434/v1', fetch }).doGenerate(
      call(),
    );

    expect(requests[0]?.url).toBe('http://gpu-box.lan:11434/v1/chat/completions');
    expect(requests[0]?.headers.authorization).toBe('Bearer local-secret');
  });

  it('reads Ollama’s `reasoning` field and drops the request fields Ollama ignores, with warnings', async () => {
    const { fetch, requests } = fixtureFetch({ body: completionBody });

    const result = await ollama({ fetch }).doGenerate(
      call({ tool_choice: 'none', n: 1, user: 'u-1', seed: 3 }),
    );

    expect(result.choices[0]?.reasoning).toBe('The user wants a French greeting.');
    expect(requests[0]?.body).toEqual({
      model: 'qwen3:8b',
      messages: [{ role: 'user', content: 'Say hello in French.' }],
      seed: 3,
    });
    expect(
      result.warnings.flatMap((warning) => (warning.type === 'unsupported-setting' ? [warning.setting] : [])),
    ).toEqual(['tool_choice', 'user', 'n']);
  });

  it('declares every capability', () => {
    expect(Object.values(ollama().capabilities).every(Boolean)).toBe(true);
  });
});
