// Writes openapi.yaml into @outdial/contract as a TypeScript module, so every package ships the
// exact document it validates against (the mock runs in browsers, where no file can be read).
// Until the SDK reads its types from @outdial/contract, it also gets a copy of the
// openapi-typescript output that `pnpm generate` wrote into the contract just before.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'yaml';

const yamlText = readFileSync('openapi.yaml', 'utf8');
const document = parse(yamlText);
const target = 'packages/contract/src/generated/openapi-document.ts';

const source = `// Generated from openapi.yaml by \`pnpm generate\`. Do not edit.

/** openapi.yaml, byte for byte. */
export const openApiYaml: string = ${JSON.stringify(yamlText)};

/** openapi.yaml, parsed. */
export const openApiDocument = ${JSON.stringify(document, null, 2)} as const;
`;
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, source);

// Transitional: the SDK's own copy of the types, byte for byte the contract's.
copyFileSync('packages/contract/src/generated/openapi.ts', 'packages/sdk/src/generated/openapi.ts');
