import { describe, expect, it } from 'vitest';
import * as cel from './cel.js';
import * as core from './index.js';
import * as testing from './testing.js';

// The entry points are part of the public contract (DESIGN §2): these names must stay exported.
describe('public entry points', () => {
  it('@switchyard/core', () => {
    for (const name of [
      'createGateway',
      'single',
      'loadBalance',
      'fallback',
      'conditional',
      'wrapOpenAI',
      'SwitchyardError',
      'APIError',
      'BadRequestError',
      'AuthenticationError',
      'PermissionDeniedError',
      'NotFoundError',
      'RequestTimeoutError',
      'RateLimitError',
      'InternalServerError',
      'APIConnectionError',
      'TimeoutError',
      'AbortError',
      'GuardrailViolationError',
      'BudgetExceededError',
      'CircuitOpenError',
      'AllTargetsFailedError',
      'InvalidConfigError',
      'createAPIError',
      'toOpenAIError',
      'ChatCompletionStream',
      'SSEDecoder',
      'redisCircuitStore',
      'memoryCircuitStore',
    ]) {
      expect(core, name).toHaveProperty(name);
    }
  });

  it('@switchyard/core/testing and @switchyard/core/cel', () => {
    for (const name of ['mockProvider', 'textReply', 'toolCallReply', 'reasoningReply', 'faultReply']) {
      expect(testing, name).toHaveProperty(name);
    }
    expect(cel).toHaveProperty('cel');
  });
});
