import type { ProviderRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { convertToBedrockRequest } from './convert-to-bedrock-request.js';

const CLAUDE = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const base: ProviderRequest = { model: 'gateway-model', messages: [{ role: 'user', content: 'Hi' }] };

const convert = (request: Partial<ProviderRequest>, modelId = CLAUDE) =>
  convertToBedrockRequest({ provider: 'bedrock', modelId, request: { ...base, ...request } });

const settings = (warnings: ReadonlyArray<{ setting?: string }>) =>
  warnings.map((warning) => warning.setting);

describe('convertToBedrockRequest: inference settings', () => {
  it('maps sampling settings into inferenceConfig, preferring max_completion_tokens', () => {
    const { input, warnings } = convert({
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 100,
      max_completion_tokens: 200,
      stop: 'END',
    });
    expect(input.modelId).toBe(CLAUDE);
    expect(input.inferenceConfig).toEqual({
      maxTokens: 200,
      temperature: 0.3,
      topP: 0.9,
      stopSequences: ['END'],
    });
    expect(warnings).toEqual([]);
  });

  it('leaves out inferenceConfig when nothing is set, and treats null as the default', () => {
    const { input, warnings } = convert({
      temperature: null,
      top_p: null,
      stop: null,
      seed: null,
      logprobs: false,
    });
    expect(input).not.toHaveProperty('inferenceConfig');
    expect(warnings).toEqual([]);
  });

  it('warns for each setting Converse has no field for, and does not send it', () => {
    const { input, warnings } = convert({
      seed: 7,
      frequency_penalty: 0.5,
      presence_penalty: 0.1,
      logit_bias: { '50256': -100 },
      logprobs: true,
      top_logprobs: 2,
      user: 'u-1',
      n: 2,
      parallel_tool_calls: false,
      modalities: ['text', 'audio'],
      prompt_cache_key: 'k',
      verbosity: 'low',
    });
    expect(settings(warnings)).toEqual([
      'seed',
      'frequency_penalty',
      'presence_penalty',
      'logit_bias',
      'logprobs',
      'top_logprobs',
      'user',
      'prompt_cache_key',
      'verbosity',
      'n',
      'modalities',
      'parallel_tool_calls',
    ]);
    expect(warnings[0]?.message).toBe('bedrock does not support this setting; seed was not sent.');
    expect(Object.keys(input).sort()).toEqual(['messages', 'modelId']);
  });

  it('warns for fields it does not know (they arrive untyped over HTTP)', () => {
    const request = { ...base, extra_body: { top_k: 5 } };
    const { warnings } = convertToBedrockRequest({ provider: 'bedrock', modelId: CLAUDE, request });
    expect(settings(warnings)).toEqual(['extra_body']);
  });

  it('sends metadata as requestMetadata and maps service tiers', () => {
    expect(convert({ metadata: { team: 'search' }, service_tier: 'priority' }).input).toMatchObject({
      requestMetadata: { team: 'search' },
      serviceTier: { type: 'priority' },
    });
    const auto = convert({ service_tier: 'auto' });
    expect(auto.input).not.toHaveProperty('serviceTier');
    expect(auto.warnings).toEqual([]);
    expect(settings(convert({ service_tier: 'scale' }).warnings)).toEqual(['service_tier']);
  });
});

describe('convertToBedrockRequest: response_format', () => {
  it('sends json_schema as native structured output with the schema as a JSON string', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
    const { input, warnings } = convert({
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'thing', description: 'A thing.', schema },
      },
    });
    expect(input.outputConfig).toEqual({
      textFormat: {
        type: 'json_schema',
        structure: { jsonSchema: { schema: JSON.stringify(schema), name: 'thing', description: 'A thing.' } },
      },
    });
    expect(warnings).toEqual([]);
  });

  it('warns that json_object has no Converse equivalent', () => {
    const { input, warnings } = convert({ response_format: { type: 'json_object' } });
    expect(input).not.toHaveProperty('outputConfig');
    expect(warnings).toEqual([
      {
        type: 'unsupported-setting',
        setting: 'response_format',
        message: 'bedrock has no JSON mode without a schema (use json_schema); response_format was not sent.',
      },
    ]);
  });

  it('sends nothing for response_format text', () => {
    expect(convert({ response_format: { type: 'text' } })).toEqual(convert({}));
  });
});

describe('convertToBedrockRequest: reasoning_effort', () => {
  const thinking = (budget: number) => ({ thinking: { type: 'enabled', budget_tokens: budget } });

  it.each([
    ['minimal', 1024],
    ['low', 1024],
    ['medium', 4096],
    ['high', 16384],
    ['xhigh', 24576],
    ['max', 32768],
  ] as const)('maps %s to a %i-token Claude thinking budget', (effort, budget) => {
    const { input, warnings } = convert({ reasoning_effort: effort, max_completion_tokens: 64_000 });
    expect(input.additionalModelRequestFields).toEqual(thinking(budget));
    expect(input.inferenceConfig?.maxTokens).toBe(64_000);
    expect(warnings).toEqual([]);
  });

  it('leaves room for the answer when the request sets no max tokens', () => {
    const { input } = convert({ reasoning_effort: 'medium' });
    expect(input.inferenceConfig?.maxTokens).toBe(4096 + 4096);
  });

  it('lowers the budget below a smaller max tokens, with a warning', () => {
    const { input, warnings } = convert({ reasoning_effort: 'high', max_tokens: 3000 });
    expect(input.additionalModelRequestFields).toEqual(thinking(2999));
    expect(input.inferenceConfig?.maxTokens).toBe(3000);
    expect(warnings.map((warning) => warning.message)).toEqual([
      "bedrock: the thinking budget for reasoning_effort 'high' (16384) must be below max tokens (3000); it was lowered to 2999.",
    ]);
  });

  it('does not enable thinking when max tokens leave no room for the minimum budget', () => {
    const { input, warnings } = convert({ reasoning_effort: 'low', max_tokens: 512 });
    expect(input).not.toHaveProperty('additionalModelRequestFields');
    expect(input.inferenceConfig?.maxTokens).toBe(512);
    expect(settings(warnings)).toEqual(['reasoning_effort']);
  });

  it('sends nothing for none', () => {
    expect(convert({ reasoning_effort: 'none' })).toEqual(convert({}));
  });

  it('recognises Claude by foundation model id, inference profile and ARN', () => {
    for (const modelId of [
      'anthropic.claude-3-7-sonnet-20250219-v1:0',
      'global.anthropic.claude-opus-4-1-20250805-v1:0',
      'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-7-sonnet-20250219-v1:0',
    ]) {
      expect(convert({ reasoning_effort: 'low' }, modelId).input.additionalModelRequestFields).toEqual(
        thinking(1024),
      );
    }
  });

  it('warns and sends nothing for models whose reasoning switch it does not know', () => {
    const { input, warnings } = convert({ reasoning_effort: 'high' }, 'amazon.nova-pro-v1:0');
    expect(input).not.toHaveProperty('additionalModelRequestFields');
    expect(warnings).toEqual([
      {
        type: 'unsupported-setting',
        setting: 'reasoning_effort',
        message:
          'bedrock maps reasoning_effort to Anthropic Claude thinking only; it was not sent for model amazon.nova-pro-v1:0.',
      },
    ]);
  });
});
