// Prepends the "do not edit" header to a generated file, so no one mistakes it for source.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: add-generated-header.mjs <file>');
const header = '// Generated from openapi.yaml by `pnpm generate` (openapi-typescript). Do not edit.\n';
const body = readFileSync(file, 'utf8');
writeFileSync(file, body.startsWith(header) ? body : header + body);
