import { expect } from 'vitest';
import { describeConformance } from '../conformance/describe-conformance.js';
import imageInput from './__fixtures__/conformance/image-input.json?raw';
import jsonSchema from './__fixtures__/conformance/json-schema.json?raw';
import rateLimitHeaders from './__fixtures__/conformance/rate-limit.headers.json';
import rateLimit from './__fixtures__/conformance/rate-limit.json?raw';
import reasoning from './__fixtures__/conformance/reasoning.json?raw';
import streamParallelTools from './__fixtures__/conformance/stream-parallel-tools.sse.txt?raw';
import streamText from './__fixtures__/conformance/stream-text.sse.txt?raw';
import text from './__fixtures__/conformance/text.json?raw';
import toolResults from './__fixtures__/conformance/tool-results.json?raw';
import tools from './__fixtures__/conformance/tools.json?raw';
import { azure } from './azure-provider.js';

// Sources of every fixture: ./__fixtures__/README.md.

describeConformance({
  name: 'azure',
  createAdapter: (fetch) => azure({ resourceName: 'contoso-ai', apiKey: 'azure-conformance', fetch }),
  modelId: 'gpt-41-prod',
  // Azure OpenAI's Chat Completions returns reasoning token counts, never reasoning text.
  reasoningText: false,
  fixtures: {
    text: { body: text },
    'stream-text': { body: streamText },
    tools: { body: tools },
    'stream-parallel-tools': { body: streamParallelTools },
    'json-schema': { body: jsonSchema },
    reasoning: { body: reasoning },
    'image-input': { body: imageInput },
    'tool-results': { body: toolResults },
    'rate-limit': { status: 429, body: rateLimit, headers: rateLimitHeaders },
  },
  wire: {
    text: (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "max_tokens": 64,
        "messages": [
          {
            "content": "You are a concise assistant.",
            "role": "system",
          },
          {
            "content": "Say hello in French.",
            "role": "user",
          },
        ],
        "model": "gpt-41-prod",
        "stop": [
          "

      ",
        ],
        "temperature": 0.2,
      }
    `),
    'stream-text': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "max_tokens": 64,
        "messages": [
          {
            "content": "You are a concise assistant.",
            "role": "system",
          },
          {
            "content": "Say hello in French.",
            "role": "user",
          },
        ],
        "model": "gpt-41-prod",
        "stream": true,
        "stream_options": {
          "include_usage": true,
        },
      }
    `),
    tools: (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "max_tokens": 256,
        "messages": [
          {
            "content": "What is the weather in Paris?",
            "role": "user",
          },
        ],
        "model": "gpt-41-prod",
        "tool_choice": "auto",
        "tools": [
          {
            "function": {
              "description": "Current weather for a city.",
              "name": "get_weather",
              "parameters": {
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
            },
            "type": "function",
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
            "content": "What is the weather and the local time in Paris?",
            "role": "user",
          },
        ],
        "model": "gpt-41-prod",
        "parallel_tool_calls": true,
        "stream": true,
        "stream_options": {
          "include_usage": true,
        },
        "tool_choice": "required",
        "tools": [
          {
            "function": {
              "description": "Current weather for a city.",
              "name": "get_weather",
              "parameters": {
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
            },
            "type": "function",
          },
          {
            "function": {
              "description": "Current local time in an IANA time zone.",
              "name": "get_time",
              "parameters": {
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
            },
            "type": "function",
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
            "content": "Give the weather in Paris as JSON.",
            "role": "user",
          },
        ],
        "model": "gpt-41-prod",
        "response_format": {
          "json_schema": {
            "name": "city_weather",
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
            "strict": true,
          },
          "type": "json_schema",
        },
      }
    `),
    reasoning: (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "max_completion_tokens": 2048,
        "messages": [
          {
            "content": "What is 17 × 24?",
            "role": "user",
          },
        ],
        "model": "gpt-41-prod",
        "reasoning_effort": "low",
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
                "image_url": {
                  "url": "https://example.com/cat.png",
                },
                "type": "image_url",
              },
              {
                "image_url": {
                  "url": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
                },
                "type": "image_url",
              },
            ],
            "role": "user",
          },
        ],
        "model": "gpt-41-prod",
      }
    `),
    'tool-results': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
        {
          "max_tokens": 256,
          "messages": [
            {
              "content": "You are a concise assistant.",
              "role": "system",
            },
            {
              "content": "What is the weather and the local time in Paris?",
              "role": "user",
            },
            {
              "content": null,
              "role": "assistant",
              "tool_calls": [
                {
                  "function": {
                    "arguments": "{"city":"Paris"}",
                    "name": "get_weather",
                  },
                  "id": "call_weather_1",
                  "type": "function",
                },
                {
                  "function": {
                    "arguments": "{"timezone":"Europe/Paris"}",
                    "name": "get_time",
                  },
                  "id": "call_time_1",
                  "type": "function",
                },
              ],
            },
            {
              "content": "{"temperature_c":18,"sky":"clear"}",
              "role": "tool",
              "tool_call_id": "call_weather_1",
            },
            {
              "content": "{"time":"14:05"}",
              "role": "tool",
              "tool_call_id": "call_time_1",
            },
          ],
          "model": "gpt-41-prod",
          "tool_choice": "auto",
          "tools": [
            {
              "function": {
                "description": "Current weather for a city.",
                "name": "get_weather",
                "parameters": {
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
              },
              "type": "function",
            },
            {
              "function": {
                "description": "Current local time in an IANA time zone.",
                "name": "get_time",
                "parameters": {
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
              },
              "type": "function",
            },
          ],
        }
      `),
    'rate-limit': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": "Hello",
            "role": "user",
          },
        ],
        "model": "gpt-41-prod",
      }
    `),
  },
});
