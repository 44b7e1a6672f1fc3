/**
 * @module
 * One call: its details, the timeline of every event (live: events of this call are appended as
 * they arrive), its queue position while queued, and Cancel while it has not ended.
 */
import { type Call, type CallEvent, isTerminalStatus, type Outdial } from '@outdial/sdk';
import { useEffect, useRef, useState } from 'preact/hooks';
import { StatusChip } from '../components/status-chip';
import { errorText } from '../error-text';
import { formatDuration, formatTime } from '../format';
import { type LiveEvents, useLiveEvents } from '../live-events';

const json = (value: unknown) => JSON.stringify(value, null, 2);

export function CallPage({ outdial, live, callId }: { outdial: Outdial; live: LiveEvents; callId: string }) {
  const [call, setCall] = useState<Call | null>(null);
  const [events, setEvents] = useState<CallEvent[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  /** A re-read of the queue position is under way: events meanwhile need no other. */
  const rereading = useRef(false);

  useEffect(() => {
    let current = true;
    setCall(null);
    setEvents([]);
    setError(null);
    Promise.all([outdial.calls.get(callId), outdial.calls.listEvents(callId)]).then(
      ([loaded, { events: timeline }]) => {
        if (!current) return;
        setCall(loaded);
        // A live event may have come in while these were read: keep each event once, in order.
        setEvents((streamed) => mergeEvents(timeline, streamed));
      },
      (e) => current && setError(errorText(e)),
    );
    return () => {
      current = false;
    };
  }, [outdial, callId]);

  useLiveEvents(
    live,
    (event) => {
      if (event.data.id === callId) {
        setEvents((shown) => mergeEvents(shown, [event]));
        setCall((shown) => (shown && shown.updatedAt > event.data.updatedAt ? shown : event.data));
      }
      // Events carry no queue position, and any dial moves it: read the call again while queued.
      if (call?.status === 'queued' && !rereading.current) {
        rereading.current = true;
        outdial.calls
          .get(callId)
          .then(setCall, () => {})
          .finally(() => {
            rereading.current = false;
          });
      }
    },
    [callId, call?.status],
  );

  const cancel = async () => {
    setCancelling(true);
    setError(null);
    try {
      await outdial.calls.cancel(callId);
      setCall(await outdial.calls.get(callId));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setCancelling(false);
    }
  };

  return (
    <section aria-labelledby="call-title">
      <h1 id="call-title">Call {callId}</h1>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!call && !error && <p>Loading…</p>}
      {call && (
        <>
          <p class="call-status">
            Status: <StatusChip status={call.status} />
            {call.status === 'queued' && call.queuePosition !== null && (
              <span class="queue-position"> — position {call.queuePosition} in the Dial queue</span>
            )}
            {!isTerminalStatus(call.status) && (
              <button type="button" class="danger" disabled={cancelling} onClick={cancel}>
                {cancelling ? 'Cancelling…' : 'Cancel call'}
              </button>
            )}
          </p>
          <dl class="details">
            <dt>Phone number</dt>
            <dd>{call.phoneNumber}</dd>
            <dt>Caller ID</dt>
            <dd>{call.callerId}</dd>
            <dt>Agent</dt>
            <dd>{call.agent.name}</dd>
            <dt>Priority</dt>
            <dd>{call.priority}</dd>
            <dt>Started</dt>
            <dd>{formatTime(call.startedAt)}</dd>
            <dt>Answered</dt>
            <dd>{formatTime(call.answeredAt)}</dd>
            <dt>Ended</dt>
            <dd>{formatTime(call.endedAt)}</dd>
            <dt>Duration</dt>
            <dd>{formatDuration(call.duration)}</dd>
            <dt>Failure reason</dt>
            <dd>{call.failureReason ?? '—'}</dd>
            <dt>Cancellation</dt>
            <dd>{call.cancellation?.replace('_', ' ') ?? '—'}</dd>
            <dt>LiveKit room</dt>
            <dd>{call.roomId ?? '—'}</dd>
            <dt>LiveKit job</dt>
            <dd>{call.jobId ?? '—'}</dd>
            <dt>SIP participant</dt>
            <dd>{call.sipParticipantId ?? '—'}</dd>
            <dt>Metadata</dt>
            <dd>
              <pre>{json(call.metadata)}</pre>
            </dd>
            <dt>Variables</dt>
            <dd>
              <pre>{json(call.variables)}</pre>
            </dd>
          </dl>
          <h2>Timeline</h2>
          <ol class="timeline">
            {events.map((event) => (
              <li key={event.id} data-event-type={event.type}>
                <time dateTime={event.timestamp}>{formatTime(event.timestamp)}</time>{' '}
                <strong>{event.type}</strong>
                {event.data.failureReason && <span> — {event.data.failureReason}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function mergeEvents(a: CallEvent[], b: CallEvent[]): CallEvent[] {
  const byId = new Map([...a, ...b].map((e) => [e.id, e]));
  return [...byId.values()].toSorted((x, y) => x.sequence - y.sequence);
}
