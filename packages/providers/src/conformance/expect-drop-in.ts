import type { ChatCompletionCreateParamsBase } from '@switchyard/core';
import type OpenAI from 'openai';
import { expect } from 'vitest';
import type { ScenarioName } from './conformance-scenarios.js';

interface DropInExpectations {
  reasoningText?: boolean;
}

/** The same scenarios, end to end: the official `openai` client over `gateway.fetch`. */
export async function expectDropIn(
  name: ScenarioName,
  client: OpenAI,
  body: ChatCompletionCreateParamsBase,
  options: DropInExpectations,
): Promise<void> {
  if (name === 'stream-text' || name === 'stream-parallel-tools') {
    const stream = await client.chat.completions.create({ ...body, stream: true });
    const chunks: Array<OpenAI.ChatCompletionChunk> = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(
      chunks.filter((chunk) => chunk.usage != null),
      'exactly one usage chunk',
    ).toHaveLength(1);
    expect(chunks.at(-1)?.choices).toEqual([]);
    if (name === 'stream-text') {
      expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('').length).toBeGreaterThan(0);
      return;
    }
    const calls = new Map<number, { name: string; args: string }>();
    for (const chunk of chunks) {
      for (const delta of chunk.choices[0]?.delta.tool_calls ?? []) {
        const call = calls.get(delta.index) ?? { name: '', args: '' };
        call.name += delta.function?.name ?? '';
        call.args += delta.function?.arguments ?? '';
        calls.set(delta.index, call);
      }
    }
    expect([...calls.keys()]).toEqual([0, 1]);
    expect(new Set([...calls.values()].map((call) => call.name))).toEqual(
      new Set(['get_weather', 'get_time']),
    );
    for (const call of calls.values()) expect(JSON.parse(call.args)).toBeTypeOf('object');
    return;
  }

  const completion = await client.chat.completions.create({ ...body, stream: false });
  const choice = completion.choices[0];
  expect(completion.object).toBe('chat.completion');
  expect(completion.usage?.total_tokens).toBeGreaterThan(0);
  switch (name) {
    case 'text':
      expect(choice?.message.content?.length).toBeGreaterThan(0);
      expect(choice?.finish_reason).toBe('stop');
      return;
    case 'tools':
      expect(choice?.finish_reason).toBe('tool_calls');
      expect(choice?.message.tool_calls?.[0]).toMatchObject({
        type: 'function',
        function: { name: 'get_weather' },
      });
      return;
    case 'json-schema':
      expect(JSON.parse(choice?.message.content ?? '')).toMatchObject({ city: expect.any(String) });
      return;
    case 'reasoning': {
      expect(choice?.message.content?.length).toBeGreaterThan(0);
      // Switchyard's documented reasoning field, an extension of OpenAI's message.
      const reasoning: unknown =
        choice === undefined ? undefined : Reflect.get(choice.message, 'reasoning_content');
      if (options.reasoningText !== false) expect(reasoning).toEqual(expect.any(String));
      else expect(completion.usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0);
      return;
    }
    default:
      throw new Error(`'${name}' has no drop-in check.`);
  }
}
