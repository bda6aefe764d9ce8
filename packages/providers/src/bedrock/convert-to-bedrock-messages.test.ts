import { BadRequestError, type ChatMessage } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { convertToBedrockMessages } from './convert-to-bedrock-messages.js';

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PNG_BYTES = Uint8Array.from(atob(PNG_BASE64), (char) => char.charCodeAt(0));

const convert = (messages: Array<ChatMessage>) => convertToBedrockMessages(messages, 'bedrock');

const rejection = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('convertToBedrockMessages: roles and turns', () => {
  it('moves system and developer messages into the system blocks', () => {
    const { system, messages, warnings } = convert([
      { role: 'system', content: 'Be brief.' },
      { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
      { role: 'user', content: 'Hi' },
    ]);
    expect(system).toEqual([{ text: 'Be brief.' }, { text: 'Answer in French.' }]);
    expect(messages).toEqual([{ role: 'user', content: [{ text: 'Hi' }] }]);
    expect(warnings).toEqual([]);
  });

  it('warns when a system message comes after the conversation started', () => {
    const { system, warnings } = convert([
      { role: 'user', content: 'Hi' },
      { role: 'system', content: 'Now be formal.' },
    ]);
    expect(system).toEqual([{ text: 'Now be formal.' }]);
    expect(warnings).toEqual([
      {
        type: 'other',
        message:
          'bedrock takes one system prompt before the conversation; later system messages were moved into it.',
      },
    ]);
  });

  it('puts tool results in one user turn and merges consecutive turns of a role', () => {
    const { messages, hasToolBlocks } = convert([
      { role: 'user', content: 'Weather and time in Paris?' },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
          { id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temperature_c":18}' },
      {
        role: 'tool',
        tool_call_id: 'call_2',
        content: [
          { type: 'text', text: '14:' },
          { type: 'text', text: '05' },
        ],
      },
      { role: 'user', content: 'Thanks. And tomorrow?' },
    ]);
    expect(hasToolBlocks).toBe(true);
    expect(messages).toEqual([
      { role: 'user', content: [{ text: 'Weather and time in Paris?' }] },
      {
        role: 'assistant',
        content: [
          { text: 'Checking.' },
          { toolUse: { toolUseId: 'call_1', name: 'get_weather', input: { city: 'Paris' } } },
          { toolUse: { toolUseId: 'call_2', name: 'get_time', input: {} } },
        ],
      },
      {
        role: 'user',
        content: [
          { toolResult: { toolUseId: 'call_1', content: [{ text: '{"temperature_c":18}' }] } },
          { toolResult: { toolUseId: 'call_2', content: [{ text: '14:05' }] } },
          { text: 'Thanks. And tomorrow?' },
        ],
      },
    ]);
  });

  it('leaves out empty text, which Converse rejects, and sends refusals as text', () => {
    const { messages } = convert([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: [{ type: 'refusal', refusal: 'I cannot help with that.' }] },
      { role: 'assistant', content: '', tool_calls: [] },
    ]);
    expect(messages[1]).toEqual({ role: 'assistant', content: [{ text: 'I cannot help with that.' }] });
  });

  it('rejects tool arguments that are not a JSON object', () => {
    const error = rejection(() =>
      convert([
        { role: 'user', content: 'Hi' },
        {
          role: 'assistant',
          tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{"city":' } }],
        },
      ]),
    );
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      message: 'Expected a JSON object. (messages[1].tool_calls[0].function.arguments)',
    });
  });

  it('rejects custom tool calls and legacy function messages', () => {
    const custom = rejection(() =>
      convert([
        { role: 'assistant', tool_calls: [{ id: 'c', type: 'custom', custom: { name: 'f', input: 'x' } }] },
      ]),
    );
    expect(BadRequestError.isInstance(custom)).toBe(true);
    const legacy = rejection(() => convert([{ role: 'function', name: 'f', content: '1' }]));
    expect(BadRequestError.isInstance(legacy)).toBe(true);
  });

  it('warns once that participant names are not sent', () => {
    const { warnings } = convert([
      { role: 'user', content: 'Hi', name: 'ana' },
      { role: 'user', content: 'Hello', name: 'ben' },
    ]);
    expect(warnings.map((warning) => warning.setting)).toEqual(['messages[].name']);
  });
});

describe('convertToBedrockMessages: content parts', () => {
  it('sends base64 data URLs as image bytes with the format from the media type', () => {
    const { messages, warnings } = convert([
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
          { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${PNG_BASE64}`, detail: 'auto' } },
        ],
      },
    ]);
    expect(messages[0]?.content).toEqual([
      { image: { format: 'png', source: { bytes: PNG_BYTES } } },
      { image: { format: 'jpeg', source: { bytes: PNG_BYTES } } },
    ]);
    expect(warnings).toEqual([]);
  });

  it('sends s3:// URLs as S3 locations', () => {
    const { messages } = convert([
      { role: 'user', content: [{ type: 'image_url', image_url: { url: 's3://my-bucket/cats/cat.JPG' } }] },
    ]);
    expect(messages[0]?.content).toEqual([
      { image: { format: 'jpeg', source: { s3Location: { uri: 's3://my-bucket/cats/cat.JPG' } } } },
    ]);
  });

  it('leaves out web URLs, S3 keys without an image extension, audio and files, with warnings', () => {
    const { messages, warnings } = convert([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look' },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.png?token=secret' } },
          { type: 'image_url', image_url: { url: 's3://bucket/blob' } },
          { type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } },
          { type: 'file', file: { file_id: 'file-1' } },
        ],
      },
    ]);
    expect(messages[0]?.content).toEqual([{ text: 'Look' }]);
    expect(warnings.map((warning) => warning.setting)).toEqual([
      'image_url.url',
      'image_url.url',
      'messages[].content[].input_audio',
      'messages[].content[].file',
    ]);
    expect(JSON.stringify(warnings)).not.toContain('secret');
  });

  it('rejects a turn left empty by unsupported parts, saying why', () => {
    const error = rejection(() =>
      convert([
        { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] },
      ]),
    );
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      message:
        'Conversation turn 0 (user) has no content Converse accepts: bedrock (Converse) takes images as base64 data URLs or s3:// URIs, not web URLs; the image was not sent. (messages)',
    });
  });

  it('warns that image detail is not sent', () => {
    const { warnings } = convert([
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}`, detail: 'high' } },
        ],
      },
    ]);
    expect(warnings.map((warning) => warning.setting)).toEqual(['image_url.detail']);
  });

  it('rejects image types and data Converse cannot take', () => {
    const svg = rejection(() =>
      convert([
        {
          role: 'user',
          content: [{ type: 'image_url', image_url: { url: 'data:image/svg+xml;base64,PHN2Zz4=' } }],
        },
      ]),
    );
    expect(BadRequestError.isInstance(svg)).toBe(true);
    const broken = rejection(() =>
      convert([
        { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,@@@' } }] },
      ]),
    );
    expect(BadRequestError.isInstance(broken)).toBe(true);
  });

  it('turns explicit cache breakpoints into cache points after the part', () => {
    const { system, messages, warnings } = convert([
      {
        role: 'system',
        content: [
          { type: 'text', text: 'Long instructions.', prompt_cache_breakpoint: { mode: 'explicit' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Long document.', prompt_cache_breakpoint: { mode: 'explicit', ttl: '30m' } },
        ],
      },
    ]);
    expect(system).toEqual([{ text: 'Long instructions.' }, { cachePoint: { type: 'default' } }]);
    expect(messages[0]?.content).toEqual([{ text: 'Long document.' }, { cachePoint: { type: 'default' } }]);
    expect(warnings.map((warning) => warning.setting)).toEqual(['prompt_cache_breakpoint.ttl']);
  });
});

describe('convertToBedrockMessages: reasoning replay', () => {
  it('sends signed and redacted reasoning back first in the assistant turn', () => {
    const { messages, warnings } = convert([
      { role: 'user', content: 'What is 17 × 24?' },
      {
        role: 'assistant',
        content: '408',
        reasoning_content: '17 × 24 = 408.',
        reasoning_details: [
          { type: 'reasoning.text', text: '17 × 24 = 408.', signature: 'sig-1', provider: 'bedrock' },
          { type: 'reasoning.encrypted', data: 'AQID' },
          { type: 'reasoning.text', text: 'from elsewhere', signature: 'other', provider: 'anthropic' },
        ],
      },
    ]);
    expect(messages[1]?.content).toEqual([
      { reasoningContent: { reasoningText: { text: '17 × 24 = 408.', signature: 'sig-1' } } },
      { reasoningContent: { redactedContent: new Uint8Array([1, 2, 3]) } },
      { text: '408' },
    ]);
    expect(warnings).toEqual([]);
  });

  it('does not send bare reasoning_content, which Claude cannot verify, and says so', () => {
    const { messages, warnings } = convert([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello', reasoning_content: 'They greeted me.' },
    ]);
    expect(messages[1]?.content).toEqual([{ text: 'Hello' }]);
    expect(warnings).toEqual([
      {
        type: 'unsupported-setting',
        setting: 'messages[].reasoning_content',
        message:
          'bedrock replays reasoning only from signed reasoning_details; reasoning_content was not sent.',
      },
    ]);
  });
});
