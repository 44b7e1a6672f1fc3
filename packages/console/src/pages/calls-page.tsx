/**
 * @module
 * Calls, live: the organization's calls newest first, a page at a time (cursor pagination), with
 * filters. Rows change as events arrive on the live stream, and a new call that matches the
 * filters appears at the top of the first page: no polling, no reload. A batch links here with its
 * id as the batch filter (`#/calls?batchId=…`): every attempt at its contacts, retries included.
 */
import type { Agent, Call, CallStatus, ListCallsParams, Outdial } from '@outdial/sdk';
import { useEffect, useState } from 'preact/hooks';
import { StatusChip } from '../components/status-chip';
import { errorText } from '../error-text';
import { formatDuration, formatTime } from '../format';
import { callHref } from '../hash-route';
import { type LiveEvents, useLiveEvents } from '../live-events';

export const PAGE_SIZE = 25;
const STATUSES: CallStatus[] = [
  'scheduled',
  'queued',
  'connecting',
  'ringing',
  'active',
  'completed',
  'failed',
  'cancelled',
  'no_answer',
  'busy',
];

interface Filters {
  status: string;
  agentId: string;
  phoneNumber: string;
  batchId: string;
}

const matches = (call: Call, f: Filters) =>
  (!f.status || call.status === f.status) &&
  (!f.agentId || call.agentId === f.agentId) &&
  (!f.phoneNumber || call.phoneNumber === f.phoneNumber) &&
  (!f.batchId || call.batchId === f.batchId);

export function CallsPage({
  outdial,
  live,
  agents,
  batchId = '',
}: {
  outdial: Outdial;
  live: LiveEvents;
  agents: Agent[];
  /** The batch filter the page opens with (a batch's "Calls of this batch" link). */
  batchId?: string | undefined;
}) {
  const [draft, setDraft] = useState<Filters>({ status: '', agentId: '', phoneNumber: '', batchId });
  const [filters, setFilters] = useState<Filters>(draft);
  /** The cursors of the pages before this one, to go back; `undefined` is the first page. */
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [calls, setCalls] = useState<Call[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cursor = cursors.at(-1);
  const firstPage = cursors.length === 1;

  useEffect(() => {
    let current = true;
    setError(null);
    const query: ListCallsParams & { cursor?: string } = {
      limit: PAGE_SIZE,
      ...(filters.status && { status: [filters.status as CallStatus] }),
      ...(filters.agentId && { agentId: filters.agentId }),
      ...(filters.phoneNumber && { phoneNumber: filters.phoneNumber }),
      ...(filters.batchId && { batchId: filters.batchId }),
      ...(cursor && { cursor }),
    };
    outdial.calls.list(query).then(
      (page) => {
        if (!current) return;
        setCalls(page.data);
        setNextCursor(page.hasMore ? page.nextCursor : null);
      },
      (e) => current && setError(errorText(e)),
    );
    return () => {
      current = false;
    };
  }, [outdial, filters, cursor]);

  useLiveEvents(
    live,
    (event) => {
      const changed = event.data;
      setCalls((shown) => {
        if (!shown) return shown;
        const at = shown.findIndex((c) => c.id === changed.id);
        if (at >= 0) {
          // Events arrive in order, but the page may have been read after this one was sent.
          if ((shown[at] as Call).updatedAt > changed.updatedAt) return shown;
          return shown.map((c, i) => (i === at ? { ...changed, queuePosition: null } : c));
        }
        if (!firstPage || !matches(changed, filters)) return shown;
        return [changed, ...shown].toSorted((a, b) => b.startedAt.localeCompare(a.startedAt));
      });
    },
    [filters, firstPage],
  );

  const apply = (e: Event) => {
    e.preventDefault();
    setFilters({ ...draft, phoneNumber: draft.phoneNumber.trim(), batchId: draft.batchId.trim() });
    setCursors([undefined]);
  };

  return (
    <section aria-labelledby="calls-title">
      <h1 id="calls-title">Calls</h1>
      <form class="filters" onSubmit={apply}>
        <label>
          Status
          <select
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value })}
          >
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          Agent
          <select
            value={draft.agentId}
            onChange={(e) => setDraft({ ...draft, agentId: e.currentTarget.value })}
          >
            <option value="">Any</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Phone number
          <input
            type="tel"
            placeholder="+14155552671"
            value={draft.phoneNumber}
            onInput={(e) => setDraft({ ...draft, phoneNumber: e.currentTarget.value })}
          />
        </label>
        <label>
          Batch ID
          <input
            placeholder="batch_…"
            value={draft.batchId}
            onInput={(e) => setDraft({ ...draft, batchId: e.currentTarget.value })}
          />
        </label>
        <button type="submit">Filter</button>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {calls === null && !error && <p>Loading…</p>}
      {calls && calls.length === 0 && <p>No calls.</p>}
      {calls && calls.length > 0 && (
        <div class="table-wrap">
          <table class="calls">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Call</th>
                <th scope="col">Phone number</th>
                <th scope="col">Agent</th>
                <th scope="col">Status</th>
                <th scope="col">Priority</th>
                <th scope="col">Duration</th>
                <th scope="col">Attempt</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((call) => (
                <tr key={call.id} data-call-id={call.id}>
                  <td>{formatTime(call.startedAt)}</td>
                  <td>
                    <a href={callHref(call.id)}>{call.id}</a>
                  </td>
                  <td>{call.phoneNumber}</td>
                  <td>{call.agent.name}</td>
                  <td class="status">
                    <StatusChip status={call.status} />
                  </td>
                  <td>{call.priority}</td>
                  <td>{formatDuration(call.duration)}</td>
                  <td>{call.attempt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label="Pages of calls">
        <button type="button" disabled={firstPage} onClick={() => setCursors([undefined])}>
          Newest
        </button>
        <button type="button" disabled={firstPage} onClick={() => setCursors(cursors.slice(0, -1))}>
          Previous page
        </button>
        <button
          type="button"
          disabled={nextCursor === null}
          onClick={() => nextCursor && setCursors([...cursors, nextCursor])}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}
