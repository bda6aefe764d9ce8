import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRecord } from '../shared/json-readers.js';
import { convertJsonSchemaToGoogleSchema } from './convert-json-schema-to-google-schema.js';
import { schemaKeywordsWarning } from './schema-keywords-warning.js';

const keywords = (schema: unknown) => convertJsonSchemaToGoogleSchema(schema).dropped.map((d) => d.keyword);

describe('convertJsonSchemaToGoogleSchema', () => {
  it('converts types, properties, required, items and constraints to the OpenAPI subset', () => {
    const { schema, dropped } = convertJsonSchemaToGoogleSchema({
      type: 'object',
      description: 'A city report',
      properties: {
        city: { type: 'string', minLength: 1, maxLength: 80, pattern: '^[A-Z]' },
        temperature_c: { type: 'number', minimum: -90, maximum: 60 },
        tags: {
          type: 'array',
          items: { type: 'string', enum: ['sunny', 'rainy'] },
          minItems: 0,
          maxItems: 5,
        },
        observed_at: { type: 'string', format: 'date-time' },
        count: { type: 'integer', format: 'int32', default: 1, examples: [3, 4] },
      },
      required: ['city'],
    });
    expect(dropped).toEqual([]);
    expect(schema).toEqual({
      type: 'OBJECT',
      description: 'A city report',
      properties: {
        city: { type: 'STRING', minLength: '1', maxLength: '80', pattern: '^[A-Z]' },
        temperature_c: { type: 'NUMBER', minimum: -90, maximum: 60 },
        tags: {
          type: 'ARRAY',
          items: { type: 'STRING', enum: ['sunny', 'rainy'] },
          minItems: '0',
          maxItems: '5',
        },
        observed_at: { type: 'STRING', format: 'date-time' },
        count: { type: 'INTEGER', format: 'int32', default: 1, example: 3 },
      },
      required: ['city'],
    });
  });

  it('turns null in a type list or an anyOf branch into nullable', () => {
    expect(convertJsonSchemaToGoogleSchema({ type: ['string', 'null'] }).schema).toEqual({
      type: 'STRING',
      nullable: true,
    });
    expect(
      convertJsonSchemaToGoogleSchema({
        description: 'optional count',
        anyOf: [{ type: 'integer', description: 'inner' }, { type: 'null' }],
      }).schema,
    ).toEqual({ type: 'INTEGER', description: 'optional count', nullable: true });
    expect(convertJsonSchemaToGoogleSchema({ type: ['string', 'number'] }).schema).toEqual({
      anyOf: [{ type: 'STRING' }, { type: 'NUMBER' }],
    });
  });

  it('inlines local $refs into $defs and definitions', () => {
    const { schema, dropped } = convertJsonSchemaToGoogleSchema({
      type: 'object',
      properties: {
        home: { $ref: '#/$defs/address', description: 'Where they live' },
        work: { $ref: '#/definitions/address' },
      },
      $defs: { address: { type: 'object', properties: { street: { type: 'string' } } } },
      definitions: { address: { type: 'object', properties: { street: { type: 'string' } } } },
    });
    expect(dropped).toEqual([]);
    expect(schema.properties).toEqual({
      home: { type: 'OBJECT', description: 'Where they live', properties: { street: { type: 'STRING' } } },
      work: { type: 'OBJECT', properties: { street: { type: 'STRING' } } },
    });
  });

  it('reports recursive and unresolvable $refs instead of looping or inventing a schema', () => {
    const { schema, dropped } = convertJsonSchemaToGoogleSchema({
      type: 'object',
      properties: {
        node: { $ref: '#/$defs/node' },
        remote: { $ref: 'https://example.com/schema.json' },
      },
      $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } },
    });
    expect(dropped).toEqual([
      { keyword: '$ref', path: '/properties/node/properties/child' },
      { keyword: '$ref', path: '/properties/remote' },
    ]);
    expect(schema.properties?.node).toEqual({ type: 'OBJECT', properties: { child: {} } });
  });

  it('names every keyword Gemini cannot take, with where it was', () => {
    const { dropped } = convertJsonSchemaToGoogleSchema({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      additionalProperties: false,
      patternProperties: { '^x-': { type: 'string' } },
      properties: {
        email: { type: 'string', format: 'email' },
        shape: { oneOf: [{ type: 'string' }, { type: 'number' }] },
        both: { allOf: [{ type: 'string' }, { minLength: 2 }] },
        score: { type: 'number', exclusiveMinimum: 0, multipleOf: 0.5 },
        level: { type: 'integer', enum: [1, 2, 3] },
        pair: { type: 'array', prefixItems: [{ type: 'string' }], uniqueItems: true },
      },
    });
    expect(dropped).toEqual([
      { keyword: '$schema', path: '/' },
      { keyword: 'additionalProperties', path: '/' },
      { keyword: 'patternProperties', path: '/' },
      { keyword: 'format: email', path: '/properties/email' },
      { keyword: 'oneOf (sent as anyOf)', path: '/properties/shape' },
      { keyword: 'allOf', path: '/properties/both' },
      { keyword: 'exclusiveMinimum', path: '/properties/score' },
      { keyword: 'multipleOf', path: '/properties/score' },
      { keyword: 'enum', path: '/properties/level' },
      { keyword: 'prefixItems', path: '/properties/pair' },
      { keyword: 'uniqueItems', path: '/properties/pair' },
    ]);
    expect(schemaKeywordsWarning('response_format.json_schema.schema', dropped)).toEqual({
      type: 'unsupported-setting',
      setting: 'response_format.json_schema.schema',
      message:
        "Gemini's schema subset cannot take these JSON Schema keywords, so they were not sent: $schema (at /); additionalProperties (at /); patternProperties (at /); format: email (at /properties/email); oneOf (sent as anyOf) (at /properties/shape); allOf (at /properties/both); exclusiveMinimum (at /properties/score); multipleOf (at /properties/score); enum (at /properties/level); prefixItems (at /properties/pair); uniqueItems (at /properties/pair).",
    });
  });

  it('sends oneOf as anyOf, a string const as a one-value enum, and an untyped string enum as STRING', () => {
    const { schema } = convertJsonSchemaToGoogleSchema({
      type: 'object',
      properties: {
        unit: { enum: ['celsius', 'fahrenheit'] },
        kind: { const: 'weather' },
        value: { oneOf: [{ type: 'string' }, { type: 'number' }] },
      },
    });
    expect(schema.properties).toEqual({
      unit: { type: 'STRING', enum: ['celsius', 'fahrenheit'] },
      kind: { type: 'STRING', enum: ['weather'] },
      value: { anyOf: [{ type: 'STRING' }, { type: 'NUMBER' }] },
    });
  });

  it('never sends type and anyOf together (the SDK refuses that schema)', () => {
    const { schema, dropped } = convertJsonSchemaToGoogleSchema({
      type: 'object',
      anyOf: [{ required: ['a'] }, { required: ['b'] }],
    });
    expect(schema).toEqual({ type: 'OBJECT' });
    expect(dropped).toEqual([{ keyword: 'anyOf (alongside type)', path: '/' }]);
  });

  it('adds propertyOrdering on request, keeping the declared key order', () => {
    const { schema } = convertJsonSchemaToGoogleSchema(
      { type: 'object', properties: { b: { type: 'string' }, a: { type: 'string' } } },
      { propertyOrdering: true },
    );
    expect(schema.propertyOrdering).toEqual(['b', 'a']);
  });

  it('escapes property names in reported paths (JSON pointer)', () => {
    expect(
      convertJsonSchemaToGoogleSchema({
        type: 'object',
        properties: { 'a/b~c': { type: 'string', not: {} } },
      }).dropped,
    ).toEqual([{ keyword: 'not', path: '/properties/a~1b~0c' }]);
  });

  it('reports non-schema values instead of throwing', () => {
    expect(keywords(false)).toEqual(['false (empty schema)']);
    expect(keywords('string')).toEqual(['non-object schema']);
    expect(keywords({ type: 'strnig' })).toEqual(['type']);
    expect(keywords({ type: 'toString' })).toEqual(['type']);
  });
});

// ---- Property tests -------------------------------------------------------------------------------

const SUPPORTED_KEYS = new Set([
  'type',
  'description',
  'title',
  'properties',
  'required',
  'items',
  'anyOf',
  'enum',
  'format',
  'nullable',
  'default',
  'example',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'pattern',
  'propertyOrdering',
]);
const GEMINI_TYPES = new Set(['STRING', 'NUMBER', 'INTEGER', 'BOOLEAN', 'ARRAY', 'OBJECT', 'NULL']);
const UNSUPPORTED = [
  'additionalProperties',
  'patternProperties',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'dependentRequired',
  'dependentSchemas',
  'contains',
  'uniqueItems',
  'multipleOf',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'unevaluatedProperties',
  '$comment',
  '$id',
] as const;

/** Every schema object in a converted Gemini schema, with its location. */
function* geminiSchemas(schema: unknown, path = '/'): Generator<[string, Record<string, unknown>]> {
  if (!isRecord(schema)) return;
  const record = schema;
  yield [path, record];
  if (typeof record.properties === 'object' && record.properties !== null) {
    for (const [name, value] of Object.entries(record.properties))
      yield* geminiSchemas(value, `${path}properties/${name}/`);
  }
  if (record.items !== undefined) yield* geminiSchemas(record.items, `${path}items/`);
  if (Array.isArray(record.anyOf))
    for (const [i, value] of record.anyOf.entries()) yield* geminiSchemas(value, `${path}anyOf/${i}/`);
}

/** Every keyword used anywhere in a JSON Schema, walking properties, items and the combinators. */
function* jsonSchemaKeywords(schema: unknown): Generator<string> {
  if (!isRecord(schema)) return;
  const record = schema;
  yield* Object.keys(record);
  if (typeof record.properties === 'object' && record.properties !== null) {
    for (const value of Object.values(record.properties)) yield* jsonSchemaKeywords(value);
  }
  if (typeof record.items === 'object') yield* jsonSchemaKeywords(record.items);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = record[key];
    if (Array.isArray(branches)) for (const branch of branches) yield* jsonSchemaKeywords(branch);
  }
}

const jsonSchema = fc.letrec((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    tie('object'),
    tie('array'),
    tie('union'),
  ),
  leaf: fc.record(
    {
      type: fc.constantFrom('string', 'number', 'integer', 'boolean', ['string', 'null'], ['number', 'null']),
      description: fc.string(),
      enum: fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
      minimum: fc.integer(),
      format: fc.constantFrom('date-time', 'email', 'uuid', 'int64'),
      extra: fc.constantFrom(...UNSUPPORTED),
    },
    { requiredKeys: ['type'] },
  ),
  object: fc.record(
    {
      type: fc.constant('object'),
      properties: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('schema'), { maxKeys: 4 }),
      required: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
      additionalProperties: fc.boolean(),
      title: fc.string(),
    },
    { requiredKeys: ['type', 'properties'] },
  ),
  array: fc.record(
    { type: fc.constant('array'), items: tie('schema'), minItems: fc.nat(5) },
    { requiredKeys: ['type', 'items'] },
  ),
  union: fc.record({
    anyOf: fc.array(fc.oneof(tie('schema'), fc.constant({ type: 'null' })), { minLength: 1, maxLength: 3 }),
  }),
}));

/** Replaces the `extra` placeholder key of generated leaves with a real unsupported keyword. */
const withExtras = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(withExtras);
  if (typeof schema !== 'object' || schema === null) return schema;
  const entries = Object.entries(schema).map(([key, value]): [string, unknown] =>
    key === 'extra' && typeof value === 'string'
      ? [value, 1]
      : [key, key === 'properties' ? withExtras(value) : withExtras(value)],
  );
  return Object.fromEntries(entries);
};

describe('convertJsonSchemaToGoogleSchema properties', () => {
  it('never throws, whatever JSON it gets', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const { schema } = convertJsonSchemaToGoogleSchema(value);
        expect(typeof schema).toBe('object');
      }),
    );
  });

  it('emits only keywords and types Gemini takes, and never type with anyOf', () => {
    fc.assert(
      fc.property(jsonSchema.schema.map(withExtras), (input) => {
        const { schema } = convertJsonSchemaToGoogleSchema(input, { propertyOrdering: true });
        for (const [path, node] of geminiSchemas(schema)) {
          for (const key of Object.keys(node))
            expect(SUPPORTED_KEYS.has(key), `${key} at ${path}`).toBe(true);
          if (node.type !== undefined) expect(GEMINI_TYPES.has(String(node.type))).toBe(true);
          expect(node.type !== undefined && node.anyOf !== undefined, `type and anyOf at ${path}`).toBe(
            false,
          );
          if (node.enum !== undefined)
            expect(Array.isArray(node.enum) && node.enum.every((v) => typeof v === 'string')).toBe(true);
        }
        // Round-trips as JSON (what the SDK sends).
        expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
      }),
    );
  });

  it('drops nothing silently: every unsupported keyword in the input is reported', () => {
    fc.assert(
      fc.property(jsonSchema.schema.map(withExtras), (input) => {
        const reported = new Set(keywords(input));
        for (const keyword of jsonSchemaKeywords(input)) {
          if (UNSUPPORTED.some((unsupported) => unsupported === keyword)) {
            expect(reported.has(keyword), `${keyword} was dropped without a report`).toBe(true);
          }
        }
      }),
    );
  });

  it('reports nothing for schemas already inside the subset', () => {
    const simple = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.record({
          type: fc.constantFrom('string', 'number', 'integer', 'boolean'),
          description: fc.string(),
        }),
        fc.record({
          type: fc.constant('object'),
          properties: fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), tie('node'), { maxKeys: 3 }),
        }),
        fc.record({ type: fc.constant('array'), items: tie('node') }),
      ),
    }));
    fc.assert(
      fc.property(simple.node, (input) => {
        expect(convertJsonSchemaToGoogleSchema(input).dropped).toEqual([]);
      }),
    );
  });
});
