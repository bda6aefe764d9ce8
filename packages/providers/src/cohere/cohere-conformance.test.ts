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
import { cohere } from './cohere-provider.js';

// Cohere's streams start with an `event:` line, which fixtureFetch does not recognise as SSE by itself.
const sse = { 'content-type': 'text/event-stream' };

describeConformance({
  name: 'cohere',
  createAdapter: (fetch) => cohere({ apiKey: 'test-key', fetch }),
  modelId: 'command-a-reasoning-08-2025',
  fixtures: {
    text: { body: textBody },
    'stream-text': { body: textStream, headers: sse },
    tools: { body: toolCallBody },
    'stream-parallel-tools': { body: parallelToolsStream, headers: sse },
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
        "model": "command-a-reasoning-08-2025",
        "stop_sequences": [
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
        "model": "command-a-reasoning-08-2025",
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
        "model": "command-a-reasoning-08-2025",
        "stream": false,
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
        "model": "command-a-reasoning-08-2025",
        "stream": true,
        "tool_choice": "REQUIRED",
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
        "model": "command-a-reasoning-08-2025",
        "response_format": {
          "json_schema": {
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
          "type": "json_object",
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
        "model": "command-a-reasoning-08-2025",
        "stream": false,
        "thinking": {
          "token_budget": 1024,
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
        "model": "command-a-reasoning-08-2025",
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
        "model": "command-a-reasoning-08-2025",
        "stream": false,
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
    'rate-limit': (request) => expect(request.url).toMatchInlineSnapshot(`"https://api.cohere.com/v2/chat"`),
  },
});
