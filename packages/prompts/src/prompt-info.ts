/** Which prompt version served a request; reported as `completion.switchyard.prompt`. */
export interface PromptInfo {
  name: string;
  /** The version that was rendered. */
  version: string;
  /** The label the version was found by, when the request named one or the default label applied. */
  label?: string;
  /** Set when an A/B split chose the version. */
  split?: PromptSplitInfo;
}

export interface PromptSplitInfo {
  /** Every version in the split with its share of traffic (shares sum to 1). */
  weights: Record<string, number>;
  /** `sticky`: chosen by hashing a sticky key, so the same key always gets the same version. */
  assignment: 'random' | 'sticky';
}
