import type { ChatCompletionChunk } from '@switchyard/core';
import { PlaceholderVault } from '../text/placeholder-vault.js';
import { replaceSpans } from '../text/replace-spans.js';
import { rewriteChunkStream } from './rewrite-chunk-stream.js';
import { ScannerStage } from './scanner-stage.js';

/** The stream with restorable placeholders (`[EMAIL_1]`) put back to their values, even when split across chunks. */
export function restoreStream(
  upstream: AsyncIterable<ChatCompletionChunk>,
  vault: PlaceholderVault,
): AsyncIterableIterator<ChatCompletionChunk, undefined> {
  const scanner = {
    find: (text: string) => vault.findPlaceholders(text),
    holdBack: PlaceholderVault.holdBack,
  };
  return rewriteChunkStream(upstream, {
    pipeline: () =>
      new ScannerStage(scanner, (text, spans) =>
        replaceSpans(text, spans, (span) => vault.restore(text.slice(span.start, span.end))),
      ),
    holdTail: false,
    beforeEnd: async () => {},
  });
}
