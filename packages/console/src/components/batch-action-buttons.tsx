/**
 * @module
 * Pause, Resume and Cancel for a batch, each offered only while its status allows it. The batch
 * may have changed since it was read (another tab, the last call ending): the API's 409 message
 * ("Batch has already finished: completed") is shown as it is.
 */
import type { Batch, Outdial } from '@outdial/sdk';
import { useState } from 'preact/hooks';
import { allowedActions, type BatchAction } from '../batch-actions';
import { errorText } from '../error-text';

const LABELS: Record<BatchAction, [idle: string, busy: string]> = {
  pause: ['Pause', 'Pausing…'],
  resume: ['Resume', 'Resuming…'],
  cancel: ['Cancel batch', 'Cancelling…'],
};

export function BatchActionButtons({
  outdial,
  batch,
  onChange,
}: {
  outdial: Outdial;
  batch: Batch;
  onChange: (batch: Batch) => void;
}) {
  const [running, setRunning] = useState<BatchAction | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: BatchAction) => {
    setRunning(action);
    setError(null);
    try {
      onChange(await outdial.batches[action](batch.id));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRunning(null);
    }
  };

  return (
    <div class="actions">
      {allowedActions(batch.status).map((action) => (
        <button
          key={action}
          type="button"
          class={action === 'cancel' ? 'danger' : undefined}
          disabled={running !== null}
          onClick={() => run(action)}
        >
          {LABELS[action][running === action ? 1 : 0]}
        </button>
      ))}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
