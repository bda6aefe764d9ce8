import type { ChatCompletion, ChatCompletionCreateParamsBase } from '@switchyard/core';

/**
 * The request that asks the model again: the original conversation, the rejected answer, and a user turn
 * with the check's reason (for JSON schema checks: the validation errors).
 */
export function retryFeedback(
  request: ChatCompletionCreateParamsBase,
  rejected: ChatCompletion,
  check: string,
  reason: string,
): ChatCompletionCreateParamsBase {
  const answer = rejected.choices[0]?.message.content ?? '';
  return {
    ...request,
    messages: [
      ...request.messages,
      { role: 'assistant', content: answer },
      {
        role: 'user',
        content: `Your previous answer failed the '${check}' check: ${reason}\nAnswer the original request again, correcting this. Reply with the corrected answer only.`,
      },
    ],
  };
}
