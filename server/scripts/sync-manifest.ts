// Regenerates what the extension manifest derives from the engine: the
// `policylint.rules` setting in package.json (so the settings UI lists every
// rule with its real default) and the JSON Schema of project config files.
// Run with `npm run sync:manifest` after adding or changing a rule or a
// setting; tests/lsp/manifest.test.ts fails until it is run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RULES } from '../src/engine/rules/registry';
import { configSchema, SCHEMA_PATH } from '../src/project/config-schema';

const root = join(__dirname, '../..');
const path = join(root, 'package.json');
const manifest = JSON.parse(readFileSync(path, 'utf8'));
const rules = manifest.contributes.configuration.properties['policylint.rules'];
const severity = (description: string, fallback: string) => ({
  type: 'string',
  enum: ['error', 'warning', 'info', 'hint', 'off'],
  enumDescriptions: ['Report as an error.', 'Report as a warning.', 'Report as information.', 'Show as a hint only.', 'Turn the rule off.'],
  default: fallback,
  markdownDescription: description,
});
rules.properties = Object.fromEntries(RULES.map((rule) => [rule.id, severity(rule.description, rule.defaultSeverity)]));
rules.default = Object.fromEntries(RULES.map((rule) => [rule.id, rule.defaultSeverity]));
writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`package.json: policylint.rules lists ${RULES.length} rules`);

const schema = join(root, SCHEMA_PATH);
mkdirSync(dirname(schema), { recursive: true });
writeFileSync(schema, `${JSON.stringify(configSchema(), null, 2)}\n`);
console.log(`${SCHEMA_PATH}: written`);
