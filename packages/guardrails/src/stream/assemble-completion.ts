import type { ChatCompletion, ChatCompletionChunk, SwitchyardMetadata } from '@switchyard/core';
import type { StreamedChoice } from './rewrite-chunk-stream.js';

/** One streamed choice as a `ChatCompletion`, for checks that read the whole answer (custom checks). */
export function assembleCompletion(
  template: ChatCompletionChunk | undefined,
  index: number,
  choice: StreamedChoice,
  metadata: SwitchyardMetadata,
): ChatCompletion {
  return {
    id: template?.id ?? '',
    object: 'chat.completion',
    created: template?.created ?? Math.floor(Date.now() / 1000),
    model: template?.model ?? metadata.model,
    choices: [
      {
        index,
        message: { role: 'assistant', content: choice.text, refusal: null },
        finish_reason: choice.finishReason ?? 'stop',
        logprobs: null,
      },
    ],
    switchyard: metadata,
  };
}
