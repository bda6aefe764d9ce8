import { BadRequestError, type Middleware } from '@switchyard/core';
import { isRecord } from '../../internal/is-record.js';

/** Body fields that carry request options over HTTP (the in-process API takes them as options). */
export const GUARDRAILS_BODY_FIELD = 'guardrails';
export const PROMPT_VARIABLES_BODY_FIELD = 'prompt_variables';

const readGuardrails = (value: unknown): Array<string> => {
  if (Array.isArray(value) && value.every((name) => typeof name === 'string')) return value;
  throw new BadRequestError("Invalid value for 'guardrails': expected an array of guardrail set names.", {
    status: 400,
    param: GUARDRAILS_BODY_FIELD,
  });
};

const readVariables = (value: unknown): Record<string, unknown> => {
  if (isRecord(value)) return value;
  throw new BadRequestError(
    "Invalid value for 'prompt_variables': expected an object of template variables.",
    {
      status: 400,
      param: PROMPT_VARIABLES_BODY_FIELD,
    },
  );
};

/**
 * Over HTTP a request names guardrail sets (`"guardrails": ["input-validation"]`, as the reference
 * article's clients send them) and prompt variables (`"prompt_variables": {...}` with
 * `model: "prompt:<name>"`) in its body. This runs first (outermost stage) and moves those fields into the
 * request options the guardrails and prompts middleware read, so providers never see them and the cache
 * keys without them.
 */
export const httpRequestOptions: Middleware = {
  name: 'http-request-options',
  stages: {
    telemetry: (state, next) => {
      const guardrails: unknown = Reflect.get(state.request, GUARDRAILS_BODY_FIELD);
      const variables: unknown = Reflect.get(state.request, PROMPT_VARIABLES_BODY_FIELD);
      if (guardrails === undefined && variables === undefined) return next();
      const request = { ...state.request };
      Reflect.deleteProperty(request, GUARDRAILS_BODY_FIELD);
      Reflect.deleteProperty(request, PROMPT_VARIABLES_BODY_FIELD);
      state.request = request;
      if (guardrails !== undefined) {
        state.options.guardrails = [...(state.options.guardrails ?? []), ...readGuardrails(guardrails)];
      }
      if (variables !== undefined) {
        state.options.promptVariables = { ...state.options.promptVariables, ...readVariables(variables) };
      }
      return next();
    },
  },
};
