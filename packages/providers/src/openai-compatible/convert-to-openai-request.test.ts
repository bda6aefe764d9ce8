import type { ProviderRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { convertToOpenAIRequest } from './convert-to-openai-request.js';

const request: ProviderRequest = {
  model: 'route-name',
  messages: [{ role: 'user', content: 'hi' }],
  stream_options: { include_obfuscation: false },
};
const base = { provider: 'p', modelId: 'm', request, sendReasoningContent: true };

describe('convertToOpenAIRequest', () => {
  it('replaces the model and never sends stream_options without streaming', () => {
    expect(convertToOpenAIRequest({ ...base, unsupported: [], stream: false })).toEqual({
      body: { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
      warnings: [],
    });
  });

  it('asks for usage on streams, keeping the caller’s other stream options', () => {
    expect(convertToOpenAIRequest({ ...base, unsupported: [], stream: true }).body).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_obfuscation: false, include_usage: true },
    });
  });

  it('sends no stream_options to a server that rejects them, with a warning for the caller’s', () => {
    const { body, warnings } = convertToOpenAIRequest({
      ...base,
      unsupported: ['stream_options'],
      stream: true,
    });

    expect(body).toEqual({ model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true });
    expect(warnings).toEqual([expect.objectContaining({ setting: 'stream_options' })]);
  });
});
