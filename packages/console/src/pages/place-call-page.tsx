/**
 * @module
 * Place a call: agent, phone number, caller ID (from the agent's numbers), priority, metadata and
 * variables. The API's validation messages are shown next to the fields they name
 * (`details[].field`). One Idempotency-Key per filled-in form: a double click, or a retry after a
 * lost answer, places one call; changing any field makes it a new submission.
 */
import type { Agent, CreateCallParams, Outdial } from '@outdial/sdk';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, fieldErrors } from '../error-text';
import { callHref } from '../hash-route';
import { newIdempotencyKey } from '../idempotency-key';

interface Form {
  agentId: string;
  phoneNumber: string;
  callerId: string;
  priority: string;
  metadata: string;
  variables: string;
}

/** A JSON object typed into a textarea, or the message to show beside it. */
function parseJsonObject(text: string, name: string): { value?: Record<string, unknown>; error?: string } {
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value))
      return { value: value as Record<string, unknown> };
  } catch {}
  return { error: `${name} must be a JSON object, like {"key": "value"}` };
}

export function PlaceCallPage({ outdial, agents }: { outdial: Outdial; agents: Agent[] }) {
  const voiceAgents = agents.filter((a) => a.type === 'voice' && a.status === 'active');
  const [form, setForm] = useState<Form>(() => ({
    agentId: voiceAgents[0]?.id ?? '',
    phoneNumber: '',
    callerId: '',
    priority: '5',
    metadata: '',
    variables: '',
  }));
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // A second submit before the page re-renders (a double click) sees no `submitting` yet: the ref
  // does, so it sends nothing (the key would make it the same call, but its late answer would
  // navigate again, away from wherever the user went meanwhile).
  const inFlight = useRef(false);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const agent = agents.find((a) => a.id === form.agentId);

  const set = (field: keyof Form, value: string) => {
    setForm((f) => ({ ...f, [field]: value, ...(field === 'agentId' && { callerId: '' }) }));
    setIdempotencyKey(newIdempotencyKey());
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (inFlight.current) return;
    const metadata = parseJsonObject(form.metadata, 'Metadata');
    const variables = parseJsonObject(form.variables, 'Variables');
    if (metadata.error || variables.error) {
      setErrors({
        ...(metadata.error && { metadata: metadata.error }),
        ...(variables.error && { variables: variables.error }),
      });
      return;
    }
    const params = {
      agentId: form.agentId,
      phoneNumber: form.phoneNumber.trim(),
      ...(form.callerId && { callerId: form.callerId }),
      // Sent as typed (a number when it is one), for the API to judge: its message is the one shown.
      priority: form.priority.trim() === '' ? undefined : Number(form.priority),
      ...(metadata.value && { metadata: metadata.value }),
      ...(variables.value && { variables: variables.value }),
    } as CreateCallParams;
    inFlight.current = true;
    setSubmitting(true);
    setErrors({});
    setMessage(null);
    try {
      const call = await outdial.calls.create(params, { idempotencyKey });
      // Only from this page: a user who went elsewhere while it was placed stays there.
      if (mounted.current) location.hash = callHref(call.id);
    } catch (error) {
      setErrors(fieldErrors(error));
      setMessage(errorText(error));
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const field = (name: keyof Form) => ({
    id: `place-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `place-${name}-error` : undefined,
  });
  const fieldError = (name: keyof Form) =>
    errors[name] && (
      <span class="field-error" id={`place-${name}-error`} data-field={name}>
        {errors[name]}
      </span>
    );

  return (
    <section aria-labelledby="place-title">
      <h1 id="place-title">Place a call</h1>
      <form class="stacked" onSubmit={submit} noValidate>
        <label for="place-agentId">Agent</label>
        <select
          {...field('agentId')}
          value={form.agentId}
          onChange={(e) => set('agentId', e.currentTarget.value)}
        >
          {voiceAgents.length === 0 && <option value="">No active voice agent</option>}
          {voiceAgents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        {fieldError('agentId')}

        <label for="place-phoneNumber">Phone number (E.164)</label>
        <input
          {...field('phoneNumber')}
          type="tel"
          autoComplete="off"
          placeholder="+14155552671"
          value={form.phoneNumber}
          onInput={(e) => set('phoneNumber', e.currentTarget.value)}
        />
        {fieldError('phoneNumber')}

        <label for="place-callerId">Caller ID</label>
        <select
          {...field('callerId')}
          value={form.callerId}
          onChange={(e) => set('callerId', e.currentTarget.value)}
        >
          <option value="">
            The agent's default{agent?.phoneNumbers[0] ? ` (${agent.phoneNumbers[0]})` : ''}
          </option>
          {agent?.phoneNumbers.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        {fieldError('callerId')}

        <label for="place-priority">Priority (0 most urgent – 10)</label>
        <input
          {...field('priority')}
          type="number"
          min={0}
          max={10}
          step={1}
          value={form.priority}
          onInput={(e) => set('priority', e.currentTarget.value)}
        />
        {fieldError('priority')}

        <label for="place-metadata">Metadata (JSON object, optional)</label>
        <textarea
          {...field('metadata')}
          rows={3}
          placeholder='{"customerId": "c_123"}'
          value={form.metadata}
          onInput={(e) => set('metadata', e.currentTarget.value)}
        />
        {fieldError('metadata')}

        <label for="place-variables">Variables (JSON object of strings, optional)</label>
        <textarea
          {...field('variables')}
          rows={3}
          placeholder='{"firstName": "Ada"}'
          value={form.variables}
          onInput={(e) => set('variables', e.currentTarget.value)}
        />
        {fieldError('variables')}

        <button type="submit" class="primary" disabled={submitting}>
          {submitting ? 'Placing…' : 'Place call'}
        </button>
        {message && (
          <p role="alert" class="error">
            {message}
          </p>
        )}
      </form>
    </section>
  );
}
