import type { MiddlewareState, SwitchyardMetadata } from '@switchyard/core';

/** The `switchyard` field of a response served from the cache, as core would build it from the state. */
export function replayMetadata(
  state: MiddlewareState,
  rawFinishReason: string | undefined,
): SwitchyardMetadata {
  const metadata: SwitchyardMetadata = {
    provider: state.provider ?? '',
    model: state.model ?? '',
    route: state.route,
    attempts: state.attempts,
    cache: state.cache,
    latencyMs: Math.round((performance.now() - state.startedAt) * 100) / 100,
    traceId: state.traceId,
    warnings: state.warnings,
  };
  if (rawFinishReason !== undefined) metadata.rawFinishReason = rawFinishReason;
  return metadata;
}
