import type { SwitchyardMetadata } from '@switchyard/core';

/** One request a matcher looks at. */
export interface SubjectRequest {
  readonly metadata: SwitchyardMetadata;
  /** For gateway subjects: how the request ended so far. */
  readonly status?: string;
}

/** What a matcher was given, reduced to the requests it can judge. */
export interface MatcherSubject {
  /** `gateway`, `completion` or `stream`, for messages. */
  readonly label: string;
  readonly requests: ReadonlyArray<SubjectRequest>;
}
