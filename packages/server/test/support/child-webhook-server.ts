/**
 * @module
 * The server in a real Node process (webhook-server-child-process.ts), to kill with SIGKILL while
 * it delivers webhooks and start again on the same database.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WebhookServerChildConfig } from './webhook-server-child-process';

export interface ChildWebhookServer {
  url: string;
  apiKey?: string;
  agentId?: string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | NodeJS.Signals | null>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts the child and waits until it listens. */
export async function startChildWebhookServer(config: WebhookServerChildConfig): Promise<ChildWebhookServer> {
  const script = fileURLToPath(new URL('./webhook-server-child-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // The tsconfig's `paths` resolve the workspace packages to their sources, as vitest's aliases do.
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
    },
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const started = await new Promise<{ url: string; apiKey?: string; agentId?: string }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve(JSON.parse(out.slice(0, newline)));
    });
    void exited.then((how) => reject(new Error(`child exited before it was ready (${how})`)));
  });
  return { ...started, exited, kill: (signal) => child.kill(signal) };
}
