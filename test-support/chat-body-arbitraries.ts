import fc from 'fast-check';

/**
 * Chat Completions and embeddings bodies for fuzzing the request path: mostly the shapes OpenAI clients
 * send, with any field at times replaced by an arbitrary JSON value, dropped, or wrongly typed.
 */

/** Any JSON value, kept small so a run stays fast. */
export const anyJson = fc.jsonValue({ maxDepth: 3 });

/** Text with any code point, lone surrogate halves, line breaks and SSE-looking fragments. */
export const anyText = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('\uD83D', '\uDE00', '\r\n', '\n\n', 'data: ', '[DONE]', '\u2028'),
    },
  ),
  maxLength: 30,
});

/** The valid value usually (`odds` to 1), an arbitrary JSON value sometimes. */
const mostly = <T>(valid: fc.Arbitrary<T>, odds = 8): fc.Arbitrary<T | fc.JsonValue> =>
  fc.oneof({ weight: odds, arbitrary: valid }, { weight: 1, arbitrary: anyJson });

/** An object with some of `fields` (each mostly valid), the rest left out. */
const someOf = (fields: Record<string, fc.Arbitrary<unknown>>, requiredKeys: Array<string> = []) =>
  fc.record(Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, mostly(value)])), {
    requiredKeys,
  });

const toolName = fc.oneof(fc.stringMatching(/^[a-zA-Z0-9_-]{1,64}$/), anyText);

const textPart = someOf({ type: fc.constant('text'), text: anyText }, ['type']);
const refusalPart = someOf({ type: fc.constant('refusal'), refusal: anyText }, ['type']);
const mediaPart = fc.oneof(
  someOf(
    {
      type: fc.constant('image_url'),
      image_url: someOf({ url: fc.webUrl(), detail: fc.constantFrom('auto', 'low', 'high') }, ['url']),
    },
    ['type'],
  ),
  someOf(
    {
      type: fc.constant('input_audio'),
      input_audio: someOf({
        data: fc.base64String({ maxLength: 12 }),
        format: fc.constantFrom('wav', 'mp3'),
      }),
    },
    ['type'],
  ),
  someOf(
    {
      type: fc.constant('file'),
      file: someOf({ file_data: fc.base64String({ maxLength: 12 }), file_id: anyText, filename: anyText }),
    },
    ['type'],
  ),
);

const content = (part: fc.Arbitrary<unknown>) => fc.oneof(anyText, fc.array(mostly(part), { maxLength: 3 }));

const toolCall = fc.oneof(
  someOf(
    {
      id: anyText,
      type: fc.constant('function'),
      function: someOf({ name: toolName, arguments: fc.oneof(anyText, fc.json({ maxDepth: 2 })) }),
    },
    ['type'],
  ),
  someOf({ id: anyText, type: fc.constant('custom'), custom: someOf({ name: toolName, input: anyText }) }, [
    'type',
  ]),
);

const message = fc.oneof(
  someOf({ role: fc.constantFrom('system', 'developer'), content: content(textPart), name: anyText }, [
    'role',
    'content',
  ]),
  someOf({ role: fc.constant('user'), content: content(fc.oneof(textPart, mediaPart)), name: anyText }, [
    'role',
    'content',
  ]),
  someOf(
    {
      role: fc.constant('assistant'),
      content: fc.oneof(fc.constant(null), content(fc.oneof(textPart, refusalPart))),
      refusal: fc.oneof(fc.constant(null), anyText),
      tool_calls: fc.array(toolCall, { maxLength: 2 }),
      function_call: someOf({ name: toolName, arguments: anyText }),
      name: anyText,
    },
    ['role'],
  ),
  someOf({ role: fc.constant('tool'), content: content(textPart), tool_call_id: anyText }, [
    'role',
    'content',
    'tool_call_id',
  ]),
  someOf({ role: fc.constant('function'), content: anyText, name: toolName }, ['role', 'content']),
);

const tool = fc.oneof(
  someOf(
    {
      type: fc.constant('function'),
      function: someOf(
        {
          name: toolName,
          description: anyText,
          parameters: fc.dictionary(fc.string({ maxLength: 5 }), anyJson, { maxKeys: 3 }),
          strict: fc.boolean(),
        },
        ['name'],
      ),
    },
    ['type', 'function'],
  ),
  someOf({ type: fc.constant('custom'), custom: someOf({ name: toolName, description: anyText }) }, ['type']),
);

const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -2, max: 5 }));

const optionalFields: Record<string, fc.Arbitrary<unknown>> = {
  temperature: number,
  top_p: number,
  max_tokens: fc.integer({ min: -1, max: 100 }),
  max_completion_tokens: fc.integer({ min: -1, max: 100 }),
  n: fc.integer({ min: -1, max: 3 }),
  seed: fc.integer(),
  frequency_penalty: number,
  presence_penalty: number,
  top_logprobs: fc.integer({ min: 0, max: 5 }),
  stream: fc.boolean(),
  stream_options: someOf({ include_usage: fc.boolean() }),
  logprobs: fc.boolean(),
  parallel_tool_calls: fc.boolean(),
  user: anyText,
  reasoning_effort: fc.constantFrom('none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'),
  response_format: fc.oneof(
    someOf({ type: fc.constantFrom('text', 'json_object') }, ['type']),
    someOf(
      {
        type: fc.constant('json_schema'),
        json_schema: someOf({
          name: toolName,
          schema: fc.constant({ type: 'object' }),
          strict: fc.boolean(),
        }),
      },
      ['type'],
    ),
  ),
  logit_bias: fc.dictionary(fc.stringMatching(/^\d{1,5}$/), fc.integer({ min: -100, max: 100 }), {
    maxKeys: 2,
  }),
  stop: fc.oneof(anyText, fc.array(anyText, { maxLength: 3 })),
  tools: fc.array(tool, { maxLength: 2 }),
  tool_choice: fc.oneof(
    fc.constantFrom('auto', 'none', 'required'),
    someOf({ type: fc.constant('function'), function: someOf({ name: toolName }) }, ['type']),
  ),
  metadata: fc.dictionary(fc.string({ maxLength: 8 }), anyText, { maxKeys: 2 }),
};

/** A Chat Completions body addressed to `models`: mostly well-formed, often subtly not. */
export const chatBody = (models: fc.Arbitrary<string>) =>
  fc.record(
    {
      model: mostly(fc.oneof({ weight: 4, arbitrary: models }, anyText)),
      messages: mostly(fc.array(mostly(message), { minLength: 1, maxLength: 3 })),
      // Rarely wrong one by one, so most bodies have at most one broken field and get past the rest.
      ...Object.fromEntries(Object.entries(optionalFields).map(([key, value]) => [key, mostly(value, 40)])),
    },
    { requiredKeys: ['model', 'messages'] },
  );

/**
 * An embeddings body addressed to `models`. `dimensions` stays small (or wrongly typed): a mock provider
 * would build vectors of any size it is given.
 */
export const embeddingBody = (models: fc.Arbitrary<string>) =>
  fc.record(
    {
      model: mostly(fc.oneof({ weight: 4, arbitrary: models }, anyText)),
      input: mostly(
        fc.oneof(
          anyText,
          fc.array(anyText, { maxLength: 3 }),
          fc.array(fc.nat({ max: 50_000 }), { maxLength: 4 }),
          fc.array(fc.array(fc.nat({ max: 50_000 }), { maxLength: 4 }), { maxLength: 2 }),
        ),
      ),
      dimensions: fc.oneof(fc.integer({ min: -1, max: 8 }), fc.double({ min: -2, max: 8 }), anyText),
      encoding_format: mostly(fc.constantFrom('float', 'base64')),
      user: mostly(anyText),
    },
    { requiredKeys: [] },
  );
