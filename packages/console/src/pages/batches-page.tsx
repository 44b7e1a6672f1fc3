/**
 * @module
 * Batches: the organization's batches newest first, a page at a time (cursor pagination), each
 * with its progress from the counters, its status, and Pause / Resume / Cancel where allowed.
 *
 * The API has no batch events (the live stream carries call events only), so while any batch on
 * the page is not final the page is read again every 2 s; once all are final it is not.
 */
import type { Batch, ListBatchesParams, Outdial } from '@outdial/sdk';
import { useState } from 'preact/hooks';
import { isFinalBatch } from '../batch-actions';
import { BatchActionButtons } from '../components/batch-action-buttons';
import { BatchProgress } from '../components/batch-progress';
import { StatusChip } from '../components/status-chip';
import { formatTime } from '../format';
import { batchHref } from '../hash-route';
import { useRefreshingRead } from '../refreshing-read';

export const PAGE_SIZE = 25;
export const BATCH_REFRESH_MS = 2000;

interface BatchPage {
  batches: Batch[];
  nextCursor: string | null;
}

export function BatchesPage({ outdial }: { outdial: Outdial }) {
  /** The cursors of the pages before this one, to go back; `undefined` is the first page. */
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const firstPage = cursors.length === 1;

  const {
    value: page,
    error,
    setValue,
  } = useRefreshingRead<BatchPage>(
    async () => {
      const query: ListBatchesParams & { cursor?: string } = { limit: PAGE_SIZE, ...(cursor && { cursor }) };
      const read = await outdial.batches.list(query);
      return { batches: read.data, nextCursor: read.hasMore ? read.nextCursor : null };
    },
    ({ batches }) => batches.some((b) => !isFinalBatch(b.status)),
    BATCH_REFRESH_MS,
    [outdial, cursor],
  );
  const replace = (changed: Batch) =>
    setValue(
      (shown) =>
        shown && { ...shown, batches: shown.batches.map((b) => (b.id === changed.id ? changed : b)) },
    );

  return (
    <section aria-labelledby="batches-title">
      <h1 id="batches-title">Batches</h1>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {page === null && !error && <p>Loading…</p>}
      {page && page.batches.length === 0 && <p>No batches. Create one with `outdial.batches.create`.</p>}
      {page && page.batches.length > 0 && (
        <div class="table-wrap">
          <table class="batches">
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Batch</th>
                <th scope="col">Status</th>
                <th scope="col">Progress</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {page.batches.map((batch) => (
                <tr key={batch.id} data-batch-id={batch.id}>
                  <td>{formatTime(batch.createdAt)}</td>
                  <td>
                    <a href={batchHref(batch.id)}>{batch.name}</a>
                    <div class="muted batch-id">{batch.id}</div>
                  </td>
                  <td class="status">
                    <StatusChip status={batch.status} />
                  </td>
                  <td>
                    <BatchProgress batch={batch} />
                  </td>
                  <td>
                    <BatchActionButtons outdial={outdial} batch={batch} onChange={replace} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label="Pages of batches">
        <button type="button" disabled={firstPage} onClick={() => setCursors([undefined])}>
          Newest
        </button>
        <button type="button" disabled={firstPage} onClick={() => setCursors(cursors.slice(0, -1))}>
          Previous page
        </button>
        <button
          type="button"
          disabled={!page?.nextCursor}
          onClick={() => page?.nextCursor && setCursors([...cursors, page.nextCursor])}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}
