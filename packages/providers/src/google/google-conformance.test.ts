import { expect } from 'vitest';
import { describeConformance } from '../conformance/describe-conformance.js';
import error429Headers from './__fixtures__/error-429.headers.json';
import error429 from './__fixtures__/error-429.json?raw';
import imageBody from './__fixtures__/generate-content-image.json?raw';
import jsonSchemaBody from './__fixtures__/generate-content-json-schema.json?raw';
import reasoningBody from './__fixtures__/generate-content-reasoning.json?raw';
import textBody from './__fixtures__/generate-content-text.json?raw';
import toolCallBody from './__fixtures__/generate-content-tool-call.json?raw';
import toolResultsBody from './__fixtures__/generate-content-tool-results.json?raw';
import parallelToolsStream from './__fixtures__/stream-parallel-tool-calls.sse.txt?raw';
import textStream from './__fixtures__/stream-text.sse.txt?raw';
import { google } from './google-provider.js';

// Every fixture is Gemini's own wire format: `generateContent` JSON bodies and
// `streamGenerateContent?alt=sse` events (`data: {…}\r\n\r\n`); sources in __fixtures__/README.md.
describeConformance({
  name: 'google',
  modelId: 'gemini-2.5-flash',
  createAdapter: (fetch) => google({ apiKey: 'test-gemini-key', fetch }),
  fixtures: {
    text: { body: textBody },
    'stream-text': { body: textStream },
    tools: { body: toolCallBody },
    'stream-parallel-tools': { body: parallelToolsStream },
    'json-schema': { body: jsonSchemaBody },
    reasoning: { body: reasoningBody },
    'image-input': { body: imageBody },
    'tool-results': { body: toolResultsBody },
    'rate-limit': { body: error429, status: 429, headers: error429Headers },
  },
  wire: {
    text: (request) => {
      expect(request.url).toBe(
        'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent',
      );
      expect(request.body).toMatchInlineSnapshot(`
        {
          "contents": [
            {
              "parts": [
                {
                  "text": "Say hello in French.",
                },
              ],
              "role": "user",
            },
          ],
          "generationConfig": {
            "maxOutputTokens": 64,
            "stopSequences": [
              "

        ",
            ],
            "temperature": 0.2,
          },
          "systemInstruction": {
            "parts": [
              {
                "text": "You are a concise assistant.",
              },
            ],
          },
        }
      `);
    },
    'stream-text': (request) => {
      expect(request.url).toBe(
        'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
      );
      expect(request.body).toMatchInlineSnapshot(`
        {
          "contents": [
            {
              "parts": [
                {
                  "text": "Say hello in French.",
                },
              ],
              "role": "user",
            },
          ],
          "generationConfig": {
            "maxOutputTokens": 64,
          },
          "systemInstruction": {
            "parts": [
              {
                "text": "You are a concise assistant.",
              },
            ],
          },
        }
      `);
    },
    tools: (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "contents": [
          {
            "parts": [
              {
                "text": "What is the weather in Paris?",
              },
            ],
            "role": "user",
          },
        ],
        "generationConfig": {
          "maxOutputTokens": 256,
        },
        "toolConfig": {
          "functionCallingConfig": {
            "mode": "AUTO",
          },
        },
        "tools": [
          {
            "functionDeclarations": [
              {
                "description": "Current weather for a city.",
                "name": "get_weather",
                "parameters": {
                  "properties": {
                    "city": {
                      "type": "STRING",
                    },
                  },
                  "required": [
                    "city",
                  ],
                  "type": "OBJECT",
                },
              },
            ],
          },
        ],
      }
    `),
    'stream-parallel-tools': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "contents": [
          {
            "parts": [
              {
                "text": "What is the weather and the local time in Paris?",
              },
            ],
            "role": "user",
          },
        ],
        "generationConfig": {
          "maxOutputTokens": 256,
        },
        "toolConfig": {
          "functionCallingConfig": {
            "mode": "ANY",
          },
        },
        "tools": [
          {
            "functionDeclarations": [
              {
                "description": "Current weather for a city.",
                "name": "get_weather",
                "parameters": {
                  "properties": {
                    "city": {
                      "type": "STRING",
                    },
                  },
                  "required": [
                    "city",
                  ],
                  "type": "OBJECT",
                },
              },
              {
                "description": "Current local time in an IANA time zone.",
                "name": "get_time",
                "parameters": {
                  "properties": {
                    "timezone": {
                      "type": "STRING",
                    },
                  },
                  "required": [
                    "timezone",
                  ],
                  "type": "OBJECT",
                },
              },
            ],
          },
        ],
      }
    `),
    'json-schema': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "contents": [
          {
            "parts": [
              {
                "text": "Give the weather in Paris as JSON.",
              },
            ],
            "role": "user",
          },
        ],
        "generationConfig": {
          "maxOutputTokens": 256,
          "responseMimeType": "application/json",
          "responseSchema": {
            "properties": {
              "city": {
                "type": "STRING",
              },
              "temperature_c": {
                "type": "NUMBER",
              },
            },
            "propertyOrdering": [
              "city",
              "temperature_c",
            ],
            "required": [
              "city",
              "temperature_c",
            ],
            "type": "OBJECT",
          },
        },
      }
    `),
    reasoning: (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "contents": [
          {
            "parts": [
              {
                "text": "What is 17 × 24?",
              },
            ],
            "role": "user",
          },
        ],
        "generationConfig": {
          "maxOutputTokens": 2048,
          "thinkingConfig": {
            "includeThoughts": true,
            "thinkingBudget": 1024,
          },
        },
      }
    `),
    'image-input': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "contents": [
          {
            "parts": [
              {
                "text": "Compare these two images.",
              },
              {
                "fileData": {
                  "fileUri": "https://example.com/cat.png",
                  "mimeType": "image/png",
                },
              },
              {
                "inlineData": {
                  "data": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
                  "mimeType": "image/png",
                },
              },
            ],
            "role": "user",
          },
        ],
        "generationConfig": {
          "maxOutputTokens": 128,
        },
      }
    `),
    'tool-results': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
        {
          "contents": [
            {
              "parts": [
                {
                  "text": "What is the weather and the local time in Paris?",
                },
              ],
              "role": "user",
            },
            {
              "parts": [
                {
                  "functionCall": {
                    "args": {
                      "city": "Paris",
                    },
                    "id": "call_weather_1",
                    "name": "get_weather",
                  },
                },
                {
                  "functionCall": {
                    "args": {
                      "timezone": "Europe/Paris",
                    },
                    "id": "call_time_1",
                    "name": "get_time",
                  },
                },
              ],
              "role": "model",
            },
            {
              "parts": [
                {
                  "functionResponse": {
                    "id": "call_weather_1",
                    "name": "get_weather",
                    "response": {
                      "sky": "clear",
                      "temperature_c": 18,
                    },
                  },
                },
                {
                  "functionResponse": {
                    "id": "call_time_1",
                    "name": "get_time",
                    "response": {
                      "time": "14:05",
                    },
                  },
                },
              ],
              "role": "user",
            },
          ],
          "generationConfig": {
            "maxOutputTokens": 256,
          },
          "systemInstruction": {
            "parts": [
              {
                "text": "You are a concise assistant.",
              },
            ],
          },
          "toolConfig": {
            "functionCallingConfig": {
              "mode": "AUTO",
            },
          },
          "tools": [
            {
              "functionDeclarations": [
                {
                  "description": "Current weather for a city.",
                  "name": "get_weather",
                  "parameters": {
                    "properties": {
                      "city": {
                        "type": "STRING",
                      },
                    },
                    "required": [
                      "city",
                    ],
                    "type": "OBJECT",
                  },
                },
                {
                  "description": "Current local time in an IANA time zone.",
                  "name": "get_time",
                  "parameters": {
                    "properties": {
                      "timezone": {
                        "type": "STRING",
                      },
                    },
                    "required": [
                      "timezone",
                    ],
                    "type": "OBJECT",
                  },
                },
              ],
            },
          ],
        }
      `),
    'rate-limit': (request) => {
      expect(request.headers['x-goog-api-key']).toBe('test-gemini-key');
      expect(request.body).toMatchInlineSnapshot(`
        {
          "contents": [
            {
              "parts": [
                {
                  "text": "Hello",
                },
              ],
              "role": "user",
            },
          ],
          "generationConfig": {},
        }
      `);
    },
  },
});
