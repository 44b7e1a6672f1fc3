/**
 * @module
 * The signed-in API key: in `sessionStorage` only (gone with the tab, never in a URL or
 * `localStorage`), and the SDK client made from it.
 */
import { Outdial } from '@outdial/sdk';

const STORAGE_KEY = 'outdial.console.apiKey';

export function savedApiKey(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function saveApiKey(apiKey: string): void {
  sessionStorage.setItem(STORAGE_KEY, apiKey);
}

export function forgetApiKey(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

/** The console talks to the server that served it: same origin, so no CORS is involved. */
export function consoleClient(apiKey: string): Outdial {
  return new Outdial({ apiKey, baseUrl: location.origin, maxRetries: 1 });
}
