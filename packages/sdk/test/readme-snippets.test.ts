/**
 * Every ```ts block of README.md runs as written. Each is a complete program: it is type-checked
 * against the SDK, bundled with it, and run by Node in a child process against a real Outdial
 * server (in-process LiveKit emulator), given only the prelude the README documents:
 * OUTDIAL_BASE_URL, OUTDIAL_API_KEY and OUTDIAL_AGENT_ID.
 *
 * A block fenced ```ts no-run is a fragment, neither checked nor run; a few at most.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const pkgDir = join(import.meta.dirname, '..');
const sdkEntry = join(pkgDir, 'src/index.ts');
const webhooksEntry = join(pkgDir, 'src/webhooks/index.ts');
// The receivers' frameworks (express) are this package's devDependencies; the snippets live in a
// temporary folder, so both tsc and esbuild are pointed at them.
const devModules = join(pkgDir, 'node_modules');
const readme = readFileSync(join(pkgDir, 'README.md'), 'utf8');
const FENCE_OPTIONS = new Set(['no-run']);
const MAX_NO_RUN = 1;

/**
 * The slice of `@outdial/server` used here, typed locally (kysely-style) and imported by a
 * specifier tsc does not follow: otherwise this package's typecheck would check the whole
 * server's sources. vitest still resolves it, through the workspace alias, to the server's source.
 */
interface RunningServer {
  url: string;
  admin: {
    createOrganization(name: string): Promise<{ id: string }>;
    createApiKey(organizationId: string): Promise<{ key: string }>;
    createAgent(
      organizationId: string,
      input: { name: string; phoneNumbers: string[] },
    ): Promise<{ id: string }>;
  };
  close(): Promise<void>;
}
const SERVER_MODULE: string = '@outdial/server';
const { startServer } = (await import(SERVER_MODULE)) as {
  startServer(options: Record<string, unknown>): Promise<RunningServer>;
};

interface CodeBlock {
  lang: string;
  options: string[];
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The nearest heading above it. */
  heading: string;
}

function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let heading = '';
  let open: (CodeBlock & { lines: string[] }) | undefined;
  markdown.split('\n').forEach((text, index) => {
    const fence = /^```(\S*)\s*(.*)$/.exec(text);
    if (open) {
      if (fence && !fence[1] && !fence[2]) {
        blocks.push({ ...open, code: open.lines.join('\n') });
        open = undefined;
      } else open.lines.push(text);
    } else if (fence) {
      const options = fence[2]?.split(/\s+/).filter(Boolean) ?? [];
      open = { lang: fence[1] ?? '', options, code: '', line: index + 1, heading, lines: [] };
    } else if (text.startsWith('#')) heading = text.replace(/^#+\s*/, '');
  });
  if (open) throw new Error(`README.md: unclosed code block at line ${open.line}`);
  return blocks;
}

const snippets = codeBlocks(readme).filter((block) => block.lang === 'ts' || block.lang === 'typescript');
const runnable = snippets
  .filter((snippet) => !snippet.options.includes('no-run'))
  .map((snippet, i) => ({ ...snippet, file: `snippet-${i + 1}.ts` }));

let server: RunningServer;
let prelude: Record<string, string>;
let work: string;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    dbPath: ':memory:',
    livekit: 'emulate',
    // Quick, but slow enough that a call cancelled right after it is placed has not ended yet.
    emulatorTimings: { ringMs: 200, talkMs: 600, earlyHangupMs: 60, noAnswerMs: 80, failMs: 20 },
    dialCps: 200,
    rateLimit: false,
    validateResponses: true,
    logLevel: 'silent',
    // The webhook snippets receive on loopback, which deliveries refuse by default.
    webhookAllowPrivate: true,
  });
  const org = await server.admin.createOrganization('Readme');
  const { key } = await server.admin.createApiKey(org.id);
  const agent = await server.admin.createAgent(org.id, {
    name: 'Readme voice',
    phoneNumbers: ['+14155550100'],
  });
  prelude = { OUTDIAL_BASE_URL: server.url, OUTDIAL_API_KEY: key, OUTDIAL_AGENT_ID: agent.id };
  work = mkdtempSync(join(tmpdir(), 'outdial-readme-'));
  for (const snippet of runnable) writeFileSync(join(work, snippet.file), snippet.code);
}, 30_000);

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('README.md', () => {
  it('says how to install, and marks at most a few ts blocks no-run, with known fence options only', () => {
    expect(readme.includes('npm install @outdial/sdk'), 'an install line').toBe(true);
    expect(runnable.length).toBeGreaterThan(0);
    expect(snippets.flatMap((s) => s.options.filter((o) => !FENCE_OPTIONS.has(o)))).toEqual([]);
    expect(snippets.length - runnable.length).toBeLessThanOrEqual(MAX_NO_RUN);
  });

  it('type-checks every snippet', () => {
    // Settings of a typical strict Node project; `@outdial/sdk` is this package's source.
    const program = ts.createProgram(
      runnable.map((snippet) => join(work, snippet.file)),
      {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        moduleDetection: ts.ModuleDetectionKind.Force,
        lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
        types: ['node'],
        typeRoots: [join(pkgDir, '../../node_modules/@types'), join(devModules, '@types')],
        paths: {
          '@outdial/sdk': [sdkEntry],
          '@outdial/sdk/webhooks': [webhooksEntry],
          '*': [join(devModules, '@types/*'), join(devModules, '*')],
        },
      },
    );
    // Only the snippets' own diagnostics: the SDK's sources are checked by `pnpm typecheck`, and
    // checking them all here again would take several times longer.
    const sources = program.getSourceFiles().filter((file) => file.fileName.startsWith(work));
    expect(sources).toHaveLength(runnable.length);
    const problems = [
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...sources.flatMap((file) => [
        ...program.getSyntacticDiagnostics(file),
        ...program.getSemanticDiagnostics(file),
      ]),
    ].map((d) => {
      const where =
        d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const snippet = runnable.find((s) => d.file?.fileName === join(work, s.file));
      const at = snippet && where ? `README.md:${snippet.line + 1 + where.line}` : 'README.md';
      return `${at}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
  }, 60_000);

  it.each(runnable.map((snippet) => [`${snippet.heading} (line ${snippet.line})`, snippet] as const))(
    'runs %s',
    async (_label, snippet) => {
      const outfile = join(work, snippet.file.replace(/\.ts$/, '.mjs'));
      await build({
        entryPoints: [join(work, snippet.file)],
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node18',
        outfile,
        logLevel: 'silent',
        nodePaths: [devModules],
        // CommonJS dependencies bundled into ESM (express) `require` Node's built-ins.
        banner: {
          js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        },
        plugins: [
          {
            name: 'outdial-sdk-source',
            setup: (b) => {
              b.onResolve({ filter: /^@outdial\/sdk$/ }, () => ({ path: sdkEntry }));
              b.onResolve({ filter: /^@outdial\/sdk\/webhooks$/ }, () => ({ path: webhooksEntry }));
            },
          },
        ],
      });
      // Only the documented prelude: a snippet that needs anything else fails here.
      const env = { PATH: process.env.PATH ?? '', ...prelude };
      try {
        await run(process.execPath, [outfile], { cwd: work, env, timeout: 60_000 });
      } catch (error) {
        const { stdout, stderr } = error as { stdout?: string; stderr?: string };
        throw new Error(`README.md snippet at line ${snippet.line} failed:\n${stderr}\n${stdout}`);
      }
    },
    90_000,
  );
});
