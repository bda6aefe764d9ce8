import { BadRequestError, type ProviderRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { convertToAnthropicRequest } from './convert-to-anthropic-request.js';
import { DEFAULT_THINKING_BUDGETS } from './default-thinking-budgets.js';

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const convert = (
  request: Partial<ProviderRequest>,
  settings: { reasoningMode?: 'budget' | 'adaptive' } = {},
) =>
  convertToAnthropicRequest({
    modelId: 'claude-sonnet-4-6',
    request: { model: 'm', messages: [{ role: 'user', content: 'Hi' }], ...request },
    defaultMaxTokens: 4096,
    reasoningMode: settings.reasoningMode ?? 'budget',
    reasoningBudgets: DEFAULT_THINKING_BUDGETS,
  });

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

const weather = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
};
const time = {
  type: 'function' as const,
  function: { name: 'get_time', description: 'Local time.', strict: true },
};

describe('messages', () => {
  it('puts leading system and developer messages in `system` and keeps later ones in place', () => {
    const { body, warnings } = convert({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Bonjour !' },
        { role: 'system', content: 'Now answer in German.' },
        { role: 'developer', content: 'Keep it short.' },
        { role: 'user', content: 'Hi again' },
      ],
    });

    expect(body.system).toEqual([
      { type: 'text', text: 'Be brief.' },
      { type: 'text', text: 'Answer in French.' },
    ]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Bonjour !' }] },
      {
        role: 'system',
        content: [
          { type: 'text', text: 'Now answer in German.' },
          { type: 'text', text: 'Keep it short.' },
        ],
      },
      { role: 'user', content: [{ type: 'text', text: 'Hi again' }] },
    ]);
    expect(warnings).toEqual([]);
  });

  it('merges consecutive same-role turns: tool results and the user text after them form one user turn', () => {
    const { body } = convert({
      messages: [
        { role: 'user', content: 'Weather and time in Paris?' },
        { role: 'user', content: 'Please.' },
        {
          role: 'assistant',
          content: 'Checking.',
          tool_calls: [
            {
              id: 'toolu_a',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
            },
            { id: 'toolu_b', type: 'function', function: { name: 'get_time', arguments: '' } },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_a', content: [{ type: 'text', text: '18 °C' }] },
        { role: 'tool', tool_call_id: 'toolu_b', content: '' },
        { role: 'user', content: 'And tomorrow?' },
      ],
    });

    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Weather and time in Paris?' },
          { type: 'text', text: 'Please.' },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: 'toolu_a', name: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'toolu_b', name: 'get_time', input: {} },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_a', content: [{ type: 'text', text: '18 °C' }] },
          { type: 'tool_result', tool_use_id: 'toolu_b' },
          { type: 'text', text: 'And tomorrow?' },
        ],
      },
    ]);
  });

  it('sends images by URL and base64 data URLs inline, PDFs as documents, and maps cache breakpoints', () => {
    const { body, warnings } = convert({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare.', prompt_cache_breakpoint: { mode: 'explicit' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'high' } },
            { type: 'image_url', image_url: { url: `data:image/jpg;base64,${PNG}` } },
            {
              type: 'file',
              file: { file_data: 'data:application/pdf;base64,JVBERi0xLjQK', filename: 'a.pdf' },
            },
            { type: 'file', file: { file_data: 'data:text/plain;base64,SGFsbG8gV2VsdCDinJM=' } },
            { type: 'file', file: { file_id: 'file-abc' } },
            { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
          ],
        },
      ],
    });

    expect(body.messages[0]?.content).toEqual([
      { type: 'text', text: 'Compare.', cache_control: { type: 'ephemeral' } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } },
      { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: PNG } },
      {
        type: 'document',
        title: 'a.pdf',
        source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0xLjQK' },
      },
      { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'Hallo Welt ✓' } },
    ]);
    expect(warnings.map((warning) => warning.setting)).toEqual([
      'messages[].content[].image_url.detail',
      'messages[0].content[5].file',
      'messages[0].content[6].input_audio',
    ]);
  });

  it('rejects images Anthropic cannot take before any call', () => {
    const error = thrown(() =>
      convert({
        messages: [
          {
            role: 'user',
            content: [{ type: 'image_url', image_url: { url: 'data:image/bmp;base64,Qk0=' } }],
          },
        ],
      }),
    );
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, provider: 'anthropic' });
    expect(String(error)).toContain('messages[0].content[0].image_url.url');
  });

  it('rejects tool call arguments that are not a JSON object', () => {
    const error = thrown(() =>
      convert({
        messages: [
          { role: 'user', content: 'Hi' },
          {
            role: 'assistant',
            tool_calls: [
              { id: 't', type: 'function', function: { name: 'get_weather', arguments: '{"city":' } },
            ],
          },
        ],
      }),
    );
    expect(BadRequestError.isInstance(error)).toBe(true);
  });

  it('warns once per request for names, legacy function messages and other unsendable message fields', () => {
    const { body, warnings } = convert({
      messages: [
        { role: 'user', content: 'Hi', name: 'ada' },
        { role: 'user', content: 'Again', name: 'ada' },
        { role: 'function', name: 'lookup', content: '42' },
      ],
    });
    expect(body.messages).toHaveLength(1);
    expect(warnings.map((warning) => warning.setting)).toEqual(['messages[].name', 'messages[2]']);
  });
});

describe('tools and tool_choice', () => {
  it.each([
    ['auto', { type: 'auto' }],
    ['none', { type: 'none' }],
    ['required', { type: 'any' }],
    [
      { type: 'function', function: { name: 'get_time' } },
      { type: 'tool', name: 'get_time' },
    ],
  ] as const)('tool_choice %j → %j', (choice, expected) => {
    expect(convert({ tools: [weather, time], tool_choice: choice }).body.tool_choice).toEqual(expected);
  });

  it('maps parallel_tool_calls: false to disable_parallel_tool_use', () => {
    expect(convert({ tools: [weather], parallel_tool_calls: false }).body.tool_choice).toEqual({
      type: 'auto',
      disable_parallel_tool_use: true,
    });
    expect(
      convert({ tools: [weather], tool_choice: 'required', parallel_tool_calls: false }).body.tool_choice,
    ).toEqual({
      type: 'any',
      disable_parallel_tool_use: true,
    });
    expect(convert({ tools: [weather], parallel_tool_calls: true }).body).not.toHaveProperty('tool_choice');
  });

  it('converts function tools: empty schema for tools without parameters, strict kept', () => {
    expect(convert({ tools: [weather, time] }).body.tools).toEqual([
      { name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } },
      {
        name: 'get_time',
        description: 'Local time.',
        input_schema: { type: 'object', properties: {} },
        strict: true,
      },
    ]);
  });

  it('sends only the allowed tools of an allowed_tools choice', () => {
    const { body } = convert({
      tools: [weather, time],
      tool_choice: {
        type: 'allowed_tools',
        allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'get_time' } }] },
      },
    });
    expect(body.tools).toEqual([expect.objectContaining({ name: 'get_time' })]);
    expect(body.tool_choice).toEqual({ type: 'any' });
  });

  it('warns about custom tools and a tool_choice without tools', () => {
    const { body, warnings } = convert({
      tools: [{ type: 'custom', custom: { name: 'sql' } }],
      tool_choice: 'required',
    });
    expect(body).not.toHaveProperty('tools');
    expect(body).not.toHaveProperty('tool_choice');
    expect(warnings.map((warning) => warning.setting)).toEqual(['tools[0]', 'tool_choice']);
  });
});

describe('max_tokens and reasoning_effort', () => {
  it('sends max_completion_tokens, else max_tokens, else the default', () => {
    expect(convert({ max_completion_tokens: 100, max_tokens: 50 }).body.max_tokens).toBe(100);
    expect(convert({ max_tokens: 50 }).body.max_tokens).toBe(50);
    expect(convert({}).body.max_tokens).toBe(4096);
  });

  it.each([
    ['minimal', 1024],
    ['low', 1024],
    ['medium', 4096],
    ['high', 8192],
    ['xhigh', 16384],
    ['max', 32768],
  ] as const)(
    'budget mode: %s → budget_tokens %i on top of the default answer allowance',
    (effort, budget) => {
      const { body, warnings } = convert({ reasoning_effort: effort });
      expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: budget });
      expect(body.max_tokens).toBe(4096 + budget);
      expect(warnings).toEqual([]);
    },
  );

  it("'none' disables thinking", () => {
    expect(convert({ reasoning_effort: 'none' }).body.thinking).toEqual({ type: 'disabled' });
  });

  it('keeps an explicit max_completion_tokens and fits the budget below it, with a warning', () => {
    const fits = convert({ reasoning_effort: 'high', max_completion_tokens: 20_000 });
    expect(fits.body).toMatchObject({ max_tokens: 20_000, thinking: { budget_tokens: 8192 } });

    const { body, warnings } = convert({ reasoning_effort: 'high', max_completion_tokens: 6000 });
    expect(body).toMatchObject({ max_tokens: 6000, thinking: { type: 'enabled', budget_tokens: 3000 } });
    expect(warnings).toEqual([expect.objectContaining({ type: 'other', setting: 'reasoning_effort' })]);
  });

  it('does not enable thinking when max tokens leave no room for the minimum budget', () => {
    const { body, warnings } = convert({ reasoning_effort: 'low', max_tokens: 1024 });
    expect(body).not.toHaveProperty('thinking');
    expect(warnings).toEqual([
      expect.objectContaining({ type: 'unsupported-setting', setting: 'reasoning_effort' }),
    ]);
  });

  it('adaptive mode sends adaptive thinking with output_config.effort', () => {
    const { body } = convert(
      {
        reasoning_effort: 'minimal',
        response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } },
      },
      { reasoningMode: 'adaptive' },
    );
    expect(body.thinking).toEqual({ type: 'adaptive' });
    expect(body.max_tokens).toBe(4096);
    expect(body.output_config).toEqual({
      effort: 'low',
      format: { type: 'json_schema', schema: { type: 'object' } },
    });
  });
});

describe('response_format', () => {
  it('sends json_schema as output_config.format and warns about json_object and a description', () => {
    const { body, warnings } = convert({
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'city', description: 'A city.', schema: { type: 'object' }, strict: true },
      },
    });
    expect(body.output_config).toEqual({ format: { type: 'json_schema', schema: { type: 'object' } } });
    expect(warnings.map((warning) => warning.setting)).toEqual(['response_format.json_schema.description']);

    const jsonObject = convert({ response_format: { type: 'json_object' } });
    expect(jsonObject.body).not.toHaveProperty('output_config');
    expect(jsonObject.warnings).toEqual([
      {
        type: 'unsupported-setting',
        setting: 'response_format',
        message:
          'Anthropic constrains output only to a JSON schema, so json_object is not enforced; response_format was not sent.',
      },
    ]);
  });
});

describe('other settings', () => {
  it('warns about every setting the Messages API has no equivalent for', () => {
    const { body, warnings } = convert({
      temperature: 0.2,
      top_p: 0.9,
      frequency_penalty: 0.1,
      presence_penalty: 0.1,
      logit_bias: { '42': 1 },
      logprobs: true,
      top_logprobs: 2,
      n: 2,
      seed: 7,
      store: true,
      metadata: { run: '1' },
      modalities: ['text', 'audio'],
      audio: { format: 'mp3', voice: 'alloy' },
      prediction: { type: 'content', content: 'x' },
      prompt_cache_key: 'k',
      prompt_cache_retention: '24h',
      verbosity: 'low',
      web_search_options: {},
      functions: [{ name: 'f' }],
      function_call: 'auto',
      service_tier: 'flex',
      stop: ['\n\n', 'END'],
    });
    expect(warnings.map((warning) => warning.setting)).toEqual([
      'temperature',
      'top_p',
      'frequency_penalty',
      'presence_penalty',
      'logit_bias',
      'logprobs',
      'top_logprobs',
      'n',
      'seed',
      'store',
      'metadata',
      'modalities',
      'audio',
      'prediction',
      'prompt_cache_key',
      'prompt_cache_retention',
      'verbosity',
      'web_search_options',
      'functions',
      'function_call',
      'stop',
      'service_tier',
    ]);
    expect(warnings[0]?.message).toBe(
      'Anthropic rejects sampling parameters since API version 2026-10-21; temperature was not sent.',
    );
    expect(body).toEqual({
      model: 'claude-sonnet-4-6',
      max_tokens: 4096,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
      stop_sequences: ['END'],
    });
  });

  it('does not warn about explicit nulls, n: 1 or logprobs: false', () => {
    const { warnings } = convert({
      temperature: null,
      top_p: null,
      seed: null,
      n: 1,
      logprobs: false,
      stop: null,
    });
    expect(warnings).toEqual([]);
  });

  it('sends the end-user id as metadata.user_id and maps service tiers', () => {
    expect(convert({ user: 'u-1' }).body.metadata).toEqual({ user_id: 'u-1' });
    const both = convert({ user: 'u-1', safety_identifier: 'hash-1', service_tier: 'default' });
    expect(both.body).toMatchObject({ metadata: { user_id: 'hash-1' }, service_tier: 'standard_only' });
    expect(both.warnings.map((warning) => warning.setting)).toEqual(['user']);
    expect(convert({ service_tier: 'auto' }).body.service_tier).toBe('auto');
  });
});
