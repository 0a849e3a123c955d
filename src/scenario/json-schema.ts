import { z } from 'zod';
import { scenarioSchema } from './schema.js';
import { inputDistributionSchema } from './uncertain-input.js';

type JsonSchema = Record<string, unknown>;

/** Where the build writes the schema, relative to the package root (and what `$schema=` comments name). */
export const jsonSchemaFile = 'schema/scenario.schema.json';

/**
 * The scenario's JSON Schema (draft 2020-12), generated from the zod schema, for editors (the YAML
 * language server completes and checks keys) and other tools. What the file may say is the input
 * side of the schema (`io: 'input'`). Cross-field rules (rules.ts) and refinements without a JSON
 * Schema keyword are not in it: `capsim validate` remains the full check.
 *
 * A file with `extends` gives only what it changes over the files it names, and may set a key to
 * null to remove it; the merged scenario is checked by capsim. So the root accepts every key as
 * optional and nullable (lists, which replace the included list whole, stay complete), and a file
 * without `extends` must also match the complete schema.
 */
export function scenarioJsonSchema(): JsonSchema {
  const { $schema: draft, ...generated } = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  if ('$defs' in generated) throw new Error('scenarioJsonSchema expects every schema inlined (no $defs)');
  const complete = withUncertainInputs(generated, []);
  const { $schema: _draft, ...uncertain } = z.toJSONSchema(inputDistributionSchema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
  const extending = partial(complete);
  const properties = extending.properties as Record<string, JsonSchema>;
  return {
    $schema: draft,
    title: 'capsim scenario',
    description: 'A capsim scenario: the racks, the lease, the training runs, the failure rates. Every quantity carries its unit in its key. Check one with `capsim validate FILE`.',
    ...extending,
    properties: {
      extends: {
        description: 'start from other scenario files (paths relative to this file), merged in order, this file last',
        anyOf: [
          { type: 'string', minLength: 1 },
          { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
        ],
      },
      ...properties,
    },
    if: { properties: { extends: true }, required: ['extends'] },
    else: { $ref: '#/$defs/scenario' },
    $defs: { scenario: complete, uncertain: { description: 'an uncertain input: drawn once per replication from its own stream (input:<key path>)', ...uncertain } },
  };
}

/**
 * Every number of the scenario may be an uncertain input (a distribution, drawn per replication),
 * except the seed and the tick: each numeric schema becomes "this number, or #/$defs/uncertain".
 * Its bounds stay on the number; the loader checks them for every value a draw can give.
 */
function withUncertainInputs(schema: JsonSchema, path: readonly string[]): JsonSchema {
  const numeric = schema.type === 'number' || schema.type === 'integer';
  if (numeric) {
    if (path.length === 1 && (path[0] === 'seed' || path[0] === 'tickSeconds' || path[0] === 'tickMinutes')) return schema;
    const { description, ...number } = schema;
    return { ...(description === undefined ? {} : { description }), anyOf: [number, { $ref: '#/$defs/uncertain' }] };
  }
  const out: JsonSchema = { ...schema };
  if (isSchemaMap(schema.properties)) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, withUncertainInputs(value, [...path, key])]));
  }
  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[keyword];
    if (Array.isArray(list)) out[keyword] = list.map((s: JsonSchema) => withUncertainInputs(s, path));
  }
  if (isSchema(schema.items)) out.items = withUncertainInputs(schema.items, [...path, '[]']);
  if (isSchema(schema.additionalProperties)) out.additionalProperties = withUncertainInputs(schema.additionalProperties, [...path, '*']);
  return out;
}

/** The schema as the build writes it to schema/scenario.schema.json and `capsim schema` prints it. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/**
 * The schema as a file with `extends` may give it: no key required, and every key of a mapping
 * may be null (removing the included key), at every depth of mappings and their alternatives.
 * Lists are left whole: an including file's list replaces the included one.
 */
function partial(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  delete out.required;
  if (isSchemaMap(schema.properties)) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, nullable(partial(value))]));
  }
  // Alternatives become anyOf: once partial, several may match the same value ({} fits them all).
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    delete out[keyword];
    out.anyOf = list.map((s: JsonSchema) => partial(s));
  }
  if (Array.isArray(schema.allOf)) out.allOf = schema.allOf.map((s: JsonSchema) => partial(s));
  if (isSchema(schema.additionalProperties)) out.additionalProperties = nullable(partial(schema.additionalProperties));
  return out;
}

function nullable(schema: JsonSchema): JsonSchema {
  const { description, ...rest } = schema;
  return { ...(description === undefined ? {} : { description }), anyOf: [rest, { type: 'null' }] };
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSchemaMap(value: unknown): value is Record<string, JsonSchema> {
  return isSchema(value);
}
