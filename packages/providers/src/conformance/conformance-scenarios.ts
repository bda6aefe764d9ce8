import type { ProviderCapabilities, ProviderRequest } from '@switchyard/core';

/**
 * The shared scenarios every adapter runs. Each is one OpenAI-shaped request; a provider's fixture for
 * it is that provider's real wire response to the equivalent request.
 */
export type ScenarioName =
  | 'text'
  | 'stream-text'
  | 'tools'
  | 'stream-parallel-tools'
  | 'json-schema'
  | 'reasoning'
  | 'image-input'
  | 'tool-results'
  | 'rate-limit';

export interface Scenario {
  readonly name: ScenarioName;
  readonly stream: boolean;
  /** The capability that makes this scenario mandatory; `undefined`: every adapter runs it. */
  readonly requires: keyof ProviderCapabilities | undefined;
  readonly request: ProviderRequest;
  /** Part of the six scenarios also run end to end: the `openai` client over `gateway.fetch`. */
  readonly dropIn: boolean;
}

const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Current weather for a city.',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    },
  },
};

const timeTool = {
  type: 'function' as const,
  function: {
    name: 'get_time',
    description: 'Current local time in an IANA time zone.',
    parameters: {
      type: 'object',
      properties: { timezone: { type: 'string' } },
      required: ['timezone'],
      additionalProperties: false,
    },
  },
};

export const CITY_SCHEMA = {
  type: 'object',
  properties: { city: { type: 'string' }, temperature_c: { type: 'number' } },
  required: ['city', 'temperature_c'],
  additionalProperties: false,
};

const system = { role: 'system' as const, content: 'You are a concise assistant.' };

export const SCENARIOS: ReadonlyArray<Scenario> = [
  {
    name: 'text',
    stream: false,
    requires: undefined,
    dropIn: true,
    request: {
      model: 'conformance-model',
      messages: [system, { role: 'user', content: 'Say hello in French.' }],
      temperature: 0.2,
      max_tokens: 64,
      stop: ['\n\n'],
    },
  },
  {
    name: 'stream-text',
    stream: true,
    requires: 'streaming',
    dropIn: true,
    request: {
      model: 'conformance-model',
      messages: [system, { role: 'user', content: 'Say hello in French.' }],
      max_tokens: 64,
      stream_options: { include_usage: true },
    },
  },
  {
    name: 'tools',
    stream: false,
    requires: 'tools',
    dropIn: true,
    request: {
      model: 'conformance-model',
      messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
      tools: [weatherTool],
      tool_choice: 'auto',
      max_tokens: 256,
    },
  },
  {
    name: 'stream-parallel-tools',
    stream: true,
    requires: 'parallelToolCalls',
    dropIn: true,
    request: {
      model: 'conformance-model',
      messages: [{ role: 'user', content: 'What is the weather and the local time in Paris?' }],
      tools: [weatherTool, timeTool],
      tool_choice: 'required',
      parallel_tool_calls: true,
      max_tokens: 256,
      stream_options: { include_usage: true },
    },
  },
  {
    name: 'json-schema',
    stream: false,
    requires: 'jsonSchema',
    dropIn: true,
    request: {
      model: 'conformance-model',
      messages: [{ role: 'user', content: 'Give the weather in Paris as JSON.' }],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'city_weather', schema: CITY_SCHEMA, strict: true },
      },
      max_tokens: 256,
    },
  },
  {
    name: 'reasoning',
    stream: false,
    requires: 'reasoning',
    dropIn: true,
    request: {
      model: 'conformance-model',
      messages: [{ role: 'user', content: 'What is 17 × 24?' }],
      reasoning_effort: 'low',
      max_completion_tokens: 2048,
    },
  },
  {
    name: 'image-input',
    stream: false,
    requires: 'images',
    dropIn: false,
    request: {
      model: 'conformance-model',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare these two images.' },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
            {
              type: 'image_url',
              image_url: {
                url: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
              },
            },
          ],
        },
      ],
      max_tokens: 128,
    },
  },
  {
    name: 'tool-results',
    stream: false,
    requires: 'tools',
    dropIn: false,
    request: {
      model: 'conformance-model',
      messages: [
        system,
        { role: 'user', content: 'What is the weather and the local time in Paris?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_weather_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
            },
            {
              id: 'call_time_1',
              type: 'function',
              function: { name: 'get_time', arguments: '{"timezone":"Europe/Paris"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_weather_1', content: '{"temperature_c":18,"sky":"clear"}' },
        { role: 'tool', tool_call_id: 'call_time_1', content: '{"time":"14:05"}' },
      ],
      tools: [weatherTool, timeTool],
      tool_choice: 'auto',
      max_tokens: 256,
    },
  },
  {
    name: 'rate-limit',
    stream: false,
    requires: undefined,
    dropIn: false,
    request: { model: 'conformance-model', messages: [{ role: 'user', content: 'Hello' }] },
  },
];
