/**
 * The built package, as users get it: `import` and `require` on Node 24 and on the machine's
 * Node 20, each in a child process against a real node:http server; its bundle size (by the
 * recipe in bundle-size.ts, which the benchmark reports too); and what its files import.
 * (publint and attw run once, in `pnpm test:packages`.)
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureSdkSize, SDK_SIZE_TARGET_BYTES } from './bundle-size';

const run = promisify(execFile);
const pkgDir = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const NODE20 = process.env.OUTDIAL_NODE20_BIN ?? '/usr/bin/node';
const NODES = { 'Node 24': process.execPath, 'Node 20': NODE20 } as const;
let work: string;

/** Builds dist/ unless it is newer than every source file (the root `pnpm test` builds first). */
function ensureBuilt() {
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
      ),
    );
  const built = (() => {
    try {
      return Math.min(
        ...['index.js', 'index.cjs', 'webhooks.js', 'webhooks.cjs'].map(
          (file) => statSync(join(pkgDir, 'dist', file)).mtimeMs,
        ),
      );
    } catch {
      return 0;
    }
  })();
  if (built < newest(join(pkgDir, 'src')))
    execFileSync(join(pkgDir, 'node_modules/.bin/tsup'), { cwd: pkgDir });
}

beforeAll(() => {
  ensureBuilt();
  // An app that depends on @outdial/sdk: node_modules/@outdial/sdk → this package.
  work = mkdtempSync(join(tmpdir(), 'outdial-sdk-'));
  mkdirSync(join(work, 'node_modules/@outdial'), { recursive: true });
  symlinkSync(pkgDir, join(work, 'node_modules/@outdial/sdk'), 'dir');
  writeFileSync(join(work, 'scenario.mjs'), readFileSync(join(import.meta.dirname, 'fixtures/scenario.mjs')));
  writeFileSync(
    join(work, 'esm.mjs'),
    `import * as sdk from '@outdial/sdk';\nimport { createRequire } from 'node:module';\nimport { run } from './scenario.mjs';\nawait run(sdk, createRequire(import.meta.url)('@outdial/sdk'));\n`,
  );
  writeFileSync(
    join(work, 'cjs.cjs'),
    `const sdk = require('@outdial/sdk');\nPromise.all([import('@outdial/sdk'), import('./scenario.mjs')]).then(([other, { run }]) => run(sdk, other));\n`,
  );
}, 60_000);

afterAll(() => work && rmSync(work, { recursive: true, force: true }));

/**
 * A tiny stateful Calls API. The first POST is processed and then its connection is reset, so
 * the SDK must retry with the same Idempotency-Key and get the original call back.
 */
function startServer() {
  const posts: (string | undefined)[] = [];
  const created = new Map<string, string>();
  let polls = 0;
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_test' });
    res.end(JSON.stringify(body));
  };
  const call = (id: string, status: string) => ({ id, status, agentId: 'a', phoneNumber: '+14155552671' });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.headers['x-api-key'] !== 'test-key')
      return json(res, 401, { error: { message: 'Unauthorized' } });
    if (req.method === 'POST' && url.pathname === '/api/v1/calls/outbound') {
      const key = req.headers['idempotency-key'] as string | undefined;
      posts.push(key);
      const existing = key && created.get(key);
      if (existing) return json(res, 201, { data: call(existing, 'queued') });
      created.set(key ?? '', `call_${created.size + 1}`);
      return req.socket.destroy(); // processed, but the response never arrives
    }
    if (url.pathname === '/api/v1/calls/call_1') {
      return json(res, 200, {
        data: call('call_1', ['queued', 'ringing', 'ringing', 'completed'][Math.min(polls++, 3)] ?? ''),
      });
    }
    if (url.pathname === '/api/v1/calls') {
      const second = url.searchParams.get('cursor') === 'p2';
      return json(res, 200, {
        data: {
          calls: [call(second ? 'call_b' : 'call_a', 'completed')],
          pagination: { limit: 1, hasMore: !second, nextCursor: second ? null : 'p2' },
        },
      });
    }
    return json(res, 404, {
      error: { message: 'Call not found', code: 404, type: 'not_found', requestId: 'req_404' },
    });
  });
  return new Promise<{ url: string; posts: typeof posts; created: typeof created; close: () => void }>(
    (resolve) =>
      server.listen(0, '127.0.0.1', () =>
        resolve({
          url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
          posts,
          created,
          close: () => server.close(),
        }),
      ),
  );
}

describe.each(Object.entries(NODES))('the built package on %s', (_name, node) => {
  it('is the expected Node major', async () => {
    const { stdout } = await run(node, ['--version']);
    expect(stdout.trim()).toMatch(_name === 'Node 20' ? /^v20\./ : /^v24\./);
  });

  it.each([
    ['import', 'esm.mjs'],
    ['require', 'cjs.cjs'],
  ])(
    'works from %s',
    async (_how, file) => {
      const server = await startServer();
      try {
        const { stdout } = await run(node, [join(work, file)], {
          cwd: work,
          env: { ...process.env, OUTDIAL_TEST_URL: server.url },
          timeout: 30_000,
        });
        const out = JSON.parse(stdout);
        expect(out).toEqual({
          node: expect.stringMatching(_name === 'Node 20' ? /^v20\./ : /^v24\./),
          created: 'call_1',
          final: 'completed',
          seen: ['queued', 'ringing', 'completed'],
          listed: ['call_a', 'call_b'],
          error: {
            name: 'NotFoundError',
            requestId: 'req_404',
            sameBuild: true,
            otherBuild: true,
            notOther: false,
            distinctClasses: true,
          },
          terminal: true,
          version: pkg.version,
        });
        // One call placed, though the first response was lost: the retry reused the key.
        expect(server.created.size).toBe(1);
        expect(server.posts).toHaveLength(2);
        expect(server.posts[0]).toMatch(/^[0-9a-f-]{32,36}$/);
        expect(server.posts[1]).toBe(server.posts[0]);
      } finally {
        server.close();
      }
    },
    30_000,
  );
});

/**
 * The names `file` exports as values (classes, functions, consts), read with the compiler: what
 * `import { X }` lets a user write without `import type`. Type-only exports are left out.
 */
function declaredValueExports(file: string): string[] {
  const program = ts.createProgram([file], { noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${file} is not a module`);
  return checker
    .getExportsOfModule(module)
    .filter((symbol) => {
      const typeOnly = symbol.declarations?.some(ts.isTypeOnlyImportOrExportDeclaration) ?? false;
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return !typeOnly && (target.flags & ts.SymbolFlags.Value) !== 0;
    })
    .map((symbol) => symbol.name)
    .sort();
}

describe('packaging', () => {
  it.each([
    ['import', 'dist/index.d.ts', "import('@outdial/sdk')", 'Outdial'],
    ['require', 'dist/index.d.cts', "Promise.resolve(require('@outdial/sdk'))", 'Outdial'],
    ['import', 'dist/webhooks.d.ts', "import('@outdial/sdk/webhooks')", 'verifyWebhook'],
    ['require', 'dist/webhooks.d.cts', "Promise.resolve(require('@outdial/sdk/webhooks'))", 'verifyWebhook'],
  ])(
    'declares for %s (%s) exactly the value exports that exist at run time',
    async (_how, types, load, known) => {
      // In a child process, resolved through package.json `exports` the way an app resolves it.
      const { stdout } = await run(
        process.execPath,
        ['-e', `${load}.then((m) => console.log(JSON.stringify(Object.keys(m).sort())))`],
        { cwd: work },
      );
      const runtime: string[] = JSON.parse(stdout);
      const declared = declaredValueExports(join(pkgDir, types));
      expect(declared).toContain(known); // the compiler really read the declarations
      expect(runtime).toEqual(declared);
    },
  );

  it('keeps create + waitForTerminalStatus at or under 8 kB min+gzip (the recipe the bench reports)', async () => {
    const { sdk, openapiFetch } = await measureSdkSize();
    console.info(
      `bundle (min+gzip): @outdial/sdk create+wait ${sdk} B; openapi-fetch alone ${openapiFetch} B`,
    );
    expect(sdk).toBeLessThanOrEqual(SDK_SIZE_TARGET_BYTES);
    expect(sdk).toBeGreaterThan(openapiFetch); // it really bundled the SDK, not an empty entry
  });

  it('has openapi-fetch as its only runtime dependency, and no node: imports in dist', () => {
    expect(Object.keys(pkg.dependencies)).toEqual(['openapi-fetch']);
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/webhooks.js', 'dist/webhooks.cjs']) {
      expect(readFileSync(join(pkgDir, file), 'utf8')).not.toMatch(/\bnode:|require\(["'](?!openapi-fetch)/);
    }
  });

  it('declares no type it does not ship: @outdial/contract is inlined, openapi-fetch is a dependency', () => {
    for (const file of ['dist/index.d.ts', 'dist/index.d.cts']) {
      // Statements at the start of a line: the doc comments' examples import '@outdial/sdk'.
      const source = readFileSync(join(pkgDir, file), 'utf8');
      const imports = [...source.matchAll(/^(?:import|export)\b[^\n]*\bfrom ['"]([^'"]+)['"]/gm)];
      expect(new Set(imports.map((m) => m[1]))).toEqual(new Set(['openapi-fetch']));
    }
    // The webhooks entry point is self-contained: no shared chunk, not even openapi-fetch.
    for (const file of ['dist/webhooks.d.ts', 'dist/webhooks.d.cts']) {
      const source = readFileSync(join(pkgDir, file), 'utf8');
      expect(source).not.toMatch(/^(?:import|export)\b[^\n]*\bfrom ['"]/m);
    }
  });

  it('keeps the webhooks entry point out of the main bundle, and the client out of it', async () => {
    const bundled = async (contents: string) => {
      const result = await build({
        stdin: { contents, resolveDir: work, sourcefile: 'entry.mjs' },
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'neutral',
        mainFields: ['module', 'main'],
        logLevel: 'silent',
      });
      return new TextDecoder().decode(result.outputFiles[0]?.contents);
    };
    const main = await bundled(
      `import { Outdial } from '@outdial/sdk';\nconsole.log(new Outdial({ apiKey: 'k' }));`,
    );
    const receiver = await bundled(
      `import { verifyWebhook } from '@outdial/sdk/webhooks';\nconsole.log(verifyWebhook);`,
    );
    expect(main).not.toContain('webhook-signature');
    expect(receiver).toContain('webhook-signature');
    expect(receiver).not.toContain('/api/v1/calls');
    expect(receiver).not.toContain('openapi-fetch');
  });
});

describe.each(Object.entries(NODES))('@outdial/sdk/webhooks, built, on %s', (_name, node) => {
  it.each([
    ['import', "import('@outdial/sdk/webhooks')"],
    ['require', "Promise.resolve(require('@outdial/sdk/webhooks'))"],
  ])('verifies a signed delivery from %s', async (_how, load) => {
    // Signed here with node:crypto, independently of the SDK's own WebCrypto code.
    const script = `
      const { createHmac } = require('node:crypto');
      const secret = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
      const body = JSON.stringify({ id: 'evt_1', type: 'webhook.test', timestamp: 'now', data: { endpointId: 'we_1' } });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const mac = createHmac('sha256', Buffer.alloc(32, 7)).update('evt_1.' + timestamp + '.' + body).digest('base64');
      const headers = { 'webhook-id': 'evt_1', 'webhook-timestamp': timestamp, 'webhook-signature': 'v1,' + mac };
      ${load}.then(async ({ verifyWebhook, WebhookVerificationError }) => {
        const event = await verifyWebhook(Buffer.from(body), headers, secret);
        const error = await verifyWebhook(body + ' ', headers, secret).catch((e) => e);
        console.log(JSON.stringify({ type: event.type, rejected: error instanceof WebhookVerificationError && error.reason }));
      });`;
    const { stdout } = await run(node, ['-e', script], { cwd: work });
    expect(JSON.parse(stdout)).toEqual({ type: 'webhook.test', rejected: 'invalid_signature' });
  });
});
