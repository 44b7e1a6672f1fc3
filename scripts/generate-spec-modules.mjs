// Writes openapi.yaml into the server and the mock as a TypeScript module, so both ship the
// exact document they validate against (the mock runs in browsers, where no file can be read).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'yaml';

const yamlText = readFileSync('openapi.yaml', 'utf8');
const document = parse(yamlText);
const targets = [
  'packages/server/src/generated/openapi-document.ts',
  'packages/mock/src/generated/openapi-document.ts',
];

const source = `// Generated from openapi.yaml by \`pnpm generate\`. Do not edit.

/** openapi.yaml, byte for byte. */
export const openApiYaml: string = ${JSON.stringify(yamlText)};

/** openapi.yaml, parsed. */
export const openApiDocument = ${JSON.stringify(document, null, 2)} as const;
`;
for (const target of targets) {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, source);
}
