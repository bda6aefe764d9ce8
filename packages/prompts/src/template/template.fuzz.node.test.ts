import { BadRequestError, createGateway, IN_PROCESS_BASE_URL } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyJson, anyText } from '../../../../test-support/chat-body-arbitraries.js';
import { fuzzParameters, fuzzTimeout } from '../../../../test-support/fuzz-config.js';
import { InvalidPromptError } from '../errors/invalid-prompt-error.js';
import { PromptVariableError } from '../errors/prompt-variable-error.js';
import { prompts } from '../prompts.js';

const deployUserPrompt = async (template: string) => {
  const registry = prompts();
  await registry.deploy({
    name: 'p',
    version: '1.0.0',
    model: 'mock/m',
    messages: [{ role: 'user', content: template }],
  });
  return registry;
};

const renderedText = async (template: string, variables: Record<string, unknown>): Promise<string> => {
  const registry = await deployUserPrompt(template);
  const { body } = await registry.render({ name: 'p', variables });
  const content = body.messages[0]?.content;
  if (typeof content !== 'string') throw new Error('expected a string content');
  return content;
};

/** Names a template may use, the prototype's own among them. */
const name = fc.oneof(
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,6}$/),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'),
);
const path = fc.array(name, { minLength: 1, maxLength: 3 }).map((keys) => keys.join('.'));

/** Template-ish text: braces, tag-like fragments and code in tags, around ordinary text. */
const templateText = fc
  .array(
    fc.oneof(
      anyText,
      path.map((at) => `{{${at}}}`),
      path.map((at) => `{{{ ${at} }}}`),
      fc.constantFrom('{{', '}}', '{{{', '}}}', '{', '}', '{{#each items}}', '{{/each}}', '{{> partial}}'),
      fc.constantFrom(
        '{{! comment }}',
        '{{=<% %>=}}',
        '{{a + b}}',
        "{{constructor.constructor('return 1')()}}",
      ),
      fc.constantFrom('{{ }}', '{{.}}', '{{a..b}}', '{{a.}}', '{{ __proto__.polluted }}', '$' + '{process}'),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

/** Variables as JSON gives them: `__proto__` and `constructor` may be own keys. */
const variables = fc
  .dictionary(name, fc.oneof(anyJson, anyText, fc.dictionary(name, anyJson, { maxKeys: 2 })), { maxKeys: 4 })
  .map((record) => JSON.parse(JSON.stringify(record)) as Record<string, unknown>);

/** Text with no tag in it and nothing that could join a tag next to it. */
const plainText = anyText.map((text) => text.replaceAll('{', '(').replaceAll('}', ')'));

describe('prompt templates (fuzz)', () => {
  it(
    'deploys any template or rejects it with InvalidPromptError; renders any variables or throws PromptVariableError',
    async () => {
      const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
      await fc.assert(
        fc.asyncProperty(templateText, variables, async (template, values) => {
          let registry: Awaited<ReturnType<typeof deployUserPrompt>>;
          try {
            registry = await deployUserPrompt(template);
          } catch (error) {
            expect(InvalidPromptError.isInstance(error), String(error)).toBe(true);
            expect(error).toMatchObject({ status: 400, param: 'messages[0].content' });
            return;
          }
          try {
            const { body } = await registry.render({ name: 'p', variables: values });
            const content = body.messages[0]?.content;
            expect(typeof content).toBe('string');
            // Nothing from the prototype chain or from running code reaches the prompt.
            expect(content).not.toMatch(/\[native code\]|function Object|\[object Object\]/);
          } catch (error) {
            expect(PromptVariableError.isInstance(error), String(error)).toBe(true);
            expect(BadRequestError.isInstance(error)).toBe(true);
          }
        }),
        fuzzParameters({ runTimeoutMs: 2_000 }),
      );
      expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
      expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    },
    fuzzTimeout(15_000),
  );

  it(
    'fills each tag with its value once: values that look like tags are never expanded',
    async () => {
      const value = fc.oneof(anyText, fc.constantFrom('{{a}}', '{{{b}}}', '{{__proto__}}', '}}', '{{'));
      const segments = fc.array(
        fc.oneof(
          plainText.map((text) => ({ text, tag: undefined })),
          fc.tuple(fc.stringMatching(/^[a-z]{1,3}$/), fc.boolean()).map(([key, triple]) => ({
            text: triple ? `{{{${key}}}}` : `{{ ${key} }}`,
            tag: key,
          })),
        ),
        { maxLength: 8 },
      );
      await fc.assert(
        fc.asyncProperty(
          segments,
          fc.dictionary(fc.stringMatching(/^[a-z]{1,3}$/), value),
          async (parts, values) => {
            const tags = parts.flatMap((part) => (part.tag === undefined ? [] : [part.tag]));
            // Every tag has a value (the missing case is the property above).
            const filled = Object.fromEntries(tags.map((tag) => [tag, values[tag] ?? tag.toUpperCase()]));
            const rendered = await renderedText(parts.map((part) => part.text).join(''), filled);
            expect(rendered).toBe(
              parts.map((part) => (part.tag === undefined ? part.text : filled[part.tag])).join(''),
            );
          },
        ),
        fuzzParameters({ runTimeoutMs: 2_000 }),
      );
    },
    fuzzTimeout(15_000),
  );

  it.each([
    '{{constructor}}',
    '{{__proto__}}',
    '{{toString}}',
    '{{user.constructor.name}}',
    '{{user.__proto__.polluted}}',
    '{{user.hasOwnProperty}}',
  ])('never reads the prototype chain: %s with no such own variable is missing', async (template) => {
    const registry = await deployUserPrompt(template);
    const error = await registry.render({ name: 'p', variables: { user: {} } }).catch((e: unknown) => e);
    expect(PromptVariableError.isInstance(error), String(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'missing', code: 'prompt_variable_missing' });
  });

  it(
    'handles huge and brace-heavy templates quickly',
    async () => {
      const huge = fc.constantFrom(
        (n: number) => '{{'.repeat(n),
        (n: number) => '{{a}}'.repeat(n),
        (n: number) => `${'{'.repeat(n)}a${'}'.repeat(n)}`,
        (n: number) => `{{${'a.'.repeat(n)}a}}`,
        (n: number) => `{{ ${' '.repeat(n)}a${' '.repeat(n)} }}`,
      );
      await fc.assert(
        fc.asyncProperty(huge, fc.integer({ min: 1_000, max: 100_000 }), async (build, size) => {
          const started = performance.now();
          await renderedText(build(size), { a: 'x' }).catch((error: unknown) => {
            expect(InvalidPromptError.isInstance(error) || PromptVariableError.isInstance(error)).toBe(true);
          });
          // Linear: 100k tags take ~0.1 s; a quadratic pass would take minutes.
          expect(performance.now() - started).toBeLessThan(2_000);
        }),
        fuzzParameters({ runs: 20, runTimeoutMs: 3_000 }),
      );
    },
    fuzzTimeout(15_000),
  );

  it(
    'answers any prompt variables header through gateway.fetch with a completion or a 4xx',
    async () => {
      const registry = await deployUserPrompt('Hello {{name}}, about {{topic.title}}');
      await registry.setLabel({ name: 'p', label: 'production', version: '1.0.0' });
      const gateway = createGateway({ providers: { mock: mockProvider() }, middleware: [registry] });
      const header = fc.oneof(
        anyJson.map((value) => JSON.stringify(value)),
        fc
          .record({ name: anyJson, topic: anyJson }, { requiredKeys: [] })
          .map((value) => JSON.stringify(value)),
        fc.stringMatching(/^[ -~]{0,20}$/),
      );
      await fc.assert(
        fc.asyncProperty(
          header,
          fc.constantFrom('prompt:p', 'prompt:p@1.0.0', 'prompt:p@production', 'prompt:q'),
          async (value, model) => {
            const response = await gateway.fetch(`${IN_PROCESS_BASE_URL}/chat/completions`, {
              method: 'POST',
              headers: { 'x-switchyard-prompt-variables': value },
              body: JSON.stringify({ model, messages: [] }),
            });
            const text = await response.text();
            expect(response.status, text).toBeLessThan(500);
            if (!response.ok)
              expect(JSON.parse(text)).toMatchObject({ error: { message: expect.any(String) } });
          },
        ),
        fuzzParameters({ runTimeoutMs: 2_000 }),
      );
    },
    fuzzTimeout(15_000),
  );
});
