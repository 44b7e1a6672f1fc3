/**
 * @module
 * A webhook signing secret, shown once (the API never returns it again) with a copy button.
 */
import { useState } from 'preact/hooks';

export function SecretOnce({ secret, label }: { secret: string; label: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied.');
    } catch {
      // No clipboard outside secure contexts: the text is selectable instead.
      setCopied('Copy failed: select the secret and copy it by hand.');
    }
  };
  return (
    <div class="secret" role="status">
      <p>
        <strong>{label}</strong> It is shown only now: store it where your receiver reads it.
      </p>
      <p>
        <code class="secret-value">{secret}</code>{' '}
        <button type="button" onClick={copy}>
          Copy secret
        </button>{' '}
        {copied && <span>{copied}</span>}
      </p>
    </div>
  );
}
