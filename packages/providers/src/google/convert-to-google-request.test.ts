import type { ProviderRequest, ToolChoice } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { convertToGoogleRequest } from './convert-to-google-request.js';

const request = (overrides: Partial<ProviderRequest> = {}): ProviderRequest => ({
  model: 'gemini-2.5-flash',
  messages: [{ role: 'user', content: 'Hi' }],
  ...overrides,
});
const convert = (overrides: Partial<ProviderRequest> = {}, modelId = 'gemini-2.5-flash') =>
  convertToGoogleRequest({ provider: 'google', modelId, request: request(overrides) });

const tool = (name: string, parameters?: Record<string, unknown>) => ({
  type: 'function' as const,
  function: { name, ...(parameters === undefined ? {} : { parameters }) },
});

describe('convertToGoogleRequest: sampling and output settings', () => {
  it('maps the OpenAI settings to generation config', () => {
    const { config, warnings } = convert({
      temperature: 0.4,
      top_p: 0.9,
      max_tokens: 100,
      max_completion_tokens: 200,
      stop: 'END',
      seed: 7,
      presence_penalty: 0.5,
      frequency_penalty: -0.5,
      n: 2,
      logprobs: true,
      top_logprobs: 3,
    });
    expect(config).toEqual({
      automaticContinuation: false,
      temperature: 0.4,
      topP: 0.9,
      maxOutputTokens: 200,
      stopSequences: ['END'],
      seed: 7,
      presencePenalty: 0.5,
      frequencyPenalty: -0.5,
      candidateCount: 2,
      responseLogprobs: true,
      logprobs: 3,
    });
    expect(warnings).toEqual([]);
  });

  it('treats explicit nulls as "use the default", without warnings', () => {
    const { config, warnings } = convert({
      temperature: null,
      max_tokens: null,
      stop: null,
      logit_bias: null,
    });
    expect(config).toEqual({ automaticContinuation: false });
    expect(warnings).toEqual([]);
  });

  it('warns about every setting Gemini has no counterpart for', () => {
    const { warnings } = convert({
      logit_bias: { '50256': -100 },
      user: 'u-1',
      safety_identifier: 's-1',
      metadata: { a: 'b' },
      store: true,
      service_tier: 'flex',
      modalities: ['text', 'audio'],
      audio: { format: 'mp3', voice: 'alloy' },
      prediction: { type: 'content', content: 'x' },
      prompt_cache_key: 'k',
      prompt_cache_retention: '24h',
      verbosity: 'low',
      web_search_options: {},
      functions: [{ name: 'f' }],
      function_call: 'auto',
      parallel_tool_calls: false,
    });
    expect(warnings.map((w) => w.setting)).toEqual([
      'logit_bias',
      'user',
      'safety_identifier',
      'metadata',
      'store',
      'service_tier',
      'audio',
      'modalities',
      'prediction',
      'prompt_cache_key',
      'prompt_cache_retention',
      'verbosity',
      'web_search_options',
      'functions',
      'function_call',
      'parallel_tool_calls',
    ]);
    expect(
      warnings.every((w) => w.type === 'unsupported-setting' && w.message.includes('was not sent')),
    ).toBe(true);
  });

  it('maps response_format to a JSON MIME type and a converted schema, naming dropped keywords', () => {
    expect(convert({ response_format: { type: 'json_object' } }).config.responseMimeType).toBe(
      'application/json',
    );
    expect(convert({ response_format: { type: 'text' } }).config).toEqual({ automaticContinuation: false });
    const { config, warnings } = convert({
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'report',
          strict: true,
          schema: {
            type: 'object',
            properties: { city: { type: 'string' }, when: { $ref: '#/$defs/time' } },
            required: ['city', 'when'],
            additionalProperties: false,
            $defs: { time: { type: 'string', format: 'date-time' } },
          },
        },
      },
    });
    expect(config.responseSchema).toEqual({
      type: 'OBJECT',
      properties: { city: { type: 'STRING' }, when: { type: 'STRING', format: 'date-time' } },
      propertyOrdering: ['city', 'when'],
      required: ['city', 'when'],
    });
    expect(warnings).toEqual([
      {
        type: 'unsupported-setting',
        setting: 'response_format.json_schema.schema',
        message:
          "Gemini's schema subset cannot take these JSON Schema keywords, so they were not sent: additionalProperties (at /).",
      },
    ]);
  });
});

describe('convertToGoogleRequest: tools', () => {
  it('declares functions with converted parameters and leaves empty parameters unset', () => {
    const { config, warnings } = convert({
      tools: [
        tool('get_weather', { type: 'object', properties: { city: { type: 'string', format: 'uri' } } }),
        tool('ping', { type: 'object', properties: {}, additionalProperties: false }),
        tool('now'),
        { type: 'custom', custom: { name: 'shell' } },
      ],
    });
    expect(config.tools).toEqual([
      {
        functionDeclarations: [
          { name: 'get_weather', parameters: { type: 'OBJECT', properties: { city: { type: 'STRING' } } } },
          { name: 'ping' },
          { name: 'now' },
        ],
      },
    ]);
    expect(warnings.map((w) => [w.setting, w.message])).toEqual([
      [
        'tools[0].function.parameters',
        "Gemini's schema subset cannot take these JSON Schema keywords, so they were not sent: format: uri (at /properties/city).",
      ],
      ['tools[3]', "Gemini has no custom (free-form) tools; 'shell' was not sent."],
    ]);
  });

  const toolChoices: Array<[ToolChoice, Record<string, unknown>]> = [
    ['auto', { mode: 'AUTO' }],
    ['none', { mode: 'NONE' }],
    ['required', { mode: 'ANY' }],
    [
      { type: 'function', function: { name: 'b' } },
      { mode: 'ANY', allowedFunctionNames: ['b'] },
    ],
    [
      {
        type: 'allowed_tools',
        allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'a' } }] },
      },
      { mode: 'VALIDATED', allowedFunctionNames: ['a'] },
    ],
    [
      {
        type: 'allowed_tools',
        allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'b' } }] },
      },
      { mode: 'ANY', allowedFunctionNames: ['b'] },
    ],
  ];
  it.each(toolChoices)('tool_choice %j → functionCallingConfig %j', (toolChoice, functionCallingConfig) => {
    const { config } = convert({ tools: [tool('a'), tool('b')], tool_choice: toolChoice });
    expect(config.toolConfig).toEqual({ functionCallingConfig });
  });

  it('rejects a tool_choice naming an unknown function, and warns when there are no tools', () => {
    expect(() =>
      convert({ tools: [tool('a')], tool_choice: { type: 'function', function: { name: 'zzz' } } }),
    ).toThrow(/not in tools/);
    const { config, warnings } = convert({ tool_choice: 'required' });
    expect(config.toolConfig).toBeUndefined();
    expect(warnings.map((w) => w.setting)).toEqual(['tool_choice']);
  });
});

describe('convertToGoogleRequest: reasoning_effort', () => {
  it.each([
    ['none', { thinkingBudget: 0 }],
    ['minimal', { thinkingBudget: 512, includeThoughts: true }],
    ['low', { thinkingBudget: 1024, includeThoughts: true }],
    ['medium', { thinkingBudget: 8192, includeThoughts: true }],
    ['high', { thinkingBudget: 24576, includeThoughts: true }],
  ] as const)('Gemini 2.5: %s → %j', (effort, thinkingConfig) => {
    const { config, warnings } = convert({ reasoning_effort: effort }, 'gemini-2.5-flash');
    expect(config.thinkingConfig).toEqual(thinkingConfig);
    expect(warnings).toEqual([]);
  });

  it.each([
    ['minimal', 'MINIMAL'],
    ['low', 'LOW'],
    ['medium', 'MEDIUM'],
    ['high', 'HIGH'],
    ['xhigh', 'XHIGH'],
  ] as const)('Gemini 3: %s → thinkingLevel %s', (effort, thinkingLevel) => {
    const { config, warnings } = convert({ reasoning_effort: effort }, 'gemini-3-pro-preview');
    expect(config.thinkingConfig).toEqual({ thinkingLevel, includeThoughts: true });
    expect(warnings).toEqual([]);
  });

  it('warns where the effort has no exact Gemini equivalent', () => {
    expect(convert({ reasoning_effort: 'none' }, 'gemini-3-flash-preview').warnings[0]?.message).toContain(
      'MINIMAL',
    );
    expect(convert({ reasoning_effort: 'max' }, 'gemini-3-pro-preview').config.thinkingConfig).toEqual({
      thinkingLevel: 'XHIGH',
      includeThoughts: true,
    });
    expect(convert({ reasoning_effort: 'xhigh' }, 'gemini-2.5-pro').warnings.map((w) => w.setting)).toEqual([
      'reasoning_effort',
    ]);
  });

  it('leaves thinking to the model without reasoning_effort', () => {
    expect(convert({ reasoning_effort: null }).config.thinkingConfig).toBeUndefined();
    expect(convert({}).config.thinkingConfig).toBeUndefined();
  });
});
