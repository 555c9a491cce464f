// Validation against the official SARIF 2.1.0 schema, shared by the pure
// formatter tests and the command-line tests.
//
// tests/fixtures/sarif-schema-2.1.0.json is the OASIS schema
// (https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json,
// draft-07), copied unchanged from the npm package @datadog/datadog-ci@2.48.0,
// file dist/commands/sarif/json-schema/sarif-schema-2.1.0.json
// (sha256 10666d46649b52e262001e70d43e6c52f7c0279ca3dbdfe9a7dc2e4071556454).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

const SCHEMA_FILE = path.resolve(__dirname, '../fixtures/sarif-schema-2.1.0.json');

/** The schema's own `$schema`, which decides the Ajv class: the default `Ajv` is draft-07. */
export const SARIF_SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

/**
 * Compiles the schema once, in Ajv's strict mode and with formats (uri,
 * uri-reference, date-time) checked, and returns a function listing what is
 * wrong with a log: empty when it is valid.
 */
export function sarifSchemaErrors(): (log: unknown) => ErrorObject[] {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { $schema: string };
  if (schema.$schema !== SARIF_SCHEMA_DIALECT) throw new Error(`unexpected schema dialect ${schema.$schema}`);
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : [...(validate.errors ?? [{ message: 'invalid' } as ErrorObject])]);
}
