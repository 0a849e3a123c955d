// Build step: write the scenario's JSON Schema, generated from the zod schema in dist/, to
// schema/scenario.schema.json (published with the package; scenarios name it in their first line).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { jsonSchemaFile, scenarioJsonSchemaText } from '../dist/scenario/json-schema.js';

const path = new URL(`../${jsonSchemaFile}`, import.meta.url);
mkdirSync(dirname(path.pathname), { recursive: true });
writeFileSync(path, scenarioJsonSchemaText());
