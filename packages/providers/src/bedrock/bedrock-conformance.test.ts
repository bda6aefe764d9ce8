import { expect } from 'vitest';
import { describeConformance } from '../conformance/describe-conformance.js';
import imageInputBody from './__fixtures__/converse-image-input.json?raw';
import jsonSchemaBody from './__fixtures__/converse-json-schema.json?raw';
import reasoningBody from './__fixtures__/converse-reasoning.json?raw';
import parallelToolsEvents from './__fixtures__/converse-stream-parallel-tools.events.json';
import textEvents from './__fixtures__/converse-stream-text.events.json';
import textBody from './__fixtures__/converse-text.json?raw';
import toolResultsBody from './__fixtures__/converse-tool-results.json?raw';
import toolUseBody from './__fixtures__/converse-tool-use.json?raw';
import throttlingHeaders from './__fixtures__/error-throttling.headers.json';
import throttlingBody from './__fixtures__/error-throttling.json?raw';
import { decodeBase64Bodies, encodeEvents, eventStreamResponse } from './__fixtures__/event-stream.js';
import { bedrock } from './bedrock-provider.js';

const MODEL_ID = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const CONVERSE_URL = `https://bedrock-runtime.us-east-1.amazonaws.com/model/${encodeURIComponent(MODEL_ID)}/converse`;
const JSON_HEADERS = {
  'content-type': 'application/json',
  'x-amzn-requestid': '1f0c8e2a-7d35-4b61-9a4e-3c2b5d8f6e10',
};

describeConformance({
  name: 'bedrock',
  modelId: MODEL_ID,
  createAdapter: (fetch) =>
    bedrock({
      // Event-stream fixtures travel as base64 text through fixtureFetch; the SDK gets their bytes.
      fetch: decodeBase64Bodies(fetch),
      region: 'us-east-1',
      credentials: {
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      },
    }),
  fixtures: {
    text: { body: textBody, headers: JSON_HEADERS },
    'stream-text': eventStreamResponse(encodeEvents(textEvents)),
    tools: { body: toolUseBody, headers: JSON_HEADERS },
    'stream-parallel-tools': eventStreamResponse(encodeEvents(parallelToolsEvents)),
    'json-schema': { body: jsonSchemaBody, headers: JSON_HEADERS },
    reasoning: { body: reasoningBody, headers: JSON_HEADERS },
    'image-input': { body: imageInputBody, headers: JSON_HEADERS },
    'tool-results': { body: toolResultsBody, headers: JSON_HEADERS },
    'rate-limit': { status: 429, body: throttlingBody, headers: throttlingHeaders },
  },
  wire: {
    text: (request) => {
      expect(request.url).toBe(CONVERSE_URL);
      expect(request.body).toMatchInlineSnapshot(`
        {
          "inferenceConfig": {
            "maxTokens": 64,
            "stopSequences": [
              "

        ",
            ],
            "temperature": 0.2,
          },
          "messages": [
            {
              "content": [
                {
                  "text": "Say hello in French.",
                },
              ],
              "role": "user",
            },
          ],
          "system": [
            {
              "text": "You are a concise assistant.",
            },
          ],
        }
      `);
    },
    'stream-text': (request) => {
      expect(request.url).toBe(CONVERSE_URL.replace(/converse$/, 'converse-stream'));
      expect(request.body).toMatchInlineSnapshot(`
        {
          "inferenceConfig": {
            "maxTokens": 64,
          },
          "messages": [
            {
              "content": [
                {
                  "text": "Say hello in French.",
                },
              ],
              "role": "user",
            },
          ],
          "system": [
            {
              "text": "You are a concise assistant.",
            },
          ],
        }
      `);
    },
    tools: (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "inferenceConfig": {
          "maxTokens": 256,
        },
        "messages": [
          {
            "content": [
              {
                "text": "What is the weather in Paris?",
              },
            ],
            "role": "user",
          },
        ],
        "toolConfig": {
          "tools": [
            {
              "toolSpec": {
                "description": "Current weather for a city.",
                "inputSchema": {
                  "json": {
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
                "name": "get_weather",
              },
            },
          ],
        },
      }
    `),
    'stream-parallel-tools': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "inferenceConfig": {
          "maxTokens": 256,
        },
        "messages": [
          {
            "content": [
              {
                "text": "What is the weather and the local time in Paris?",
              },
            ],
            "role": "user",
          },
        ],
        "toolConfig": {
          "toolChoice": {
            "any": {},
          },
          "tools": [
            {
              "toolSpec": {
                "description": "Current weather for a city.",
                "inputSchema": {
                  "json": {
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
                "name": "get_weather",
              },
            },
            {
              "toolSpec": {
                "description": "Current local time in an IANA time zone.",
                "inputSchema": {
                  "json": {
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
                "name": "get_time",
              },
            },
          ],
        },
      }
    `),
    'json-schema': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "inferenceConfig": {
          "maxTokens": 256,
        },
        "messages": [
          {
            "content": [
              {
                "text": "Give the weather in Paris as JSON.",
              },
            ],
            "role": "user",
          },
        ],
        "outputConfig": {
          "textFormat": {
            "structure": {
              "jsonSchema": {
                "name": "city_weather",
                "schema": "{"type":"object","properties":{"city":{"type":"string"},"temperature_c":{"type":"number"}},"required":["city","temperature_c"],"additionalProperties":false}",
              },
            },
            "type": "json_schema",
          },
        },
      }
    `),
    reasoning: (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "additionalModelRequestFields": {
          "thinking": {
            "budget_tokens": 1024,
            "type": "enabled",
          },
        },
        "inferenceConfig": {
          "maxTokens": 2048,
        },
        "messages": [
          {
            "content": [
              {
                "text": "What is 17 × 24?",
              },
            ],
            "role": "user",
          },
        ],
      }
    `),
    'image-input': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "inferenceConfig": {
          "maxTokens": 128,
        },
        "messages": [
          {
            "content": [
              {
                "text": "Compare these two images.",
              },
              {
                "image": {
                  "format": "png",
                  "source": {
                    "bytes": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
                  },
                },
              },
            ],
            "role": "user",
          },
        ],
      }
    `),
    'tool-results': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
        {
          "inferenceConfig": {
            "maxTokens": 256,
          },
          "messages": [
            {
              "content": [
                {
                  "text": "What is the weather and the local time in Paris?",
                },
              ],
              "role": "user",
            },
            {
              "content": [
                {
                  "toolUse": {
                    "input": {
                      "city": "Paris",
                    },
                    "name": "get_weather",
                    "toolUseId": "call_weather_1",
                  },
                },
                {
                  "toolUse": {
                    "input": {
                      "timezone": "Europe/Paris",
                    },
                    "name": "get_time",
                    "toolUseId": "call_time_1",
                  },
                },
              ],
              "role": "assistant",
            },
            {
              "content": [
                {
                  "toolResult": {
                    "content": [
                      {
                        "text": "{"temperature_c":18,"sky":"clear"}",
                      },
                    ],
                    "toolUseId": "call_weather_1",
                  },
                },
                {
                  "toolResult": {
                    "content": [
                      {
                        "text": "{"time":"14:05"}",
                      },
                    ],
                    "toolUseId": "call_time_1",
                  },
                },
              ],
              "role": "user",
            },
          ],
          "system": [
            {
              "text": "You are a concise assistant.",
            },
          ],
          "toolConfig": {
            "tools": [
              {
                "toolSpec": {
                  "description": "Current weather for a city.",
                  "inputSchema": {
                    "json": {
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
                  "name": "get_weather",
                },
              },
              {
                "toolSpec": {
                  "description": "Current local time in an IANA time zone.",
                  "inputSchema": {
                    "json": {
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
                  "name": "get_time",
                },
              },
            ],
          },
        }
      `),
    'rate-limit': (request) =>
      expect(request.body).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": [
              {
                "text": "Hello",
              },
            ],
            "role": "user",
          },
        ],
      }
    `),
  },
});
