import { expect } from 'vitest';
import { describeConformance } from '../conformance/describe-conformance.js';
import imageBody from './__fixtures__/chat-image.json?raw';
import jsonSchemaBody from './__fixtures__/chat-json-schema.json?raw';
import parallelToolsStream from './__fixtures__/chat-parallel-tool-calls.sse.txt?raw';
import reasoningBody from './__fixtures__/chat-reasoning.json?raw';
import textBody from './__fixtures__/chat-text.json?raw';
import textStream from './__fixtures__/chat-text.sse.txt?raw';
import toolCallBody from './__fixtures__/chat-tool-call.json?raw';
import toolResultsBody from './__fixtures__/chat-tool-results.json?raw';
import error429Headers from './__fixtures__/error-429.headers.json';
import error429 from './__fixtures__/error-429.json?raw';
import { mistral } from './mistral-provider.js';

describeConformance({
  name: 'mistral',
  createAdapter: (fetch) => mistral({ apiKey: 'test-key', fetch }),
  modelId: 'mistral-small-latest',
  fixtures: {
    text: { body: textBody },
    'stream-text': { body: textStream },
    tools: { body: toolCallBody },
    'stream-parallel-tools': { body: parallelToolsStream },
    'json-schema': { body: jsonSchemaBody },
    reasoning: { body: reasoningBody },
    'image-input': { body: imageBody },
    'tool-results': { body: toolResultsBody },
    'rate-limit': { status: 429, body: error429, headers: error429Headers },
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
        "model": "mistral-small-latest",
        "stop": [
          "

      ",
        ],
        "stream": false,
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
        "model": "mistral-small-latest",
        "stream": true,
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
        "model": "mistral-small-latest",
        "stream": false,
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
        "model": "mistral-small-latest",
        "parallel_tool_calls": true,
        "stream": true,
        "tool_choice": "any",
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
        "model": "mistral-small-latest",
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
        "stream": false,
      }
    `),
    reasoning: (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "max_tokens": 2048,
        "messages": [
          {
            "content": "What is 17 × 24?",
            "role": "user",
          },
        ],
        "model": "mistral-small-latest",
        "reasoning_effort": "low",
        "stream": false,
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
                "image_url": "https://example.com/cat.png",
                "type": "image_url",
              },
              {
                "image_url": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
                "type": "image_url",
              },
            ],
            "role": "user",
          },
        ],
        "model": "mistral-small-latest",
        "stream": false,
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
              "prefix": false,
              "role": "assistant",
              "tool_calls": [
                {
                  "function": {
                    "arguments": "{"city":"Paris"}",
                    "name": "get_weather",
                  },
                  "id": "w4CYvJC66",
                  "index": 0,
                  "type": "function",
                },
                {
                  "function": {
                    "arguments": "{"timezone":"Europe/Paris"}",
                    "name": "get_time",
                  },
                  "id": "n9oQHOuY2",
                  "index": 1,
                  "type": "function",
                },
              ],
            },
            {
              "content": "{"temperature_c":18,"sky":"clear"}",
              "name": "get_weather",
              "role": "tool",
              "tool_call_id": "w4CYvJC66",
            },
            {
              "content": "{"time":"14:05"}",
              "name": "get_time",
              "role": "tool",
              "tool_call_id": "n9oQHOuY2",
            },
          ],
          "model": "mistral-small-latest",
          "stream": false,
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
      expect(request.url).toMatchInlineSnapshot(`"https://api.mistral.ai/v1/chat/completions"`),
  },
});
