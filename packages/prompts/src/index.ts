export { InvalidPromptError } from './errors/invalid-prompt-error.js';
export { PromptNotFoundError } from './errors/prompt-not-found-error.js';
export { PromptVariableError, type PromptVariableErrorOptions } from './errors/prompt-variable-error.js';
export { PromptVersionConflictError } from './errors/prompt-version-conflict-error.js';
export {
  PROMPT_MODEL_PREFIX,
  type PromptModelReference,
  parsePromptModel,
} from './middleware/parse-prompt-model.js';
export { PROMPT_LOCAL } from './middleware/prompt-stage.js';
export type { PromptInfo, PromptSplitInfo } from './prompt-info.js';
export type {
  DeployPromptInput,
  ExecutePromptInput,
  PromptCompletion,
  PromptHistoryEntry,
  PromptRegistry,
  PromptSummary,
  RenderedPrompt,
  RenderPromptInput,
  SetLabelInput,
} from './prompt-registry.js';
export type {
  PromptAssistantMessage,
  PromptContentPart,
  PromptMessage,
  PromptParameters,
  PromptSystemMessage,
  PromptUserMessage,
  PromptVersion,
} from './prompt-version.js';
export { prompts } from './prompts.js';
export type { PromptExperiment, PromptsOptions } from './prompts-options.js';
export { compareSemver } from './semver/compare-semver.js';
export { memoryPromptStore } from './store/memory-prompt-store.js';
export { type PostgresPromptStoreOptions, postgresPromptStore } from './store/postgres-prompt-store.js';
export type { PromptStore } from './store/prompt-store.js';
export type { SqlClient } from './store/sql-client.js';
