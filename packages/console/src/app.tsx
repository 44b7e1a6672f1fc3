/**
 * @module
 * The app: sign in with an API key, then the pages behind a navigation bar. The key is checked
 * by reading the organization's agents (which every page needs): a wrong key gets the API's own
 * answer, `Unauthorized`.
 */
import type { Agent, Outdial } from '@outdial/sdk';
import { useEffect, useState } from 'preact/hooks';
import { errorText } from './error-text';
import { type Route, useHashRoute } from './hash-route';
import { LiveEvents } from './live-events';
import { BatchPage } from './pages/batch-page';
import { BatchesPage } from './pages/batches-page';
import { CallPage } from './pages/call-page';
import { CallsPage } from './pages/calls-page';
import { PlaceCallPage } from './pages/place-call-page';
import { QueuePage } from './pages/queue-page';
import { SignInPage } from './pages/sign-in-page';
import { WebhookPage } from './pages/webhook-page';
import { WebhooksPage } from './pages/webhooks-page';
import { consoleClient, forgetApiKey, saveApiKey, savedApiKey } from './session';

interface Session {
  outdial: Outdial;
  live: LiveEvents;
  agents: Agent[];
}

async function openSession(apiKey: string, onStreamFailure: (e: unknown) => void): Promise<Session> {
  const outdial = consoleClient(apiKey);
  const agents = await outdial.agents.list({ limit: 100 }).toArray();
  return { outdial, agents, live: new LiveEvents(outdial, onStreamFailure) };
}

const NAV: { page: Route['page']; href: string; label: string }[] = [
  { page: 'calls', href: '#/calls', label: 'Calls' },
  { page: 'place', href: '#/place', label: 'Place a call' },
  { page: 'queue', href: '#/queue', label: 'Dial queue' },
  { page: 'batches', href: '#/batches', label: 'Batches' },
  { page: 'webhooks', href: '#/webhooks', label: 'Webhooks' },
];
const SECTIONS: Partial<Record<Route['page'], Route['page']>> = {
  call: 'calls',
  batch: 'batches',
  webhook: 'webhooks',
};
const section = (page: Route['page']) => SECTIONS[page] ?? page;

export function App() {
  const route = useHashRoute();
  const [session, setSession] = useState<Session | null>(null);
  const [signInError, setSignInError] = useState<string | null>(null);
  const [streamError, setStreamError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(() => savedApiKey() !== null);

  const signIn = async (apiKey: string) => {
    setSignInError(null);
    try {
      const opened = await openSession(apiKey, (e) =>
        setStreamError(`Live updates stopped: ${errorText(e)}`),
      );
      saveApiKey(apiKey);
      setSession(opened);
    } catch (e) {
      forgetApiKey();
      setSignInError(errorText(e));
    }
  };

  // A reload keeps the tab's key (sessionStorage): sign in with it again.
  useEffect(() => {
    const saved = savedApiKey();
    if (saved) void signIn(saved).finally(() => setRestoring(false));
  }, []);

  const signOut = () => {
    session?.live.close();
    forgetApiKey();
    setSession(null);
    setStreamError(null);
  };

  if (!session) {
    return restoring ? (
      <p class="loading">Signing in…</p>
    ) : (
      <SignInPage onSignIn={signIn} error={signInError} />
    );
  }
  const { outdial, live, agents } = session;
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Outdial Console</span>
        <nav aria-label="Console">
          {NAV.map((item) => (
            <a
              key={item.page}
              href={item.href}
              aria-current={section(route.page) === item.page ? 'page' : undefined}
            >
              {item.label}
            </a>
          ))}
        </nav>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      {streamError && (
        <p role="alert" class="error">
          {streamError}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {route.page === 'calls' && (
          <CallsPage
            key={route.batchId ?? ''}
            outdial={outdial}
            live={live}
            agents={agents}
            batchId={route.batchId}
          />
        )}
        {route.page === 'call' && (
          <CallPage key={route.callId} outdial={outdial} live={live} callId={route.callId} />
        )}
        {route.page === 'place' && <PlaceCallPage outdial={outdial} agents={agents} />}
        {route.page === 'queue' && <QueuePage outdial={outdial} />}
        {route.page === 'batches' && <BatchesPage outdial={outdial} />}
        {route.page === 'batch' && (
          <BatchPage key={route.batchId} outdial={outdial} agents={agents} batchId={route.batchId} />
        )}
        {route.page === 'webhooks' && <WebhooksPage outdial={outdial} />}
        {route.page === 'webhook' && (
          <WebhookPage key={route.endpointId} outdial={outdial} endpointId={route.endpointId} />
        )}
      </main>
    </>
  );
}
