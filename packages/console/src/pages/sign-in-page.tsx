/**
 * @module
 * Sign in with an API key. The key stays in this tab (sessionStorage) until "Sign out".
 */
import { useState } from 'preact/hooks';

export function SignInPage({
  onSignIn,
  error,
}: {
  onSignIn: (apiKey: string) => Promise<void>;
  error: string | null;
}) {
  const [apiKey, setApiKey] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    await onSignIn(apiKey.trim());
    setBusy(false);
  };
  return (
    <main class="sign-in">
      <h1>Outdial Console</h1>
      <form class="stacked" onSubmit={submit} noValidate>
        <label for="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          required
          value={apiKey}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'sign-in-error' : undefined}
          onInput={(e) => setApiKey(e.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={busy || apiKey.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {error && (
          <p role="alert" class="error" id="sign-in-error">
            {error}
          </p>
        )}
      </form>
      <p class="muted">The key is kept in this tab only, and forgotten when you sign out or close it.</p>
    </main>
  );
}
