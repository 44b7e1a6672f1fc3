/**
 * @module
 * A server started and closed in a process of its own, which then prints the npm packages whose
 * CommonJS modules it loaded, as JSON. argv[2] is the JSON of the start options (a SQLite file at
 * `dbPath`; `metrics` on or off).
 */
import { createRequire } from 'node:module';
import { startServer } from '../../src/index';

const options = JSON.parse(process.argv[2] as string) as { dbPath: string; metrics: boolean };
const server = await startServer({ port: 0, logLevel: 'silent', ...options });
await server.close();
const packages = new Set<string>();
for (const path of Object.keys(createRequire(import.meta.url).cache)) {
  const name = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
  if (name) packages.add(name);
}
process.stdout.write(JSON.stringify([...packages].sort()));
