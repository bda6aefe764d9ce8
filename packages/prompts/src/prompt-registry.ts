import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  Gateway,
  Middleware,
  RequestOptions,
  SwitchyardMetadata,
  Warning,
} from '@switchyard/core';
import type { PromptInfo } from './prompt-info.js';
import type { PromptMessage, PromptParameters, PromptVersion } from './prompt-version.js';

export interface DeployPromptInput {
  /** Letters, digits, `.`, `_`, `-` (also a directory name in the file store). */
  name: string;
  /** A semantic version, e.g. `1.2.0` or `1.3.0-beta`. Deploying it again with other content is an error. */
  version: string;
  /** `{{variable}}` templates in text and image URLs. */
  messages: ReadonlyArray<PromptMessage>;
  /** A route name, `provider/model`, or a bare model, as the gateway addresses models. */
  model: string;
  /** Request settings such as `temperature` and `max_tokens`. Default `{}`. */
  parameters?: PromptParameters;
  /** Labels to point at this version (moved from wherever they pointed), e.g. `['staging']`. */
  labels?: ReadonlyArray<string>;
}

export interface RenderPromptInput {
  name: string;
  /** A version to render. Default: the `defaultLabel` version, else the latest release (else pre-release). */
  version?: string;
  /** A label to render, e.g. `production`; not together with `version`. */
  label?: string;
  /** Values for the template's `{{variables}}`. Strings go in as is, numbers and booleans as text, objects as JSON. */
  variables?: Readonly<Record<string, unknown>>;
  /** A/B test: render this version for a `split` share of traffic, and `version`/`label` for the rest. */
  testVersion?: string;
  /** Share of traffic for `testVersion`, 0..1. Default 0.5. */
  split?: number;
  /** A split across any number of versions: version → relative weight. Not with `version`, `label` or `testVersion`. */
  weights?: Readonly<Record<string, number>>;
  /** A stable id (e.g. a user id): the same key always gets the same version of a split. Default: random. */
  stickyKey?: string;
}

export interface ExecutePromptInput extends RenderPromptInput {
  /** Renders and sends the completion through this gateway. */
  gateway: Pick<Gateway, 'chat'>;
  /** Request options for the call; `metadata` gains `prompt` and `prompt_version`. */
  options?: RequestOptions;
}

export interface RenderedPrompt {
  /** The Chat Completions body: the prompt's model, rendered messages and parameters. */
  body: ChatCompletionCreateParamsNonStreaming;
  /** Which version was rendered (and how it was chosen). */
  prompt: PromptInfo;
  /** One per variable given but not used by the template. */
  warnings: Array<Warning>;
}

/** A completion from a rendered prompt; `switchyard.prompt` says which version produced it. */
export type PromptCompletion = ChatCompletion & { switchyard: SwitchyardMetadata & { prompt: PromptInfo } };

export interface PromptSummary {
  name: string;
  /** Every deployed version, lowest to highest by semver precedence. */
  versions: Array<string>;
  /** The highest version by semver precedence. */
  latest: string;
  /** Label → version. */
  labels: Record<string, string>;
}

export interface PromptHistoryEntry {
  version: string;
  deployedAt: string;
  /** Labels pointing at this version now. */
  labels: Array<string>;
}

export interface SetLabelInput {
  name: string;
  label: string;
  version: string;
}

/** The prompt registry: a middleware (stage `prompts`) and the admin methods that manage prompts. */
export interface PromptRegistry extends Middleware {
  /** Deploys a version (idempotent for identical content) and moves the given labels to it. */
  deploy(input: DeployPromptInput): Promise<PromptVersion>;
  /** Points a label at an existing version, e.g. to promote `1.3.0` to `production` or roll back. */
  setLabel(input: SetLabelInput): Promise<void>;
  /** Every prompt with its versions and labels, by name. */
  list(): Promise<Array<PromptSummary>>;
  /** One version, by version (`1.2.0`) or label (`production`); without one, what `render` would use. */
  get(name: string, reference?: string): Promise<PromptVersion>;
  /** Every version of a prompt, most recently deployed first, with the labels on it. */
  history(name: string): Promise<Array<PromptHistoryEntry>>;
  /** Renders and executes the prompt on `gateway`, resolving to the completion. */
  render(input: ExecutePromptInput): Promise<PromptCompletion>;
  /** Renders the prompt to a request body. */
  render(input: RenderPromptInput): Promise<RenderedPrompt>;
}
