import type OpenAI from 'openai';
import { describe, expectTypeOf, it } from 'vitest';
import type { Gateway } from '../gateway/gateway.js';
import type { ChatCompletionStream } from '../stream/chat-completion-stream.js';
import type { ChatCompletion, ChatCompletionChunk } from './chat-completion.js';
import type { ChatCompletionCreateParams, ChatCompletionCreateParamsBase } from './chat-request.js';
import type { CreateEmbeddingResponse, EmbeddingCreateParams } from './embeddings.js';

declare const gateway: Gateway;

describe('types are structurally compatible with the openai package', () => {
  it('a Switchyard completion is an OpenAI ChatCompletion', () => {
    expectTypeOf<ChatCompletion>().toExtend<OpenAI.ChatCompletion>();
  });

  it('a Switchyard chunk is an OpenAI ChatCompletionChunk', () => {
    expectTypeOf<ChatCompletionChunk>().toExtend<OpenAI.ChatCompletionChunk>();
  });

  it('an OpenAI request body is accepted unchanged', () => {
    expectTypeOf<OpenAI.ChatCompletionCreateParams>().toExtend<ChatCompletionCreateParams>();
    expectTypeOf<OpenAI.ChatCompletionCreateParamsNonStreaming>().toExtend<ChatCompletionCreateParamsBase>();
    expectTypeOf<OpenAI.ChatCompletionCreateParamsStreaming>().toExtend<ChatCompletionCreateParamsBase>();
    expectTypeOf<OpenAI.EmbeddingCreateParams>().toExtend<EmbeddingCreateParams>();
  });

  it('a Switchyard embeddings response is an OpenAI CreateEmbeddingResponse', () => {
    expectTypeOf<CreateEmbeddingResponse>().toExtend<OpenAI.CreateEmbeddingResponse>();
  });

  it('create returns a stream only when stream is true', () => {
    const messages: Array<OpenAI.ChatCompletionMessageParam> = [{ role: 'user', content: 'hi' }];
    expectTypeOf(
      gateway.chat.completions.create({ model: 'm', messages }),
    ).resolves.toEqualTypeOf<ChatCompletion>();
    expectTypeOf(
      gateway.chat.completions.create({ model: 'm', messages, stream: false }),
    ).resolves.toEqualTypeOf<ChatCompletion>();
    expectTypeOf(
      gateway.chat.completions.create({ model: 'm', messages, stream: true }),
    ).resolves.toEqualTypeOf<ChatCompletionStream>();
    const flag = Math.random() > 0.5;
    expectTypeOf(
      gateway.chat.completions.create({ model: 'm', messages, stream: flag }),
    ).resolves.toEqualTypeOf<ChatCompletion | ChatCompletionStream>();
  });

  it('a body typed with OpenAI types passes straight to create', () => {
    const body: OpenAI.ChatCompletionCreateParamsNonStreaming = {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'hi' },
            { type: 'image_url', image_url: { url: 'https://x/y.png' } },
          ],
        },
      ],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } }],
      tool_choice: 'auto',
      response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } },
      stream_options: { include_usage: true },
      reasoning_effort: 'low',
    };
    expectTypeOf(gateway.chat.completions.create(body)).resolves.toEqualTypeOf<ChatCompletion>();
    const streaming: OpenAI.ChatCompletionCreateParamsStreaming = { ...body, stream: true };
    expectTypeOf(gateway.chat.completions.create(streaming)).resolves.toEqualTypeOf<ChatCompletionStream>();
  });

  it('the stream yields chunks', () => {
    expectTypeOf<ChatCompletionStream>().toExtend<AsyncIterable<ChatCompletionChunk>>();
  });
});
