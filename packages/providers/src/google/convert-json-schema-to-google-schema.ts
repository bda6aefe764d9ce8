import { type Schema, Type } from '@google/genai';
import { isRecord } from '../shared/json-readers.js';

/** A JSON Schema keyword Gemini's schema subset cannot take, and where it was (a JSON pointer). */
export interface DroppedSchemaKeyword {
  keyword: string;
  path: string;
}

export interface GoogleSchemaConversion {
  schema: Schema;
  /** Every keyword that was removed or could not be expressed, in document order. */
  dropped: Array<DroppedSchemaKeyword>;
}

export interface ConvertJsonSchemaOptions {
  /**
   * Add `propertyOrdering` (the declared order of `properties`) to object schemas, so structured output
   * keeps the key order JSON Schema users expect. Default: false.
   */
  propertyOrdering?: boolean;
}

interface Context {
  readonly root: Record<string, unknown>;
  readonly options: ConvertJsonSchemaOptions;
  readonly dropped: Array<DroppedSchemaKeyword>;
  /** `$ref`s being inlined on the current path; a repeat is a recursive schema Gemini cannot express. */
  readonly resolving: ReadonlyArray<string>;
}

const typeByName: Readonly<Record<string, Type>> = {
  string: Type.STRING,
  number: Type.NUMBER,
  integer: Type.INTEGER,
  boolean: Type.BOOLEAN,
  array: Type.ARRAY,
  object: Type.OBJECT,
  null: Type.NULL,
};

// Gemini rejects other `format` values (e.g. "only 'enum' and 'date-time' are supported for STRING type").
const formatsByType: Readonly<Partial<Record<Type, ReadonlyArray<string>>>> = {
  [Type.STRING]: ['date-time', 'enum'],
  [Type.NUMBER]: ['float', 'double'],
  [Type.INTEGER]: ['int32', 'int64'],
};

// Keywords read explicitly below; anything else in a schema object is reported as dropped.
const handled = new Set([
  'type',
  'description',
  'title',
  'properties',
  'required',
  'items',
  'anyOf',
  'oneOf',
  'allOf',
  'enum',
  'const',
  'format',
  'nullable',
  'default',
  'example',
  'examples',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'pattern',
  '$ref',
  '$defs',
  'definitions',
]);

const countKeywords = [
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
] as const;

const escapePointer = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1');
const unescapePointer = (segment: string): string => segment.replaceAll('~1', '/').replaceAll('~0', '~');
const child = (path: string, ...segments: Array<string>): string =>
  `${path === '/' ? '' : path}/${segments.map(escapePointer).join('/')}`;

const drop = (context: Context, keyword: string, path: string): void => {
  context.dropped.push({ keyword, path });
};

/** The subschema a local `$ref` (`#/$defs/X`, `#/definitions/X`) points at, if it resolves. */
function resolveRef(root: Record<string, unknown>, ref: string): Record<string, unknown> | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let target: unknown = root;
  for (const segment of ref.slice(2).split('/').map(unescapePointer)) {
    if (!isRecord(target)) return undefined;
    target = target[segment];
  }
  return isRecord(target) ? target : undefined;
}

/** Inlines a `$ref`; its siblings (e.g. a `description`) override the target's keywords. */
function inlineRef(value: Record<string, unknown>, path: string, context: Context): Schema {
  const ref = value.$ref;
  const { $ref: _ref, ...siblings } = value;
  const target = typeof ref === 'string' ? resolveRef(context.root, ref) : undefined;
  if (typeof ref !== 'string' || target === undefined || context.resolving.includes(ref)) {
    // Unresolvable or recursive: Gemini has no references, so the reference cannot be kept.
    drop(context, '$ref', path);
    return convertObject(siblings, path, context);
  }
  const { $defs: _defs, definitions: _definitions, ...inlined } = target;
  return convertObject({ ...inlined, ...siblings }, path, {
    ...context,
    resolving: [...context.resolving, ref],
  });
}

function convertType(value: unknown, path: string, context: Context, schema: Schema): void {
  const names: Array<unknown> = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const types = names.flatMap((name) =>
    typeof name === 'string' && Object.hasOwn(typeByName, name)
      ? [typeByName[name] ?? Type.TYPE_UNSPECIFIED]
      : [],
  );
  if (types.length === 0 || types.length < names.length) {
    drop(context, 'type', path);
    return;
  }
  const nonNull = types.filter((type) => type !== Type.NULL);
  if (nonNull.length < types.length && nonNull.length > 0) schema.nullable = true;
  const [only] = nonNull;
  if (nonNull.length === 0) schema.type = Type.NULL;
  else if (nonNull.length === 1 && only !== undefined) schema.type = only;
  else schema.anyOf = nonNull.map((type) => ({ type }));
}

function convertBranches(
  keyword: 'anyOf' | 'oneOf',
  value: unknown,
  path: string,
  context: Context,
  schema: Schema,
) {
  if (!Array.isArray(value) || value.length === 0) {
    drop(context, keyword, path);
    return;
  }
  // `oneOf` ("exactly one") is sent as `anyOf` ("at least one"): reported, since the meaning widens.
  if (keyword === 'oneOf') drop(context, 'oneOf (sent as anyOf)', path);
  const branches: Array<Schema> = [];
  value.forEach((branch, index) => {
    if (isRecord(branch) && branch.type === 'null' && Object.keys(branch).length === 1) {
      schema.nullable = true;
      return;
    }
    branches.push(convertValue(branch, child(path, keyword, String(index)), context));
  });
  const [single] = branches;
  // A nullable single type (`anyOf: [X, {type: null}]`) is just X with `nullable`.
  if (branches.length === 1 && single !== undefined && schema.anyOf === undefined) {
    // The outer schema's own keywords (e.g. its description) win over the branch's.
    Object.assign(schema, { ...single, ...schema });
  } else if (branches.length > 0) {
    schema.anyOf = [...(schema.anyOf ?? []), ...branches];
  }
}

function convertEnum(
  value: unknown,
  path: string,
  context: Context,
  schema: Schema,
  keyword: 'enum' | 'const',
) {
  const values = keyword === 'const' ? [value] : Array.isArray(value) ? value : undefined;
  const strings = values?.filter((item) => item !== null);
  if (values === undefined || strings === undefined || !strings.every((item) => typeof item === 'string')) {
    // Gemini enums are strings only.
    drop(context, keyword, path);
    return;
  }
  if (strings.length < values.length) schema.nullable = true;
  if (strings.length > 0) schema.enum = strings;
}

function convertProperties(value: unknown, path: string, context: Context, schema: Schema): void {
  if (!isRecord(value)) {
    drop(context, 'properties', path);
    return;
  }
  const properties: Record<string, Schema> = {};
  for (const [name, property] of Object.entries(value)) {
    properties[name] = convertValue(property, child(path, 'properties', name), context);
  }
  schema.properties = properties;
  const names = Object.keys(properties);
  if (context.options.propertyOrdering === true && names.length > 1) schema.propertyOrdering = names;
}

function convertObject(value: Record<string, unknown>, path: string, context: Context): Schema {
  if (value.$ref !== undefined) return inlineRef(value, path, context);
  const schema: Schema = {};
  for (const keyword of Object.keys(value)) {
    if (!handled.has(keyword)) drop(context, keyword, path);
  }
  if (value.type !== undefined) convertType(value.type, path, context, schema);
  if (typeof value.description === 'string') schema.description = value.description;
  if (typeof value.title === 'string') schema.title = value.title;
  if (value.properties !== undefined) convertProperties(value.properties, path, context, schema);
  if (Array.isArray(value.required)) {
    schema.required = value.required.filter((name): name is string => typeof name === 'string');
  }
  if (isRecord(value.items) || typeof value.items === 'boolean') {
    schema.items = convertValue(value.items, child(path, 'items'), context);
  } else if (value.items !== undefined) {
    drop(context, 'items (tuple form)', path);
  }
  if (value.anyOf !== undefined) convertBranches('anyOf', value.anyOf, path, context, schema);
  if (value.oneOf !== undefined) convertBranches('oneOf', value.oneOf, path, context, schema);
  if (value.allOf !== undefined) {
    const [only] = Array.isArray(value.allOf) ? value.allOf : [];
    // A single-entry allOf is a plain wrapper; an intersection of several has no Gemini equivalent.
    if (Array.isArray(value.allOf) && value.allOf.length === 1 && isRecord(only)) {
      Object.assign(schema, convertValue(only, child(path, 'allOf', '0'), context));
    } else {
      drop(context, 'allOf', path);
    }
  }
  if (value.enum !== undefined) convertEnum(value.enum, path, context, schema, 'enum');
  if (value.const !== undefined) convertEnum(value.const, path, context, schema, 'const');
  if (value.nullable === true) schema.nullable = true;
  if (value.format !== undefined) {
    const allowed = schema.type === undefined ? undefined : formatsByType[schema.type];
    if (typeof value.format === 'string' && allowed?.includes(value.format) === true)
      schema.format = value.format;
    else drop(context, `format: ${String(value.format)}`, path);
  }
  if (value.default !== undefined) schema.default = value.default;
  if (value.example !== undefined) schema.example = value.example;
  else if (Array.isArray(value.examples) && value.examples.length > 0) schema.example = value.examples[0];
  if (typeof value.minimum === 'number') schema.minimum = value.minimum;
  if (typeof value.maximum === 'number') schema.maximum = value.maximum;
  for (const keyword of countKeywords) {
    const count = value[keyword];
    // Gemini's int64 fields travel as decimal strings.
    if (typeof count === 'number' && Number.isInteger(count) && count >= 0) schema[keyword] = String(count);
    else if (count !== undefined) drop(context, keyword, path);
  }
  if (typeof value.pattern === 'string') schema.pattern = value.pattern;
  // Gemini enums are typed STRING; JSON Schema lets the type be implied by the values.
  if (schema.enum !== undefined && schema.type === undefined && schema.anyOf === undefined)
    schema.type = Type.STRING;
  if (schema.type !== undefined && schema.anyOf !== undefined) {
    // Gemini takes `type` or `anyOf`, not both (the SDK refuses such a schema outright).
    drop(context, 'anyOf (alongside type)', path);
    delete schema.anyOf;
  }
  return schema;
}

function convertValue(value: unknown, path: string, context: Context): Schema {
  // `true` / `{}` accept anything, which an empty Gemini schema also does; `false` accepts nothing.
  if (value === true) return {};
  if (isRecord(value)) return convertObject(value, path, context);
  drop(context, value === false ? 'false (empty schema)' : 'non-object schema', path);
  return {};
}

/**
 * Converts an OpenAI-style JSON Schema to the OpenAPI 3.0 subset Gemini's `responseSchema` and function
 * `parameters` take. Local `$ref`s into `$defs`/`definitions` are inlined (recursive ones cannot be);
 * `oneOf` becomes `anyOf`; a `null` type becomes `nullable`. Everything Gemini cannot take is removed
 * and listed in `dropped`, so the caller can warn instead of dropping it silently.
 */
export function convertJsonSchemaToGoogleSchema(
  jsonSchema: unknown,
  options: ConvertJsonSchemaOptions = {},
): GoogleSchemaConversion {
  const dropped: Array<DroppedSchemaKeyword> = [];
  const root = isRecord(jsonSchema) ? jsonSchema : {};
  const schema = convertValue(jsonSchema, '/', { root, options, dropped, resolving: [] });
  return { schema, dropped };
}
