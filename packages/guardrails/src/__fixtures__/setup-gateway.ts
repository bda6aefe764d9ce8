import {
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatMessage,
  type ChatCompletionStream,
  createGateway,
  type Gateway,
  type Middleware,
  type RequestOptions,
} from '@switchyard/core';
import {
  type MockCall,
  type MockChatCall,
  type MockProvider,
  type MockProviderOptions,
  mockProvider,
} from '@switchyard/core/testing';

export interface TestGateway {
  gateway: Gateway;
  mock: MockProvider;
  /** Non-streaming call with one user message. */
  ask(content: string, options?: RequestOptions): Promise<ChatCompletion>;
  /** Streaming call; resolves with the text the caller received and the chunks. */
  stream(content: string, options?: RequestOptions): Promise<{ text: string; chunks: Array<ChatCompletionChunk>; stream: ChatCompletionStream }>;
}

/** A gateway with one mock provider `p` (model `m`) and the given middleware. */
export function setupGateway(middleware: ReadonlyArray<Middleware>, mockOptions: MockProviderOptions = {}): TestGateway {
  const mock = mockProvider(mockOptions);
  const gateway = createGateway({ providers: { p: mock }, middleware: [...middleware], maxRetries: 0 });
  const ask = (content: string, options: RequestOptions = {}) =>
    gateway.chat.completions.create({ model: 'p/m', messages: [{ role: 'user', content }] }, options);
  const stream = async (content: string, options: RequestOptions = {}) => {
    const result = await gateway.chat.completions.create(
      { model: 'p/m', messages: [{ role: 'user', content }], stream: true, stream_options: { include_usage: true } },
      options,
    );
    const chunks: Array<ChatCompletionChunk> = [];
    let text = '';
    for await (const chunk of result) {
      chunks.push(chunk);
      text += chunk.choices[0]?.delta.content ?? '';
    }
    return { text, chunks, stream: result };
  };
  return { gateway, mock, ask, stream };
}

/** The text of every message of a provider call. */
export function callText(call: MockCall | undefined): string {
  if (call === undefined || call.kind === 'embed') return '';
  return call.request.messages
    .map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content)))
    .join('\n');
}

/** The text of every message the provider received in call `index`. */
export function sentText(mock: MockProvider, index = 0): string {
  return callText(mock.calls[index]);
}

/** The messages the provider received in call `index`. */
export function sentMessages(mock: MockProvider, index = 0): Array<ChatMessage> {
  const call = mock.calls[index];
  return call === undefined || call.kind === 'embed' ? [] : call.request.messages;
}

/** The content of the last message of a provider call. */
export function lastMessage(call: MockChatCall): string {
  const content = call.request.messages.at(-1)?.content;
  return typeof content === 'string' ? content : '';
}
