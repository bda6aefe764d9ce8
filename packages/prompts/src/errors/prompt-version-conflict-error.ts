import { ConflictError } from '@switchyard/core';

/** A version was deployed again with different content (409, `prompt_version_conflict`); versions are immutable. */
export class PromptVersionConflictError extends ConflictError {
  static override readonly errorName: string = 'PromptVersionConflictError';
  readonly promptName: string;
  readonly version: string;

  constructor(name: string, version: string) {
    super(
      `Prompt '${name}' version ${version} is already deployed with different content. Versions are immutable: deploy a new version instead.`,
      // A 409 is retryable by default (a race); this one never resolves by retrying.
      { status: 409, code: 'prompt_version_conflict', param: 'version', isRetryable: false },
    );
    this.promptName = name;
    this.version = version;
  }
}
