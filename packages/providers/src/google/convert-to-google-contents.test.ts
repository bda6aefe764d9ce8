import { BadRequestError, type ChatMessage } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { convertToGoogleContents } from './convert-to-google-contents.js';

const context = { provider: 'google', requiresCallSignatures: false };
const convert = (messages: Array<ChatMessage>, requiresCallSignatures = false) =>
  convertToGoogleContents(messages, { ...context, requiresCallSignatures });

const weatherCall = {
  id: 'call_0',
  type: 'function' as const,
  function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
};

describe('convertToGoogleContents', () => {
  it('puts system and developer messages into systemInstruction and maps assistant to model', () => {
    const result = convert([
      { role: 'system', content: 'Be brief.' },
      { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Bonjour' },
      { role: 'user', content: 'How are you?' },
    ]);
    expect(result).toEqual({
      systemInstruction: { parts: [{ text: 'Be brief.' }, { text: 'Answer in French.' }] },
      contents: [
        { role: 'user', parts: [{ text: 'Hi' }] },
        { role: 'model', parts: [{ text: 'Bonjour' }] },
        { role: 'user', parts: [{ text: 'How are you?' }] },
      ],
      warnings: [],
    });
  });

  it('warns when a later system message is moved into the system instruction, and about names', () => {
    const { systemInstruction, warnings } = convert([
      { role: 'user', content: 'Hi', name: 'ada' },
      { role: 'system', content: 'Now be formal.' },
    ]);
    expect(systemInstruction).toEqual({ parts: [{ text: 'Now be formal.' }] });
    expect(warnings.map((w) => w.setting)).toEqual(['messages[0].name', 'messages[1]']);
  });

  it('sends base64 images inline and URLs as fileData, with a guessed MIME type', () => {
    const { contents, warnings } = convert([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Compare' },
          { type: 'image_url', image_url: { url: 'data:image/webp;base64,UklGRg==' } },
          {
            type: 'image_url',
            image_url: { url: 'https://example.com/photos/cat.JPG?size=large', detail: 'high' },
          },
          { type: 'image_url', image_url: { url: 'gs://bucket/diagram.png' } },
          { type: 'image_url', image_url: { url: 'https://example.com/render' } },
          { type: 'input_audio', input_audio: { data: 'UklGRiQ=', format: 'wav' } },
          { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' } },
        ],
      },
    ]);
    expect(contents[0]?.parts).toEqual([
      { text: 'Compare' },
      { inlineData: { mimeType: 'image/webp', data: 'UklGRg==' } },
      { fileData: { fileUri: 'https://example.com/photos/cat.JPG?size=large', mimeType: 'image/jpeg' } },
      { fileData: { fileUri: 'gs://bucket/diagram.png', mimeType: 'image/png' } },
      { fileData: { fileUri: 'https://example.com/render', mimeType: 'image/jpeg' } },
      { inlineData: { mimeType: 'audio/wav', data: 'UklGRiQ=' } },
      { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0=' } },
    ]);
    expect(warnings).toEqual([
      {
        type: 'unsupported-setting',
        setting: 'messages[0].content[2].image_url.detail',
        message: "Gemini picks the image resolution itself; detail 'high' was not sent.",
      },
    ]);
  });

  it('rejects files Gemini cannot read (OpenAI file ids, non-base64 data URLs) with a 400', () => {
    const fileId = () =>
      convert([{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-abc' } }] }]);
    expect(fileId).toThrow(BadRequestError);
    const plainDataUrl = () =>
      convert([
        { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/svg+xml,<svg/>' } }] },
      ]);
    expect(plainDataUrl).toThrow(/Only base64 data URLs/);
  });

  it('maps tool results to functionResponse parts named after the earlier call, one user turn for all', () => {
    const { contents } = convert([
      { role: 'user', content: 'Weather and time in Paris?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          weatherCall,
          { id: 'call_1', type: 'function', function: { name: 'get_time', arguments: '' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_0', content: '{"temperature_c":18}' },
      { role: 'tool', tool_call_id: 'call_1', content: [{ type: 'text', text: '14:05' }] },
      { role: 'user', content: 'Thanks' },
    ]);
    expect(contents.slice(1)).toEqual([
      {
        role: 'model',
        parts: [
          { functionCall: { id: 'call_0', name: 'get_weather', args: { city: 'Paris' } } },
          { functionCall: { id: 'call_1', name: 'get_time', args: {} } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { id: 'call_0', name: 'get_weather', response: { temperature_c: 18 } } },
          { functionResponse: { id: 'call_1', name: 'get_time', response: { output: '14:05' } } },
        ],
      },
      { role: 'user', parts: [{ text: 'Thanks' }] },
    ]);
  });

  it('finds the function name of a reused call id in the nearest earlier assistant turn', () => {
    const { contents } = convert([
      { role: 'user', content: 'a' },
      { role: 'assistant', tool_calls: [{ ...weatherCall, function: { name: 'first', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'call_0', content: '1' },
      { role: 'assistant', tool_calls: [{ ...weatherCall, function: { name: 'second', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'call_0', content: '[1,2]' },
    ]);
    expect(contents[4]?.parts).toEqual([
      { functionResponse: { id: 'call_0', name: 'second', response: { output: [1, 2] } } },
    ]);
    expect(contents[2]?.parts?.[0]?.functionResponse?.response).toEqual({ output: 1 });
  });

  it('maps a legacy function message by its name', () => {
    const { contents } = convert([
      { role: 'user', content: 'a' },
      { role: 'assistant', content: null, function_call: { name: 'lookup', arguments: '{"q":"x"}' } },
      { role: 'function', name: 'lookup', content: 'found' },
    ]);
    expect(contents.slice(1)).toEqual([
      { role: 'model', parts: [{ functionCall: { name: 'lookup', args: { q: 'x' } } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'lookup', response: { output: 'found' } } }] },
    ]);
  });

  it('rejects a tool result that answers no earlier call, and arguments that are not a JSON object', () => {
    expect(() => convert([{ role: 'tool', tool_call_id: 'call_9', content: 'x' }])).toThrow(
      /answers no tool call of an earlier assistant message\. \(messages\[0\]\.tool_call_id\)/,
    );
    const badArguments = () =>
      convert([
        { role: 'assistant', tool_calls: [{ ...weatherCall, function: { name: 'f', arguments: '[1]' } }] },
      ]);
    expect(badArguments).toThrow(BadRequestError);
  });

  it('rejects a conversation with nothing but system messages', () => {
    expect(() => convert([{ role: 'system', content: 'x' }])).toThrow(
      /at least one user or assistant message/,
    );
  });
});

describe('thought signatures sent back (reasoning_details)', () => {
  const question: ChatMessage = { role: 'user', content: 'Weather in Paris?' };

  it('returns a function-call signature to the first call and signed thoughts as thought parts', () => {
    const { contents, warnings } = convert([
      question,
      {
        role: 'assistant',
        content: 'Let me check.',
        tool_calls: [
          weatherCall,
          { ...weatherCall, id: 'call_1', function: { name: 'get_time', arguments: '{}' } },
        ],
        reasoning_details: [
          {
            type: 'reasoning.text',
            text: 'I should call the tools.',
            signature: 'sig-thought',
            provider: 'google',
          },
          { type: 'reasoning.encrypted', data: 'sig-call', provider: 'google' },
          {
            type: 'reasoning.text',
            text: 'Anthropic thinking',
            signature: 'sig-anthropic',
            provider: 'anthropic',
          },
        ],
      },
    ]);
    expect(contents[1]?.parts).toEqual([
      { text: 'I should call the tools.', thought: true, thoughtSignature: 'sig-thought' },
      { text: 'Let me check.' },
      {
        functionCall: { id: 'call_0', name: 'get_weather', args: { city: 'Paris' } },
        thoughtSignature: 'sig-call',
      },
      { functionCall: { id: 'call_1', name: 'get_time', args: {} } },
    ]);
    expect(warnings).toEqual([]);
  });

  it('returns a text answer signature to the last text part, or to an empty text part', () => {
    const withText = convert([
      question,
      {
        role: 'assistant',
        content: 'Sunny.',
        reasoning_details: [{ type: 'reasoning.encrypted', data: 'sig-text' }],
      },
    ]);
    expect(withText.contents[1]?.parts).toEqual([{ text: 'Sunny.', thoughtSignature: 'sig-text' }]);
    const withoutText = convert([
      question,
      {
        role: 'assistant',
        content: '',
        reasoning_details: [{ type: 'reasoning.encrypted', data: 'sig-empty' }],
      },
    ]);
    expect(withoutText.contents[1]?.parts).toEqual([{ text: '', thoughtSignature: 'sig-empty' }]);
  });

  it("on Gemini 3 sends Google's placeholder for calls that came back unsigned, with a warning", () => {
    const { contents, warnings } = convert(
      [question, { role: 'assistant', tool_calls: [weatherCall] }],
      true,
    );
    expect(contents[1]?.parts).toEqual([
      {
        functionCall: { id: 'call_0', name: 'get_weather', args: { city: 'Paris' } },
        thoughtSignature: 'skip_thought_signature_validator',
      },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('get_weather');
    // Signed calls and older models get no placeholder.
    const signed = convert(
      [
        question,
        {
          role: 'assistant',
          tool_calls: [weatherCall],
          reasoning_details: [{ type: 'reasoning.encrypted', data: 's' }],
        },
      ],
      true,
    );
    expect(signed.contents[1]?.parts?.[0]?.thoughtSignature).toBe('s');
    expect(
      convert([question, { role: 'assistant', tool_calls: [weatherCall] }]).contents[1]?.parts?.[0],
    ).not.toHaveProperty('thoughtSignature');
  });
});
