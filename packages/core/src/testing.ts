/**
 * `@switchyard/core/testing`: a deterministic mock provider for tests, demos and benchmarks.
 * Web-standard only, so it runs on Node, Bun, Deno and edge runtimes alike.
 */
export { faultReply } from './testing/fault-reply.js';
export { mockProvider } from './testing/mock-provider.js';
export type { MockCapabilities, MockProvider, MockProviderOptions } from './testing/mock-provider-options.js';
export type {
  MockCall,
  MockChatCall,
  MockConnectionFault,
  MockDelayFault,
  MockEmbedCall,
  MockErrorAfterPartsFault,
  MockFault,
  MockReply,
  MockReplyFunction,
  MockReplySequence,
  MockReplySource,
  MockReplyValue,
  MockStallFault,
  MockStatusFault,
  MockToolCall,
} from './testing/mock-reply.js';
export { reasoningReply } from './testing/reasoning-reply.js';
export { textReply } from './testing/text-reply.js';
export { toolCallReply } from './testing/tool-call-reply.js';
export { type MockUsage, usageReply } from './testing/usage-reply.js';
