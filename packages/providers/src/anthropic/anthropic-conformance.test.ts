import { expect } from 'vitest';
import { describeConformance } from '../conformance/describe-conformance.js';
import error429Headers from './__fixtures__/error-429.headers.json';
import error429 from './__fixtures__/error-429.json?raw';
import imageBody from './__fixtures__/messages-image.json?raw';
import jsonSchemaBody from './__fixtures__/messages-json-schema.json?raw';
import parallelToolsStream from './__fixtures__/messages-parallel-tool-use.sse.txt?raw';
import textBody from './__fixtures__/messages-text.json?raw';
import textStream from './__fixtures__/messages-text.sse.txt?raw';
import thinkingBody from './__fixtures__/messages-thinking.json?raw';
import toolResultsBody from './__fixtures__/messages-tool-results.json?raw';
import toolUseBody from './__fixtures__/messages-tool-use.json?raw';
import { anthropic } from './anthropic-provider.js';

// Anthropic serves streams as text/event-stream; the fixtures start with `event:` lines.
const sse = { 'content-type': 'text/event-stream; charset=utf-8' };

describeConformance({
  name: 'anthropic',
  createAdapter: (fetch) => anthropic({ apiKey: 'sk-ant-test-conformance', fetch }),
  modelId: 'claude-sonnet-4-6',
  fixtures: {
    text: { body: textBody },
    'stream-text': { body: textStream, headers: sse },
    tools: { body: toolUseBody },
    'stream-parallel-tools': { body: parallelToolsStream, headers: sse },
    'json-schema': { body: jsonSchemaBody },
    reasoning: { body: thinkingBody },
    'image-input': { body: imageBody },
    'tool-results': { body: toolResultsBody },
    'rate-limit': { body: error429, status: 429, headers: error429Headers },
  },
  wire: {
    text: (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "max_tokens": 64,
        "messages": [
          {
            "content": [
              {
                "text": "Say hello in French.",
                "type": "text",
              },
            ],
            "role": "user",
          },
        ],
        "model": "claude-sonnet-4-6",
        "stream": false,
        "system": [
          {
            "text": "You are a concise assistant.",
            "type": "text",
          },
        ],
      }
    `),
    'stream-text': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "max_tokens": 64,
        "messages": [
          {
            "content": [
              {
                "text": "Say hello in French.",
                "type": "text",
              },
            ],
            "role": "user",
          },
        ],
        "model": "claude-sonnet-4-6",
        "stream": true,
        "system": [
          {
            "text": "You are a concise assistant.",
            "type": "text",
          },
        ],
      }
    `),
    tools: (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "max_tokens": 256,
        "messages": [
          {
            "content": [
              {
                "text": "What is the weather in Paris?",
                "type": "text",
              },
            ],
            "role": "user",
          },
        ],
        "model": "claude-sonnet-4-6",
        "stream": false,
        "tool_choice": {
          "type": "auto",
        },
        "tools": [
          {
            "description": "Current weather for a city.",
            "input_schema": {
              "additionalProperties": false,
              "properties": {
                "city": {
                  "type": "string",
                },
              },
              "required": [
                "city",
              ],
              "type": "object",
            },
            "name": "get_weather",
          },
        ],
      }
    `),
    'stream-parallel-tools': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "max_tokens": 256,
        "messages": [
          {
            "content": [
              {
                "text": "What is the weather and the local time in Paris?",
                "type": "text",
              },
            ],
            "role": "user",
          },
        ],
        "model": "claude-sonnet-4-6",
        "stream": true,
        "tool_choice": {
          "type": "any",
        },
        "tools": [
          {
            "description": "Current weather for a city.",
            "input_schema": {
              "additionalProperties": false,
              "properties": {
                "city": {
                  "type": "string",
                },
              },
              "required": [
                "city",
              ],
              "type": "object",
            },
            "name": "get_weather",
          },
          {
            "description": "Current local time in an IANA time zone.",
            "input_schema": {
              "additionalProperties": false,
              "properties": {
                "timezone": {
                  "type": "string",
                },
              },
              "required": [
                "timezone",
              ],
              "type": "object",
            },
            "name": "get_time",
          },
        ],
      }
    `),
    'json-schema': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "max_tokens": 256,
        "messages": [
          {
            "content": [
              {
                "text": "Give the weather in Paris as JSON.",
                "type": "text",
              },
            ],
            "role": "user",
          },
        ],
        "model": "claude-sonnet-4-6",
        "output_config": {
          "format": {
            "schema": {
              "additionalProperties": false,
              "properties": {
                "city": {
                  "type": "string",
                },
                "temperature_c": {
                  "type": "number",
                },
              },
              "required": [
                "city",
                "temperature_c",
              ],
              "type": "object",
            },
            "type": "json_schema",
          },
        },
        "stream": false,
      }
    `),
    reasoning: (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "max_tokens": 2048,
        "messages": [
          {
            "content": [
              {
                "text": "What is 17 × 24?",
                "type": "text",
              },
            ],
            "role": "user",
          },
        ],
        "model": "claude-sonnet-4-6",
        "stream": false,
        "thinking": {
          "budget_tokens": 1024,
          "type": "enabled",
        },
      }
    `),
    'image-input': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "max_tokens": 128,
        "messages": [
          {
            "content": [
              {
                "text": "Compare these two images.",
                "type": "text",
              },
              {
                "source": {
                  "type": "url",
                  "url": "https://example.com/cat.png",
                },
                "type": "image",
              },
              {
                "source": {
                  "data": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
                  "media_type": "image/png",
                  "type": "base64",
                },
                "type": "image",
              },
            ],
            "role": "user",
          },
        ],
        "model": "claude-sonnet-4-6",
        "stream": false,
      }
    `),
    'tool-results': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
        {
          "max_tokens": 256,
          "messages": [
            {
              "content": [
                {
                  "text": "What is the weather and the local time in Paris?",
                  "type": "text",
                },
              ],
              "role": "user",
            },
            {
              "content": [
                {
                  "id": "call_weather_1",
                  "input": {
                    "city": "Paris",
                  },
                  "name": "get_weather",
                  "type": "tool_use",
                },
                {
                  "id": "call_time_1",
                  "input": {
                    "timezone": "Europe/Paris",
                  },
                  "name": "get_time",
                  "type": "tool_use",
                },
              ],
              "role": "assistant",
            },
            {
              "content": [
                {
                  "content": "{"temperature_c":18,"sky":"clear"}",
                  "tool_use_id": "call_weather_1",
                  "type": "tool_result",
                },
                {
                  "content": "{"time":"14:05"}",
                  "tool_use_id": "call_time_1",
                  "type": "tool_result",
                },
              ],
              "role": "user",
            },
          ],
          "model": "claude-sonnet-4-6",
          "stream": false,
          "system": [
            {
              "text": "You are a concise assistant.",
              "type": "text",
            },
          ],
          "tool_choice": {
            "type": "auto",
          },
          "tools": [
            {
              "description": "Current weather for a city.",
              "input_schema": {
                "additionalProperties": false,
                "properties": {
                  "city": {
                    "type": "string",
                  },
                },
                "required": [
                  "city",
                ],
                "type": "object",
              },
              "name": "get_weather",
            },
            {
              "description": "Current local time in an IANA time zone.",
              "input_schema": {
                "additionalProperties": false,
                "properties": {
                  "timezone": {
                    "type": "string",
                  },
                },
                "required": [
                  "timezone",
                ],
                "type": "object",
              },
              "name": "get_time",
            },
          ],
        }
      `),
    'rate-limit': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "max_tokens": 4096,
        "messages": [
          {
            "content": [
              {
                "text": "Hello",
                "type": "text",
              },
            ],
            "role": "user",
          },
        ],
        "model": "claude-sonnet-4-6",
        "stream": false,
      }
    `),
  },
});
