import type { CompletionUsage, GenerateResult, StreamPart } from '@switchyard/core';
import { expect } from 'vitest';
import type { ScenarioName } from './conformance-scenarios.js';

interface ResultExpectations {
  reasoningText?: boolean;
}

const parseObject = (text: string | null | undefined): Record<string, unknown> => {
  const value: unknown = JSON.parse(text ?? '');
  expect(value).toBeTypeOf('object');
  return value as Record<string, unknown>;
};

const expectUsage = (usage: CompletionUsage | undefined): void => {
  expect(usage, 'usage').toBeDefined();
  if (usage === undefined) return;
  expect(usage.prompt_tokens).toBeGreaterThan(0);
  expect(usage.completion_tokens).toBeGreaterThan(0);
  expect(usage.total_tokens).toBeGreaterThanOrEqual(usage.prompt_tokens + usage.completion_tokens);
};

/** Shared expectations for a non-streaming scenario's `GenerateResult`. */
export function expectGenerated(
  name: ScenarioName,
  result: GenerateResult,
  options: ResultExpectations,
): void {
  const [choice] = result.choices;
  expect(choice, 'first choice').toBeDefined();
  if (choice === undefined) return;
  expect(choice.finishReason.raw, 'raw finish reason is kept').toBeTypeOf('string');
  expectUsage(result.usage);
  switch (name) {
    case 'text':
    case 'image-input':
    case 'tool-results':
      expect(choice.text?.length).toBeGreaterThan(0);
      expect(choice.finishReason.unified).toBe('stop');
      return;
    case 'tools': {
      expect(choice.finishReason.unified).toBe('tool_calls');
      expect(choice.toolCalls.map((call) => call.name)).toEqual(['get_weather']);
      expect(choice.toolCalls[0]?.id).toBeTruthy();
      expect(parseObject(choice.toolCalls[0]?.arguments)).toMatchObject({ city: expect.any(String) });
      return;
    }
    case 'json-schema':
      expect(parseObject(choice.text)).toMatchObject({
        city: expect.any(String),
        temperature_c: expect.any(Number),
      });
      return;
    case 'reasoning':
      expect(choice.text?.length).toBeGreaterThan(0);
      if (options.reasoningText !== false) expect(choice.reasoning?.length).toBeGreaterThan(0);
      else expect(result.usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0);
      return;
    case 'stream-text':
    case 'stream-parallel-tools':
    case 'rate-limit':
      throw new Error(`'${name}' is not a non-streaming scenario.`);
    default: {
      const unexpected: never = name;
      throw new Error(`Unknown scenario ${String(unexpected)}`);
    }
  }
}

/** Shared expectations for a streaming scenario's neutral parts. */
export function expectStreamed(
  name: ScenarioName,
  parts: ReadonlyArray<StreamPart>,
  _options: ResultExpectations,
): void {
  expect(parts.filter((part) => part.type === 'error')).toEqual([]);
  const usage = parts.filter((part) => part.type === 'usage');
  expect(usage, 'exactly one usage part').toHaveLength(1);
  expectUsage(usage[0]?.type === 'usage' ? usage[0].usage : undefined);
  const finishes = parts.filter((part) => part.type === 'finish');
  expect(finishes, 'exactly one finish part').toHaveLength(1);
  const finishIndex = parts.findIndex((part) => part.type === 'finish');
  const lastContent = parts.findLastIndex(
    (part) => part.type === 'text-delta' || part.type === 'tool-call-delta',
  );
  expect(lastContent, 'content comes before finish').toBeLessThan(finishIndex);

  if (name === 'stream-text') {
    const text = parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');
    expect(text.length).toBeGreaterThan(0);
    expect(
      parts.filter((part) => part.type === 'text-delta').length,
      'text arrives in several deltas',
    ).toBeGreaterThan(1);
    expect(finishes[0]).toMatchObject({ reason: { unified: 'stop' } });
    return;
  }
  if (name === 'stream-parallel-tools') {
    const starts = parts.filter((part) => part.type === 'tool-call-start');
    expect(starts.map((part) => part.index)).toEqual([0, 1]);
    expect(new Set(starts.map((part) => part.name))).toEqual(new Set(['get_weather', 'get_time']));
    expect(new Set(starts.map((part) => part.id)).size, 'distinct tool call ids').toBe(2);
    for (const start of starts) {
      const startAt = parts.indexOf(start);
      const deltas = parts.filter((part) => part.type === 'tool-call-delta' && part.index === start.index);
      expect(
        deltas.every((delta) => parts.indexOf(delta) > startAt),
        'deltas follow their start',
      ).toBe(true);
      const args = deltas
        .map((part) => (part.type === 'tool-call-delta' ? part.argumentsDelta : ''))
        .join('');
      expect(parseObject(args)).toBeTypeOf('object');
      expect(
        parts.some((part) => part.type === 'tool-call-end' && part.index === start.index),
        'tool-call-end for each call',
      ).toBe(true);
    }
    expect(finishes[0]).toMatchObject({ reason: { unified: 'tool_calls' } });
    return;
  }
  throw new Error(`'${name}' is not a streaming scenario.`);
}
