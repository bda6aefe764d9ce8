import { buildMetadata, type MiddlewareState, type SwitchyardMetadata } from '@switchyard/core';

/** The `switchyard` field of a response served from the cache: core's metadata for this request state. */
export function replayMetadata(
  state: MiddlewareState,
  rawFinishReason: string | undefined,
): SwitchyardMetadata {
  return buildMetadata(state, rawFinishReason);
}
