import type {
  ChatCompletionCreateParamsBase,
  GatewayResult,
  MiddlewareState,
  RequestOptions,
} from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { prompts } from '../prompts.js';
import { parsePromptModel } from './parse-prompt-model.js';
import { PROMPT_LOCAL } from './prompt-stage.js';

const newState = (
  request: ChatCompletionCreateParamsBase,
  options: RequestOptions = {},
  metadata: Record<string, string> = {},
): MiddlewareState => ({
  request,
  options,
  metadata,
  route: request.model,
  traceId: 'trace-1',
  stream: request.stream === true,
  startedAt: 0,
  signal: undefined,
  cache: 'bypass',
  attempts: [],
  warnings: [],
  provider: undefined,
  model: undefined,
  usage: undefined,
  locals: new Map(),
});

const emptyResult: GatewayResult = { type: 'stream', stream: (async function* () {})() };

/** Runs the registry's `prompts` stage and returns the request the next stage saw. */
const runStage = async (registry: ReturnType<typeof prompts>, state: MiddlewareState) => {
  const stage = registry.stages.prompts;
  if (stage === undefined) throw new Error('prompts() has no prompts stage');
  let seen: ChatCompletionCreateParamsBase | undefined;
  await stage(state, async () => {
    seen = state.request;
    return emptyResult;
  });
  return seen;
};

const registryWithClassifier = async () => {
  const registry = prompts({ experiments: {} });
  await registry.deploy({
    name: 'classifier',
    version: '1.2.0',
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Classify the ticket.' },
      { role: 'user', content: 'Ticket: {{ticket_content}}' },
    ],
    parameters: { temperature: 0.2, max_tokens: 50 },
    labels: ['production'],
  });
  await registry.deploy({
    name: 'classifier',
    version: '1.3.0',
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'Classify: {{ticket_content}}' }],
    labels: ['staging'],
  });
  return registry;
};

describe('the prompts middleware stage', () => {
  it('is a middleware named prompts with a prompts stage', () => {
    const registry = prompts();
    expect(registry.name).toBe('prompts');
    expect(Object.keys(registry.stages)).toEqual(['prompts']);
  });

  it("replaces a request addressed as 'prompt:<name>@<label>' with the rendered prompt", async () => {
    const registry = await registryWithClassifier();
    const state = newState(
      { model: 'prompt:classifier@production', messages: [] },
      { promptVariables: { ticket_content: 'I was charged twice', extra: 1 } },
    );
    expect(await runStage(registry, state)).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Classify the ticket.' },
        { role: 'user', content: 'Ticket: I was charged twice' },
      ],
      temperature: 0.2,
      max_tokens: 50,
    });
    expect(state.locals.get(PROMPT_LOCAL)).toEqual({
      name: 'classifier',
      version: '1.2.0',
      label: 'production',
    });
    expect(state.warnings).toEqual([expect.objectContaining({ setting: 'promptVariables.extra' })]);
  });

  it('keeps the caller’s messages after the prompt’s, and the caller’s settings over the prompt’s', async () => {
    const registry = await registryWithClassifier();
    const state = newState(
      {
        model: 'prompt:classifier@1.2.0',
        messages: [
          { role: 'assistant', content: 'Billing' },
          { role: 'user', content: 'Why?' },
        ],
        temperature: 0.9,
        stream: true,
        stream_options: { include_usage: true },
      },
      { promptVariables: { ticket_content: 'x' } },
    );
    expect(await runStage(registry, state)).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Classify the ticket.' },
        { role: 'user', content: 'Ticket: x' },
        { role: 'assistant', content: 'Billing' },
        { role: 'user', content: 'Why?' },
      ],
      temperature: 0.9,
      max_tokens: 50,
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it("uses the default label for 'prompt:<name>', and an experiment's sticky metadata key", async () => {
    const plain = await registryWithClassifier();
    const state = newState(
      { model: 'prompt:classifier', messages: [] },
      { promptVariables: { ticket_content: 'x' } },
    );
    expect((await runStage(plain, state))?.model).toBe('gpt-4o-mini');

    const registry = prompts({
      experiments: { classifier: { weights: { '1.2.0': 1, '1.3.0': 1 }, stickyBy: 'user_id' } },
    });
    for (const version of ['1.2.0', '1.3.0']) {
      await registry.deploy({
        name: 'classifier',
        version,
        model: `m-${version}`,
        messages: [{ role: 'user', content: 'x' }],
      });
    }
    const models = new Set<string | undefined>();
    for (let index = 0; index < 20; index++) {
      const sticky = newState({ model: 'prompt:classifier', messages: [] }, {}, { user_id: 'u-7' });
      models.add((await runStage(registry, sticky))?.model);
      expect(sticky.locals.get(PROMPT_LOCAL)).toMatchObject({ split: { assignment: 'sticky' } });
    }
    expect(models.size).toBe(1);
  });

  it('passes other requests through untouched', async () => {
    const registry = await registryWithClassifier();
    const request = {
      model: 'gpt-4o',
      messages: [{ role: 'user' as const, content: '{{not a template here}}' }],
    };
    const state = newState(request, { promptVariables: { ticket_content: 'x' } });
    expect(await runStage(registry, state)).toBe(request);
    expect(state.locals.has(PROMPT_LOCAL)).toBe(false);
  });

  it('fails the request with a clear error for a missing variable or an unknown prompt', async () => {
    const registry = await registryWithClassifier();
    await expect(runStage(registry, newState({ model: 'prompt:classifier', messages: [] }))).rejects.toThrow(
      /needs variable 'ticket_content'/,
    );
    await expect(
      runStage(registry, newState({ model: 'prompt:nope@production', messages: [] })),
    ).rejects.toThrow(/No prompt named 'nope'/);
  });
});

describe('parsePromptModel', () => {
  it('reads names, versions and labels, and ignores other models', () => {
    expect(parsePromptModel('prompt:classifier')).toEqual({ name: 'classifier' });
    expect(parsePromptModel('prompt:classifier@1.3.0-beta')).toEqual({
      name: 'classifier',
      version: '1.3.0-beta',
    });
    expect(parsePromptModel('prompt:classifier@production')).toEqual({
      name: 'classifier',
      label: 'production',
    });
    expect(parsePromptModel('openai/gpt-4o')).toBeUndefined();
    expect(() => parsePromptModel('prompt:classifier@')).toThrow(/after '@'/);
    expect(() => parsePromptModel('prompt:../x')).toThrow(/Invalid prompt name/);
    expect(() => parsePromptModel('prompt:classifier@1.2')).toThrow(/Invalid label/);
  });
});
