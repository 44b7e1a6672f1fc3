// Writes openapi.yaml into @outdial/contract as a TypeScript module, so every package ships the
// exact document it validates against (the mock runs in browsers, where no file can be read).
// The status machine is also written on its own, small module: the SDK bundles it, and must not
// carry the whole document to know which statuses are terminal.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

const status = document.components.schemas.CallStatus;
const list = (values) => `[${values.map((v) => JSON.stringify(v)).join(', ')}] as const`;
const transitions = Object.entries(status['x-transitions'])
  .map(([from, to]) => `  ${JSON.stringify(from)}: ${list(to)},`)
  .join('\n');
const machine = `// Generated from openapi.yaml by \`pnpm generate\`. Do not edit.

/** \`CallStatus\`'s \`enum\`, in the spec's order. */
export const CALL_STATUS_ENUM = ${list(status.enum)};

/** \`CallStatus\`'s \`x-terminal\`. */
export const CALL_STATUS_TERMINAL = ${list(status['x-terminal'])};

/** \`CallStatus\`'s \`x-cancellable\`. */
export const CALL_STATUS_CANCELLABLE = ${list(status['x-cancellable'])};

/** \`CallStatus\`'s \`x-transitions\`: from → allowed to. */
export const CALL_STATUS_TRANSITIONS = {
${transitions}
} as const;
`;
writeFileSync('packages/contract/src/generated/call-status-machine.ts', machine);
