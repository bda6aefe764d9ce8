import { describe, expectTypeOf, it } from 'vitest';
import type { ProviderAdapter } from '../provider/provider-adapter.js';
import { faultReply, type MockCall, type MockChatCall, mockProvider, textReply } from '../testing.js';

describe('mockProvider types', () => {
  it('is a ProviderAdapter whose optional methods are always present', () => {
    const mock = mockProvider();
    expectTypeOf(mock).toExtend<ProviderAdapter>();
    expectTypeOf(mock.doEmbed).toBeFunction();
    expectTypeOf(mock.listModels).toBeFunction();
    expectTypeOf(mock.calls).toEqualTypeOf<ReadonlyArray<MockCall>>();
  });

  it('accepts every reply form and passes the recorded call to reply functions', () => {
    mockProvider({ reply: 'text' });
    mockProvider({ reply: { text: 'x', finishReason: { unified: 'stop', raw: 'end_turn' } } });
    mockProvider({ reply: [faultReply({ status: 429, headers: { 'retry-after': '1' } }), textReply('ok')] });
    mockProvider({
      models: { a: async () => 'a', b: ['b', () => ({ toolCalls: [{ name: 'f', arguments: {} }] })] },
    });
    mockProvider({
      reply: (call) => {
        expectTypeOf(call).toEqualTypeOf<MockChatCall>();
        return call.kind;
      },
    });
  });

  it('rejects malformed replies and faults', () => {
    // @ts-expect-error finish reasons are OpenAI's values
    mockProvider({ reply: { finishReason: 'end_turn' } });
    // @ts-expect-error a fault needs one of its distinguishing fields
    faultReply({ retryAfter: 1 });
    // @ts-expect-error usage is 'auto', a usage object or false
    mockProvider({ usage: true });
  });
});
