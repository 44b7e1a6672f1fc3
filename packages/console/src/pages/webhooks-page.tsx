/**
 * @module
 * Webhook endpoints: create one (its secret shown once), enable or disable, rotate the secret,
 * delete; each links to its delivery log.
 */
import type { Outdial, WebhookEndpoint } from '@outdial/sdk';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { SecretOnce } from '../components/secret-once';
import { errorText, fieldErrors } from '../error-text';
import { webhookHref } from '../hash-route';

export function WebhooksPage({ outdial }: { outdial: Outdial }) {
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[] | null>(null);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      outdial.webhookEndpoints.list({ limit: 100 }).then(
        (page) => setEndpoints(page.data),
        (e) => setMessage(errorText(e)),
      ),
    [outdial],
  );
  useEffect(() => void reload(), [reload]);

  /** Runs one action, shows its error if any, and reads the list again. */
  const act = async (action: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await action();
    } catch (e) {
      setMessage(errorText(e));
    }
    await reload();
  };

  const create = async (e: Event) => {
    e.preventDefault();
    setErrors({});
    setMessage(null);
    try {
      const created = await outdial.webhookEndpoints.create({
        url: url.trim(),
        ...(description.trim() && { description: description.trim() }),
      });
      setSecret({ label: `Signing secret of ${created.url}.`, value: created.secret });
      setUrl('');
      setDescription('');
    } catch (error) {
      setErrors(fieldErrors(error));
      setMessage(errorText(error));
    }
    await reload();
  };

  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">Webhooks</h1>
      <form class="stacked" onSubmit={create} noValidate aria-label="New webhook endpoint">
        <h2>New endpoint</h2>
        <label for="webhook-url">URL</label>
        <input
          id="webhook-url"
          type="url"
          placeholder="https://example.com/outdial/webhooks"
          value={url}
          aria-invalid={errors.url ? true : undefined}
          aria-describedby={errors.url ? 'webhook-url-error' : undefined}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
        {errors.url && (
          <span class="field-error" id="webhook-url-error">
            {errors.url}
          </span>
        )}
        <label for="webhook-description">Description (optional)</label>
        <input
          id="webhook-description"
          value={description}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
        <button type="submit" class="primary">
          Create endpoint
        </button>
      </form>
      {secret && <SecretOnce secret={secret.value} label={secret.label} />}
      {message && (
        <p role="alert" class="error">
          {message}
        </p>
      )}
      <h2>Endpoints</h2>
      {endpoints?.length === 0 && <p>No endpoints yet.</p>}
      {endpoints && endpoints.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">Status</th>
                <th scope="col">Events</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((endpoint) => (
                <tr key={endpoint.id} data-endpoint-id={endpoint.id}>
                  <td>
                    <a href={webhookHref(endpoint.id)}>{endpoint.url}</a>
                    {endpoint.description && <div class="muted">{endpoint.description}</div>}
                  </td>
                  <td>
                    <span class={`chip chip-${endpoint.status === 'enabled' ? 'ok' : 'bad'}`}>
                      {endpoint.status}
                      {endpoint.disabledReason && ` (${endpoint.disabledReason})`}
                    </span>
                  </td>
                  <td>{endpoint.enabledEvents.join(', ')}</td>
                  <td class="actions">
                    <button
                      type="button"
                      onClick={() =>
                        act(() =>
                          outdial.webhookEndpoints.update(endpoint.id, {
                            status: endpoint.status === 'enabled' ? 'disabled' : 'enabled',
                          }),
                        )
                      }
                    >
                      {endpoint.status === 'enabled' ? 'Disable' : 'Enable'}
                    </button>
                    <button
                      type="button"
                      onClick={() =>
                        act(async () => {
                          const rotated = await outdial.webhookEndpoints.rotateSecret(endpoint.id);
                          setSecret({
                            label: `New signing secret of ${endpoint.url}.`,
                            value: rotated.secret,
                          });
                        })
                      }
                    >
                      Rotate secret
                    </button>
                    {confirmDelete === endpoint.id ? (
                      <button
                        type="button"
                        class="danger"
                        onClick={() => act(() => outdial.webhookEndpoints.delete(endpoint.id))}
                      >
                        Confirm delete
                      </button>
                    ) : (
                      <button type="button" onClick={() => setConfirmDelete(endpoint.id)}>
                        Delete
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
