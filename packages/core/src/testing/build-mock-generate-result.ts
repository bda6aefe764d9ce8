import type { GenerateResult, ResponseInfo } from '../provider/provider-adapter.js';
import type { NormalizedMockReply } from './normalize-mock-reply.js';

/** The non-streaming form of the reply: the same content `buildMockStreamParts` streams, in one result. */
export function buildMockGenerateResult(reply: NormalizedMockReply, response: ResponseInfo): GenerateResult {
  return {
    response,
    choices: [
      {
        index: 0,
        text: reply.text,
        ...(reply.reasoning === undefined ? {} : { reasoning: reply.reasoning }),
        refusal: reply.refusal ?? null,
        toolCalls: reply.toolCalls,
        finishReason: reply.finishReason,
      },
    ],
    ...(reply.usage === undefined ? {} : { usage: reply.usage }),
    warnings: [],
  };
}
