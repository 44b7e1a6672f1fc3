// Generated from openapi.yaml by `pnpm generate`. Do not edit.

/** openapi.yaml, byte for byte. */
export const openApiYaml: string = "openapi: 3.1.0\ninfo:\n  title: Outdial Calls API\n  version: 1.0.0\n  summary: Place, track and cancel outbound AI voice calls, paced to your SIP trunk's CPS budget.\n  description: |\n    The Outdial Calls API queues outbound AI voice calls, paces the dials to the SIP trunk's\n    calls-per-second (CPS) budget, places them through LiveKit (room, agent dispatch, SIP\n    participant) and tracks each call through\n    `queued → connecting → ringing → active → completed` (or `failed`, `busy`, `no_answer`,\n    `cancelled`).\n\n    This document is the single source of truth: the SDK's types, the server's request and\n    response validation and the mock are all produced from it or checked against it.\n\n    ## Error messages\n    Every 4xx/5xx response uses the error envelope (`ErrorResponse`). The exact messages live\n    in this document so that the server and the mock read them from one place:\n    - `x-error-catalog` (at the root) maps each error rule to its status, `type` and message\n      template (`{placeholder}` marks a value filled in at run time);\n    - `x-error-message` on a request schema property is the message used when that property\n      fails validation, rendered as `Validation error: <message>`.\n\n    ## Requests\n    - Query values may carry reserved characters unencoded, as HTTP clients send them\n      (`endDate=2025-12-31T23:59:59Z`): every query parameter is `allowReserved`. A `+` in a query\n      still means a space, so send the `+` of a phone number or an offset as `%2B`.\n    - A request body is read only by the operations that take one; the body of any other request\n      is ignored. A body may be sent with `Content-Encoding: gzip` or `deflate` (or `identity`);\n      size limits apply to the decoded body, and any other coding is refused with 400.\n    - Every `GET` operation also answers `HEAD`, with the same status and headers and no body.\n    - A request that is not valid HTTP (400), whose header fields are too large (431) or that does\n      not arrive in time (408) is answered in the error envelope before any route sees it, and its\n      connection is closed.\n    - Browsers on other origins may call the API when the server allows their origin (CORS):\n      preflight requests are answered before authentication, and the response headers this\n      document defines are exposed to scripts.\n  license:\n    name: MIT\n    identifier: MIT\n  contact:\n    name: Outdial maintainers\n    url: https://github.com/outdial/outdial\nservers:\n  - url: \"{origin}\"\n    description: Your Outdial server. `outdial serve` listens on port 3000 by default.\n    variables:\n      origin:\n        default: http://127.0.0.1:3000\n        description: The scheme, host and port of your server.\nsecurity:\n  - ApiKeyAuth: []\n  - BearerAuth: []\ntags:\n  - name: calls\n    description: Outbound calls, the Dial queue and call status.\n  - name: agents\n    description: The agents that handle calls. Each belongs to one organization.\n  - name: events\n    description: |\n      What happened to your calls, as events: a JSON feed and live Server-Sent Events streams.\n      Each status change of a call is one event, written in the same transaction as the change.\n  - name: batches\n    description: |\n      Many calls at once: up to 10,000 contacts per batch, accepted atomically, dialed within a\n      calling window with retries and a concurrency limit, and followed by counters.\n  - name: webhooks\n    description: |\n      Signed HTTP deliveries of your organization's events (Standard Webhooks), with a delivery\n      log and retries.\n  - name: health\n    description: Liveness, readiness and this document. No authentication.\n  - name: internal\n    description: Endpoints called by infrastructure (LiveKit), not by API clients. The SDK does not wrap them.\n\nx-error-catalog:\n  validation_error:\n    status: 400\n    type: validation_error\n    message: \"Validation error: {reason}\"\n  invalid_phone_number:\n    status: 400\n    type: validation_error\n    message: \"Validation error: Phone number must be in E.164 format (+1234567890)\"\n  invalid_agent_id:\n    status: 400\n    type: validation_error\n    message: \"Validation error: Invalid agent ID format\"\n  metadata_too_large:\n    status: 400\n    type: validation_error\n    message: \"Validation error: Metadata must be at most 16384 bytes when serialized as JSON\"\n  metadata_too_deep:\n    status: 400\n    type: validation_error\n    message: \"Validation error: Metadata must be nested at most 32 levels deep\"\n  scheduled_at_too_far:\n    status: 400\n    type: validation_error\n    message: \"Validation error: Scheduled time must be at most 90 days ahead\"\n  scheduled_at_in_past:\n    status: 400\n    type: validation_error\n    message: \"Validation error: Scheduled time must not be more than 5 minutes in the past\"\n  latest_at_too_early:\n    status: 400\n    type: validation_error\n    message: \"Validation error: Latest time must be after the scheduled time and in the future\"\n  calling_window_empty:\n    status: 400\n    type: validation_error\n    message: \"Validation error: Calling window start and end must differ\"\n  invalid_time_zone:\n    status: 400\n    type: validation_error\n    message: \"Validation error: Calling window time zone must be an IANA time zone (such as America/New_York)\"\n  date_time_out_of_range:\n    status: 400\n    type: validation_error\n    message: \"Validation error: {field} must be between 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z\"\n  unsupported_media_type:\n    status: 400\n    type: validation_error\n    message: \"Validation error: Content-Type must be application/json\"\n  invalid_json:\n    status: 400\n    type: validation_error\n    message: \"Validation error: Request body is not valid JSON\"\n  unsupported_content_encoding:\n    status: 400\n    type: validation_error\n    message: \"Validation error: Content-Encoding must be gzip, deflate or identity\"\n  invalid_content_encoding:\n    status: 400\n    type: validation_error\n    message: \"Validation error: Request body could not be decoded with its Content-Encoding\"\n  malformed_request:\n    status: 400\n    type: validation_error\n    message: \"Validation error: The request is not valid HTTP\"\n  invalid_cursor:\n    status: 400\n    type: validation_error\n    message: \"Validation error: Invalid cursor\"\n  unknown_last_event_id:\n    status: 400\n    type: validation_error\n    message: \"Validation error: Last-Event-ID is not one of your organization's events\"\n  unauthorized:\n    status: 401\n    type: unauthorized\n    message: Unauthorized\n  call_forbidden:\n    status: 403\n    type: forbidden\n    message: Access denied - call belongs to different organization\n  call_not_found:\n    status: 404\n    type: not_found\n    message: Call not found\n  route_not_found:\n    status: 404\n    type: not_found\n    message: Not found\n  batch_not_found:\n    status: 404\n    type: not_found\n    message: Batch not found\n  batch_finished:\n    status: 409\n    type: batch_finished\n    message: \"Batch has already finished: {status}\"\n  webhook_endpoint_not_found:\n    status: 404\n    type: not_found\n    message: Webhook endpoint not found\n  webhook_delivery_not_found:\n    status: 404\n    type: not_found\n    message: Webhook delivery not found\n  webhook_endpoint_disabled:\n    status: 409\n    type: webhook_endpoint_disabled\n    message: Webhook endpoint is disabled; enable it first\n  agent_not_found:\n    status: 404\n    type: agent_not_found\n    message: Agent not found or access denied\n  agent_not_voice:\n    status: 400\n    type: agent_not_voice\n    message: Agent must be a voice agent for outbound calls\n  agent_inactive:\n    status: 400\n    type: agent_inactive\n    message: Agent must be active to make calls\n  caller_id_not_allowed:\n    status: 400\n    type: caller_id_not_allowed\n    message: Caller ID must be one of the agent's phone numbers\n  agent_has_no_caller_id:\n    status: 400\n    type: agent_has_no_caller_id\n    message: Agent has no phone numbers to use as caller ID\n  call_not_cancellable:\n    status: 400\n    type: call_not_cancellable\n    message: \"Cannot cancel call with status: {status}\"\n  idempotency_in_progress:\n    status: 409\n    type: idempotency_in_progress\n    message: A request with this Idempotency-Key is still being processed\n  idempotency_key_reused:\n    status: 422\n    type: idempotency_key_reused\n    message: This Idempotency-Key was already used with a different request\n  request_timeout:\n    status: 408\n    type: request_timeout\n    message: The request was not received in time\n  payload_too_large:\n    status: 413\n    type: payload_too_large\n    message: Request body is too large\n  rate_limited:\n    status: 429\n    type: rate_limited\n    message: Too many requests, please retry later\n  too_many_streams:\n    status: 429\n    type: too_many_streams\n    message: Too many open event streams for this API key (at most {limit})\n  request_headers_too_large:\n    status: 431\n    type: request_headers_too_large\n    message: Request header fields are too large\n  livekit_not_configured:\n    status: 500\n    type: livekit_not_configured\n    message: LiveKit service is not configured. Please contact support.\n  queue_failed:\n    status: 500\n    type: queue_failed\n    message: \"Failed to queue call: {reason}\"\n  internal_error:\n    status: 500\n    type: internal_error\n    message: Internal server error\n\nwebhooks:\n  callEvent:\n    post:\n      operationId: receiveCallEvent\n      tags: [webhooks]\n      summary: An event, delivered to your endpoint\n      description: |\n        What Outdial POSTs to a webhook endpoint (and to a call's or a batch's `webhookUrl`) for\n        each event the endpoint subscribes to. Answer 2xx within 15 seconds to acknowledge it;\n        anything else is retried (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). A call's\n        events, and a batch's, reach an endpoint in `sequence` order.\n      parameters:\n        - name: webhook-id\n          in: header\n          required: true\n          description: The event's id; the same on every retry, so receivers deduplicate on it.\n          schema:\n            type: string\n        - name: webhook-timestamp\n          in: header\n          required: true\n          description: Unix seconds when this attempt was signed. Reject old ones (5 minutes is usual).\n          schema:\n            type: string\n        - name: webhook-signature\n          in: header\n          required: true\n          description: |\n            `v1,<base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{body}\">`, keyed with the\n            base64-decoded part of the secret after `whsec_`; two of them, space-separated, while\n            a rotated secret's predecessor is still valid. Verify with `verifyWebhook` from\n            `@outdial/sdk/webhooks` or any Standard Webhooks library.\n          schema:\n            type: string\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/Event\"\n      responses:\n        \"200\":\n          description: Acknowledged (any 2xx).\n        \"410\":\n          description: Gone. Outdial disables the endpoint and sends nothing more.\n  webhookTest:\n    post:\n      operationId: receiveWebhookTest\n      tags: [webhooks]\n      summary: A test event, sent by sendTestWebhook\n      parameters:\n        - name: webhook-id\n          in: header\n          required: true\n          description: The event's id; the same on every retry, so receivers deduplicate on it.\n          schema:\n            type: string\n        - name: webhook-timestamp\n          in: header\n          required: true\n          description: Unix seconds when this attempt was signed. Reject old ones (5 minutes is usual).\n          schema:\n            type: string\n        - name: webhook-signature\n          in: header\n          required: true\n          description: |\n            `v1,<base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{body}\">`, keyed with the\n            base64-decoded part of the secret after `whsec_`; two of them, space-separated, while\n            a rotated secret's predecessor is still valid. Verify with `verifyWebhook` from\n            `@outdial/sdk/webhooks` or any Standard Webhooks library.\n          schema:\n            type: string\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/WebhookTestEvent\"\n      responses:\n        \"200\":\n          description: Acknowledged (any 2xx).\n\npaths:\n  /api/v1/calls/outbound:\n    post:\n      operationId: createOutboundCall\n      tags: [calls]\n      summary: Queue an outbound call\n      description: |\n        Validates the request, checks the agent (exists in your organization, is a voice agent,\n        is active, has a phone number to call from, and owns the caller ID) in that order, records\n        the call as `queued` and hands\n        it to the Dial queue. With a future `scheduledAt`, or a calling window (its own or the\n        server's default) that is closed now, the call is recorded as `scheduled` instead and\n        enters the Dial queue when it falls due, never earlier. The dial happens asynchronously: normally sub-second, paced to the\n        SIP trunk's calls-per-second budget under load. Poll `GET /api/v1/calls/{callId}` for dial\n        progress and the LiveKit identifiers.\n\n        Send an `Idempotency-Key` to make retries safe: a retry can never place a second call.\n      parameters:\n        - $ref: \"#/components/parameters/IdempotencyKey\"\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreateOutboundCallRequest\"\n            examples:\n              basic:\n                summary: The minimum\n                value:\n                  agentId: 550e8400-e29b-41d4-a716-446655440000\n                  phoneNumber: \"+14155552671\"\n              urgent:\n                summary: Click-to-call, urgent, with caller ID and metadata\n                value:\n                  agentId: 550e8400-e29b-41d4-a716-446655440000\n                  phoneNumber: \"+14155552671\"\n                  callerId: \"+14155551234\"\n                  priority: 0\n                  ringTimeoutSeconds: 25\n                  maxDurationSeconds: 900\n                  metadata:\n                    customerName: John Doe\n                    accountId: ACC-12345\n                  variables:\n                    first_name: John\n              scheduled:\n                summary: Tomorrow morning, inside the callee's business hours, or not at all\n                value:\n                  agentId: 550e8400-e29b-41d4-a716-446655440000\n                  phoneNumber: \"+14155552671\"\n                  scheduledAt: \"2026-12-03T14:00:00Z\"\n                  latestAt: \"2026-12-05T00:00:00Z\"\n                  callingWindow:\n                    timezone: America/New_York\n                    start: \"09:00\"\n                    end: \"17:30\"\n                    days: [1, 2, 3, 4, 5]\n      responses:\n        \"201\":\n          description: The call is queued (or `scheduled`, with `scheduledAt` or a calling window). Replays of an idempotent request return the original response.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n            Idempotent-Replayed:\n              $ref: \"#/components/headers/IdempotentReplayed\"\n            RateLimit-Limit:\n              $ref: \"#/components/headers/RateLimitLimit\"\n            RateLimit-Remaining:\n              $ref: \"#/components/headers/RateLimitRemaining\"\n            RateLimit-Reset:\n              $ref: \"#/components/headers/RateLimitReset\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/CreateOutboundCallResponse\"\n              examples:\n                queued:\n                  value:\n                    data:\n                      id: call_01JD7ZK5W8Q3N2M4P6R8T0V2X4\n                      status: queued\n                      agentId: 550e8400-e29b-41d4-a716-446655440000\n                      phoneNumber: \"+14155552671\"\n                      callerId: \"+14155551234\"\n                      startedAt: \"2025-12-01T15:30:00.000Z\"\n                      agent:\n                        id: 550e8400-e29b-41d4-a716-446655440000\n                        name: Customer Support Agent\n                        type: voice\n                      metadata:\n                        customerName: John Doe\n                        accountId: ACC-12345\n                        caller_id: \"+14155551234\"\n                        from_phone_number: \"+14155551234\"\n                        priority: 5\n                      scheduledAt: null\n                    message: Outbound call queued. Poll GET /api/v1/calls/{id} for dial progress.\n        \"400\":\n          description: |\n            Validation failed, or the agent cannot place calls. `type` tells which:\n            `validation_error`, `agent_not_voice`, `agent_inactive`, `agent_has_no_caller_id` (no\n            `callerId` was sent and the agent has no phone numbers to default to) or\n            `caller_id_not_allowed` (the `callerId` is not one of the agent's numbers).\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ErrorResponse\"\n              examples:\n                invalidPhoneNumber:\n                  value:\n                    error:\n                      message: \"Validation error: Phone number must be in E.164 format (+1234567890)\"\n                      code: 400\n                      type: validation_error\n                      details:\n                        - field: phoneNumber\n                          message: Phone number must be in E.164 format (+1234567890)\n                      requestId: req_5f2c1d0e9b8a4c3d\n                invalidAgentId:\n                  value:\n                    error:\n                      message: \"Validation error: Invalid agent ID format\"\n                      code: 400\n                      type: validation_error\n                      details:\n                        - field: agentId\n                          message: Invalid agent ID format\n                      requestId: req_5f2c1d0e9b8a4c3d\n                agentNotVoice:\n                  value:\n                    error:\n                      message: Agent must be a voice agent for outbound calls\n                      code: 400\n                      type: agent_not_voice\n                      requestId: req_5f2c1d0e9b8a4c3d\n                agentInactive:\n                  value:\n                    error:\n                      message: Agent must be active to make calls\n                      code: 400\n                      type: agent_inactive\n                      requestId: req_5f2c1d0e9b8a4c3d\n                agentHasNoCallerId:\n                  value:\n                    error:\n                      message: Agent has no phone numbers to use as caller ID\n                      code: 400\n                      type: agent_has_no_caller_id\n                      requestId: req_5f2c1d0e9b8a4c3d\n                callerIdNotAllowed:\n                  value:\n                    error:\n                      message: Caller ID must be one of the agent's phone numbers\n                      code: 400\n                      type: caller_id_not_allowed\n                      details:\n                        - field: callerId\n                          message: Caller ID must be one of the agent's phone numbers\n                      requestId: req_5f2c1d0e9b8a4c3d\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"404\":\n          description: The agent does not exist, or belongs to another organization.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ErrorResponse\"\n              examples:\n                agentNotFound:\n                  value:\n                    error:\n                      message: Agent not found or access denied\n                      code: 404\n                      type: agent_not_found\n                      requestId: req_5f2c1d0e9b8a4c3d\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"409\":\n          $ref: \"#/components/responses/IdempotencyInProgress\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"422\":\n          $ref: \"#/components/responses/IdempotencyKeyReused\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          description: |\n            LiveKit is not configured (`livekit_not_configured`), the call could not be queued\n            (`queue_failed`), or an unexpected error (`internal_error`).\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ErrorResponse\"\n              examples:\n                livekitNotConfigured:\n                  value:\n                    error:\n                      message: LiveKit service is not configured. Please contact support.\n                      code: 500\n                      type: livekit_not_configured\n                      requestId: req_5f2c1d0e9b8a4c3d\n                queueFailed:\n                  value:\n                    error:\n                      message: \"Failed to queue call: Connection timeout\"\n                      code: 500\n                      type: queue_failed\n                      requestId: req_5f2c1d0e9b8a4c3d\n                internalError:\n                  $ref: \"#/components/examples/InternalError\"\n\n  /api/v1/calls:\n    get:\n      operationId: listCalls\n      tags: [calls]\n      summary: List calls\n      description: |\n        Lists your organization's calls, newest first (by `startedAt`, then `id`), filtered and\n        cursor-paginated. Pass `pagination.nextCursor` back as `cursor` for the next page; the\n        cursor is opaque and stable under concurrent inserts.\n      parameters:\n        - name: agentId\n          in: query\n          description: Only calls placed by this agent.\n          allowReserved: true\n          schema:\n            type: string\n            format: uuid\n            x-error-message: Invalid agent ID format\n          example: 550e8400-e29b-41d4-a716-446655440000\n        - name: status\n          in: query\n          description: Only calls in one of these statuses. Repeat the parameter for several (`status=active&status=ringing`).\n          style: form\n          explode: true\n          allowReserved: true\n          schema:\n            type: array\n            minItems: 1\n            maxItems: 10\n            items:\n              $ref: \"#/components/schemas/CallStatus\"\n          example: [active, ringing]\n        - name: batchId\n          in: query\n          description: Only the calls of this batch (retries included).\n          allowReserved: true\n          schema:\n            type: string\n            minLength: 1\n            maxLength: 64\n            x-error-message: Batch ID must be 1 to 64 characters\n          example: batch_01JD7ZK5WBA1B2C3D4E5F6G7H8\n        - name: phoneNumber\n          in: query\n          description: Only calls to this number (E.164); send its `+` as `%2B`.\n          allowReserved: true\n          schema:\n            $ref: \"#/components/schemas/PhoneNumber\"\n          example: \"+14155552671\"\n        - name: startDate\n          in: query\n          description: |\n            Only calls whose `startedAt` is at or after this instant: an RFC 3339 date-time with\n            `Z` or a `±hh:mm` offset, between 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in UTC.\n            Compared as an instant, whatever the offset.\n          allowReserved: true\n          schema:\n            type: string\n            format: date-time\n          example: \"2025-12-01T00:00:00Z\"\n        - name: endDate\n          in: query\n          description: Only calls whose `startedAt` is at or before this instant, written as for `startDate`.\n          allowReserved: true\n          schema:\n            type: string\n            format: date-time\n          example: \"2025-12-31T23:59:59Z\"\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Cursor\"\n      responses:\n        \"200\":\n          description: One page of calls.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ListCallsResponse\"\n              examples:\n                page:\n                  value:\n                    data:\n                      calls:\n                        - &activeCall\n                          id: call_01JD7ZK5W8Q3N2M4P6R8T0V2X4\n                          status: active\n                          agentId: 550e8400-e29b-41d4-a716-446655440000\n                          phoneNumber: \"+14155552671\"\n                          callerId: \"+14155551234\"\n                          startedAt: \"2025-12-01T15:30:00.000Z\"\n                          agent:\n                            id: 550e8400-e29b-41d4-a716-446655440000\n                            name: Customer Support Agent\n                            type: voice\n                          metadata:\n                            customerName: John Doe\n                            caller_id: \"+14155551234\"\n                            from_phone_number: \"+14155551234\"\n                            priority: 5\n                          priority: 5\n                          ringTimeoutSeconds: 30\n                          maxDurationSeconds: null\n                          variables: {}\n                          roomId: outdial-call_01JD7ZK5W8Q3N2M4P6R8T0V2X4\n                          jobId: AD_4nQ8sLw2Zk7\n                          sipParticipantId: PA_2bS7rT5yU9wE\n                          answeredAt: \"2025-12-01T15:30:02.412Z\"\n                          endedAt: null\n                          duration: null\n                          failureReason: null\n                          cancellation: null\n                          summary: null\n                          webhookUrl: null\n                          scheduledAt: null\n                          latestAt: null\n                          callingWindow: null\n                          batchId: null\n                          attempt: 1\n                          retryOf: null\n                          queuePosition: null\n                          updatedAt: \"2025-12-01T15:30:02.412Z\"\n                      pagination:\n                        limit: 20\n                        hasMore: true\n                        nextCursor: eyJ0IjoiMjAyNS0xMi0wMVQxNTozMDowMC4wMDBaIiwiaSI6ImNhbGxfMDEifQ\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/calls/{callId}:\n    parameters:\n      - $ref: \"#/components/parameters/CallId\"\n    get:\n      operationId: getCall\n      tags: [calls]\n      summary: Get a call\n      description: |\n        The call with its current status, the LiveKit identifiers once the Dial queue has placed\n        it, and `queuePosition` (1-based) while it waits in the queue.\n      responses:\n        \"200\":\n          description: The call.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/GetCallResponse\"\n              examples:\n                active:\n                  value:\n                    data: *activeCall\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/CallForbidden\"\n        \"404\":\n          $ref: \"#/components/responses/CallNotFound\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    delete:\n      operationId: cancelCall\n      tags: [calls]\n      summary: Cancel a call\n      description: |\n        Cancels a call whose status is `initiated`, `queued`, `connecting`, `ringing` or `active`.\n        A queued call is removed from the Dial queue and never dialed. Once the cancel is answered\n        with 200, no SIP INVITE for the call leaves the server. A call whose INVITE had already\n        left is torn down in LiveKit (its room is deleted, which disconnects every participant),\n        also when the INVITE reaches LiveKit after the cancel; a failed deletion is retried with\n        backoff until LiveKit confirms it, and again after a restart. The call's `cancellation`\n        says which case it was (`before_dial` or `hung_up`). `endedAt` is set to the time of\n        cancellation.\n      responses:\n        \"200\":\n          description: The call is cancelled.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/CancelCallResponse\"\n              examples:\n                cancelled:\n                  value:\n                    data:\n                      id: call_01JD7ZK5W8Q3N2M4P6R8T0V2X4\n                      status: cancelled\n                    message: Call cancelled successfully\n        \"400\":\n          description: |\n            The call's status cannot be cancelled (it has already ended: `call_not_cancellable`), or\n            the call id is malformed (`validation_error`).\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ErrorResponse\"\n              examples:\n                completed:\n                  value:\n                    error:\n                      message: \"Cannot cancel call with status: completed\"\n                      code: 400\n                      type: call_not_cancellable\n                      requestId: req_5f2c1d0e9b8a4c3d\n                invalidCallId:\n                  value:\n                    error:\n                      message: \"Validation error: Call ID must be 1 to 64 characters\"\n                      code: 400\n                      type: validation_error\n                      details:\n                        - field: callId\n                          message: Call ID must be 1 to 64 characters\n                      requestId: req_5f2c1d0e9b8a4c3d\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/CallForbidden\"\n        \"404\":\n          $ref: \"#/components/responses/CallNotFound\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/calls/{callId}/events:\n    parameters:\n      - $ref: \"#/components/parameters/CallId\"\n    get:\n      operationId: listCallEvents\n      tags: [events]\n      summary: List or stream a call's events\n      description: |\n        Every event of one call, oldest first (by `sequence`, 1-based and gapless).\n\n        With `Accept: text/event-stream` the answer is a Server-Sent Events stream instead: it\n        replays the call's events (only those after `Last-Event-ID` when that header is sent), then\n        sends each new event as it is committed, and closes after the call's terminal event (at\n        once when the call has already ended and nothing is left to replay). Each frame carries\n        `id:` (the event id), `event:` (its type) and `data:` (the Event as JSON); a comment line\n        is sent every 15 seconds to keep proxies from closing the connection, and `retry: 3000`\n        tells clients to reconnect after 3 s. At most 100 streams per API key are open at once\n        (this one and `listEvents` together); beyond that the request gets 429 `too_many_streams`.\n      parameters:\n        - $ref: \"#/components/parameters/LastEventId\"\n      responses:\n        \"200\":\n          description: The call's events (JSON), or their live stream (`text/event-stream`).\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ListCallEventsResponse\"\n              examples:\n                events:\n                  value:\n                    data:\n                      events:\n                        - &queuedEvent\n                          id: evt_01JD7ZK5W9A1B2C3D4E5F6G7H8\n                          type: call.queued\n                          timestamp: \"2025-12-01T15:30:00.000Z\"\n                          sequence: 1\n                          data:\n                            id: call_01JD7ZK5W8Q3N2M4P6R8T0V2X4\n                            status: queued\n                            agentId: 550e8400-e29b-41d4-a716-446655440000\n                            phoneNumber: \"+14155552671\"\n                            callerId: \"+14155551234\"\n                            startedAt: \"2025-12-01T15:30:00.000Z\"\n                            agent:\n                              id: 550e8400-e29b-41d4-a716-446655440000\n                              name: Customer Support Agent\n                              type: voice\n                            metadata:\n                              caller_id: \"+14155551234\"\n                              from_phone_number: \"+14155551234\"\n                              priority: 5\n                            priority: 5\n                            ringTimeoutSeconds: 30\n                            maxDurationSeconds: null\n                            variables: {}\n                            roomId: null\n                            jobId: null\n                            sipParticipantId: null\n                            answeredAt: null\n                            endedAt: null\n                            duration: null\n                            failureReason: null\n                            cancellation: null\n                            summary: null\n                            webhookUrl: null\n                            scheduledAt: null\n                            latestAt: null\n                            callingWindow: null\n                            batchId: null\n                            attempt: 1\n                            retryOf: null\n                            queuePosition: null\n                            updatedAt: \"2025-12-01T15:30:00.000Z\"\n            text/event-stream:\n              schema:\n                type: string\n                description: Server-Sent Events; each `data:` line is one `Event` as JSON.\n              examples:\n                stream: &eventStreamExample\n                  summary: A replayed event (its `data` shortened here)\n                  value: |\n                    retry: 3000\n\n                    id: evt_01JD7ZK5W9A1B2C3D4E5F6G7H8\n                    event: call.queued\n                    data: {\"id\":\"evt_01JD7ZK5W9A1B2C3D4E5F6G7H8\",\"type\":\"call.queued\",\"timestamp\":\"2025-12-01T15:30:00.000Z\",\"sequence\":1,\"data\":{\"id\":\"call_01JD7ZK5W8Q3N2M4P6R8T0V2X4\",\"status\":\"queued\"}}\n\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/CallForbidden\"\n        \"404\":\n          $ref: \"#/components/responses/CallNotFound\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/TooManyStreams\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/events:\n    get:\n      operationId: listEvents\n      tags: [events]\n      summary: List or stream your organization's events\n      description: |\n        Your organization's events, newest first, filtered and cursor-paginated like `listCalls`.\n        Event ids increase in the order the events were committed, so an event id is a resume\n        point. Events are kept for `OUTDIAL_EVENT_RETENTION_DAYS` days (30 by default).\n\n        With `Accept: text/event-stream` the answer is a live Server-Sent Events stream of the\n        events that match the same filters, oldest first: the events after `Last-Event-ID` when\n        that header is sent (so a client that reconnects with the last id it saw misses none and\n        sees none twice), otherwise only events committed from now on. `limit` and `cursor` do\n        not apply to a stream. Frames, keep-alive comments, `retry:` and the limit of 100 streams\n        per API key are as for `listCallEvents`.\n      parameters:\n        - name: type\n          in: query\n          description: Only events of these types. Repeat the parameter for several (`type=call.completed&type=call.failed`).\n          style: form\n          explode: true\n          allowReserved: true\n          schema:\n            type: array\n            minItems: 1\n            maxItems: 20\n            items:\n              $ref: \"#/components/schemas/EventType\"\n          example: [call.completed, call.failed]\n        - name: callId\n          in: query\n          description: Only the events of this call.\n          allowReserved: true\n          schema:\n            type: string\n            minLength: 1\n            maxLength: 64\n            x-error-message: Call ID must be 1 to 64 characters\n          example: call_01JD7ZK5W8Q3N2M4P6R8T0V2X4\n        - name: batchId\n          in: query\n          description: Only the events of this batch and of its calls.\n          allowReserved: true\n          schema:\n            type: string\n            minLength: 1\n            maxLength: 64\n            x-error-message: Batch ID must be 1 to 64 characters\n          example: batch_01JD7ZK5W8Q3N2M4P6R8T0V2X4\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Cursor\"\n        - $ref: \"#/components/parameters/LastEventId\"\n      responses:\n        \"200\":\n          description: One page of events (JSON), or their live stream (`text/event-stream`).\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ListEventsResponse\"\n              examples:\n                page:\n                  value:\n                    data:\n                      events:\n                        - *queuedEvent\n                      pagination:\n                        limit: 20\n                        hasMore: false\n                        nextCursor: null\n            text/event-stream:\n              schema:\n                type: string\n                description: Server-Sent Events; each `data:` line is one `Event` as JSON.\n              examples:\n                stream: *eventStreamExample\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/TooManyStreams\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/webhook-endpoints:\n    post:\n      operationId: createWebhookEndpoint\n      tags: [webhooks]\n      summary: Create a webhook endpoint\n      description: |\n        Registers a URL that receives your organization's events as signed HTTP POSTs (Standard\n        Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`). The endpoint's signing\n        secret is in this response only (and in the answer to `rotateWebhookEndpointSecret`):\n        store it. Deliveries are retried on the schedule immediately, 5 s, 5 min, 30 min, 2 h, 5 h,\n        10 h, 10 h; a `410 Gone` answer disables the endpoint, and so do five days of failed\n        deliveries.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreateWebhookEndpointRequest\"\n            examples:\n              endpoint:\n                value:\n                  url: https://example.com/outdial/webhooks\n                  description: Production receiver\n                  enabledEvents: [call.completed, call.failed, call.busy, call.no_answer]\n      responses:\n        \"201\":\n          description: The endpoint, with its signing secret.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/WebhookEndpointWithSecretResponse\"\n              examples:\n                created:\n                  $ref: \"#/components/examples/WebhookEndpointWithSecret\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    get:\n      operationId: listWebhookEndpoints\n      tags: [webhooks]\n      summary: List webhook endpoints\n      description: Your organization's webhook endpoints, newest first, cursor-paginated like `listCalls`.\n      parameters:\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Cursor\"\n      responses:\n        \"200\":\n          description: One page of endpoints.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ListWebhookEndpointsResponse\"\n              examples:\n                page:\n                  $ref: \"#/components/examples/WebhookEndpointPage\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/webhook-endpoints/{endpointId}:\n    parameters:\n      - $ref: \"#/components/parameters/WebhookEndpointId\"\n    get:\n      operationId: getWebhookEndpoint\n      tags: [webhooks]\n      summary: Get a webhook endpoint\n      responses:\n        \"200\":\n          description: The endpoint (without its secret).\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/WebhookEndpointResponse\"\n              examples:\n                endpoint:\n                  $ref: \"#/components/examples/WebhookEndpoint\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"404\":\n          $ref: \"#/components/responses/WebhookEndpointNotFound\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    patch:\n      operationId: updateWebhookEndpoint\n      tags: [webhooks]\n      summary: Update a webhook endpoint\n      description: |\n        Changes only the fields sent. `status: enabled` re-enables a disabled endpoint (and clears\n        `disabledReason`); deliveries that failed while it was disabled are not re-sent on their\n        own, use `retryWebhookDelivery`.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/UpdateWebhookEndpointRequest\"\n            examples:\n              disable:\n                value:\n                  status: disabled\n      responses:\n        \"200\":\n          description: The updated endpoint.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/WebhookEndpointResponse\"\n              examples:\n                endpoint:\n                  $ref: \"#/components/examples/WebhookEndpoint\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"404\":\n          $ref: \"#/components/responses/WebhookEndpointNotFound\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    delete:\n      operationId: deleteWebhookEndpoint\n      tags: [webhooks]\n      summary: Delete a webhook endpoint\n      description: Deletes the endpoint and its delivery log; nothing more is sent to it.\n      responses:\n        \"200\":\n          description: The endpoint is deleted.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/DeleteWebhookEndpointResponse\"\n              examples:\n                deleted:\n                  value:\n                    data:\n                      id: we_01JD7ZK5W9A1B2C3D4E5F6G7H8\n                      deleted: true\n                    message: Webhook endpoint deleted successfully\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"404\":\n          $ref: \"#/components/responses/WebhookEndpointNotFound\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/webhook-endpoints/{endpointId}/rotate-secret:\n    parameters:\n      - $ref: \"#/components/parameters/WebhookEndpointId\"\n    post:\n      operationId: rotateWebhookEndpointSecret\n      tags: [webhooks]\n      summary: Rotate a webhook endpoint's secret\n      description: |\n        Issues a new signing secret, shown only in this response. For 24 hours the previous secret\n        stays valid too: every delivery is signed with both (two `v1,` signatures in\n        `webhook-signature`, separated by a space), so receivers can switch without a gap.\n      responses:\n        \"200\":\n          description: The new secret.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/WebhookSecretResponse\"\n              examples:\n                rotated:\n                  $ref: \"#/components/examples/RotatedSecret\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"404\":\n          $ref: \"#/components/responses/WebhookEndpointNotFound\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/webhook-endpoints/{endpointId}/deliveries:\n    parameters:\n      - $ref: \"#/components/parameters/WebhookEndpointId\"\n    get:\n      operationId: listWebhookDeliveries\n      tags: [webhooks]\n      summary: List an endpoint's deliveries\n      description: The endpoint's delivery log, newest first, cursor-paginated, each with its attempts.\n      parameters:\n        - name: status\n          in: query\n          description: Only deliveries in this status.\n          allowReserved: true\n          schema:\n            $ref: \"#/components/schemas/WebhookDeliveryStatus\"\n          example: failed\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Cursor\"\n      responses:\n        \"200\":\n          description: One page of deliveries.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ListWebhookDeliveriesResponse\"\n              examples:\n                page:\n                  $ref: \"#/components/examples/WebhookDeliveryPage\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"404\":\n          $ref: \"#/components/responses/WebhookEndpointNotFound\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/retry:\n    parameters:\n      - $ref: \"#/components/parameters/WebhookEndpointId\"\n      - $ref: \"#/components/parameters/WebhookDeliveryId\"\n    post:\n      operationId: retryWebhookDelivery\n      tags: [webhooks]\n      summary: Re-send a delivery now\n      description: |\n        Sends the delivery's event again at once, with the same `webhook-id` (receivers deduplicate\n        on it), whatever its status; the attempt is added to its log. A disabled endpoint is not\n        sent to: enable it first.\n      responses:\n        \"202\":\n          description: The delivery, due now.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/WebhookDeliveryResponse\"\n              examples:\n                retrying:\n                  $ref: \"#/components/examples/WebhookDelivery\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"404\":\n          $ref: \"#/components/responses/WebhookDeliveryNotFound\"\n        \"409\":\n          $ref: \"#/components/responses/WebhookEndpointDisabled\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/webhook-endpoints/{endpointId}/test:\n    post:\n      operationId: sendTestWebhook\n      tags: [webhooks]\n      summary: Send a test event\n      description: Sends a `webhook.test` event to the endpoint, signed as every delivery, and logs it as a delivery.\n      parameters:\n        - $ref: \"#/components/parameters/WebhookEndpointId\"\n      responses:\n        \"202\":\n          description: The test delivery, due now.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/WebhookDeliveryResponse\"\n              examples:\n                test:\n                  $ref: \"#/components/examples/WebhookDelivery\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"404\":\n          $ref: \"#/components/responses/WebhookEndpointNotFound\"\n        \"409\":\n          $ref: \"#/components/responses/WebhookEndpointDisabled\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/webhook-secret/rotate:\n    post:\n      operationId: rotateWebhookSecret\n      tags: [webhooks]\n      summary: Rotate the organization's webhook secret\n      description: |\n        The organization's webhook secret signs the deliveries to each call's own `webhookUrl`\n        (see `createOutboundCall`). This issues a new one, shown only here; the previous one stays\n        valid for 24 hours (both signatures are sent meanwhile).\n      responses:\n        \"200\":\n          description: The new secret.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/WebhookSecretResponse\"\n              examples:\n                rotated:\n                  $ref: \"#/components/examples/RotatedSecret\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/batches:\n    post:\n      operationId: createBatch\n      tags: [batches]\n      summary: Create a batch of calls\n      description: |\n        Accepts 1 to 10,000 calls placed by one agent, atomically: every call is recorded in one\n        transaction, or none is (an invalid row rejects the whole request with 400, its `details`\n        naming the row, such as `calls.17.phoneNumber`, with the messages single calls get). The\n        batch's calls then go through the Dial queue like any other, at their priority, inside the\n        batch's calling window, at most `maxConcurrentCalls` live at once, and a call that ends\n        `busy`, `no_answer` or `failed` with attempts left gets a successor (`attempt + 1`,\n        `retryOf`) `retry.delaySeconds` later. Within one priority, batches and single calls take\n        turns, so a large batch never starves a single call.\n\n        Each row takes the batch's `callerId`, `priority` and `metadata` unless it sets its own\n        (row metadata is merged over the batch's). The body may be up to 8 MiB (other requests:\n        64 KiB). Send an `Idempotency-Key` to make retries safe: a retry can never create a second\n        batch.\n      parameters:\n        - $ref: \"#/components/parameters/IdempotencyKey\"\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreateBatchRequest\"\n            examples:\n              campaign:\n                summary: Weekday business hours, two retries on busy or no answer\n                value:\n                  name: December renewals\n                  agentId: 550e8400-e29b-41d4-a716-446655440000\n                  callingWindow:\n                    timezone: America/New_York\n                    start: \"09:00\"\n                    end: \"17:30\"\n                    days: [1, 2, 3, 4, 5]\n                  maxConcurrentCalls: 20\n                  retry:\n                    maxAttempts: 3\n                    on: [busy, no_answer]\n                    delaySeconds: 3600\n                  calls:\n                    - phoneNumber: \"+14155552671\"\n                      variables:\n                        first_name: John\n                    - phoneNumber: \"+14155552672\"\n                      metadata:\n                        accountId: ACC-12346\n      responses:\n        \"201\":\n          description: The batch, with its calls recorded. Replays of an idempotent request return the original response.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n            Idempotent-Replayed:\n              $ref: \"#/components/headers/IdempotentReplayed\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/BatchResponse\"\n              examples:\n                created:\n                  $ref: \"#/components/examples/Batch\"\n        \"400\":\n          description: |\n            Validation failed (`details` names each failing field; a row's fields are\n            `calls.<index>.<field>`), or the agent cannot place calls: `agent_not_voice`,\n            `agent_inactive`, `agent_has_no_caller_id`, `caller_id_not_allowed` (its `details`\n            name the batch's or the row's `callerId`).\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ErrorResponse\"\n              examples:\n                invalidRow:\n                  value:\n                    error:\n                      message: \"Validation error: Phone number must be in E.164 format (+1234567890)\"\n                      code: 400\n                      type: validation_error\n                      details:\n                        - field: calls.17.phoneNumber\n                          message: Phone number must be in E.164 format (+1234567890)\n                      requestId: req_5f2c1d0e9b8a4c3d\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"404\":\n          $ref: \"#/components/responses/AgentNotFound\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"409\":\n          $ref: \"#/components/responses/IdempotencyInProgress\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"422\":\n          $ref: \"#/components/responses/IdempotencyKeyReused\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    get:\n      operationId: listBatches\n      tags: [batches]\n      summary: List batches\n      description: Your organization's batches, newest first, cursor-paginated like `listCalls`.\n      parameters:\n        - name: status\n          in: query\n          description: Only batches in one of these statuses. Repeat the parameter for several.\n          style: form\n          explode: true\n          allowReserved: true\n          schema:\n            type: array\n            minItems: 1\n            maxItems: 5\n            items:\n              $ref: \"#/components/schemas/BatchStatus\"\n          example: [running]\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Cursor\"\n      responses:\n        \"200\":\n          description: One page of batches.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ListBatchesResponse\"\n              examples:\n                page:\n                  value:\n                    data:\n                      batches: []\n                      pagination:\n                        limit: 20\n                        hasMore: false\n                        nextCursor: null\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/batches/{batchId}:\n    parameters:\n      - $ref: \"#/components/parameters/BatchId\"\n    get:\n      operationId: getBatch\n      tags: [batches]\n      summary: Get a batch, with its counters\n      responses:\n        \"200\":\n          description: The batch.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/BatchResponse\"\n              examples:\n                batch:\n                  $ref: \"#/components/examples/Batch\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"404\":\n          $ref: \"#/components/responses/BatchNotFound\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/batches/{batchId}/pause:\n    parameters:\n      - $ref: \"#/components/parameters/BatchId\"\n    post:\n      operationId: pauseBatch\n      tags: [batches]\n      summary: Pause a batch\n      description: Calls of the batch not yet dialed stop being dialed (within one dial slot); live calls go on. A call already being prepared (`connecting`) whose INVITE has not left goes back to `queued` (a `call.queued` event), keeping its place for the resume. Pausing a paused batch changes nothing.\n      responses:\n        \"200\":\n          description: The batch after the change.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/BatchResponse\"\n              examples:\n                batch:\n                  $ref: \"#/components/examples/Batch\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"404\":\n          $ref: \"#/components/responses/BatchNotFound\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"409\":\n          $ref: \"#/components/responses/BatchFinished\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/batches/{batchId}/resume:\n    parameters:\n      - $ref: \"#/components/parameters/BatchId\"\n    post:\n      operationId: resumeBatch\n      tags: [batches]\n      summary: Resume a paused batch\n      description: The batch's waiting calls are dialed again, in their order. Resuming a batch that is not paused changes nothing.\n      responses:\n        \"200\":\n          description: The batch after the change.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/BatchResponse\"\n              examples:\n                batch:\n                  $ref: \"#/components/examples/Batch\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"404\":\n          $ref: \"#/components/responses/BatchNotFound\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"409\":\n          $ref: \"#/components/responses/BatchFinished\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/batches/{batchId}/cancel:\n    parameters:\n      - $ref: \"#/components/parameters/BatchId\"\n    post:\n      operationId: cancelBatch\n      tags: [batches]\n      summary: Cancel a batch\n      description: Every call of the batch not yet dialed (scheduled or queued, retries included, and those being prepared whose INVITE has not left) becomes `cancelled` and is never dialed; live calls go on. Cancelling a cancelled batch changes nothing.\n      responses:\n        \"200\":\n          description: The batch after the change.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/BatchResponse\"\n              examples:\n                batch:\n                  $ref: \"#/components/examples/Batch\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"404\":\n          $ref: \"#/components/responses/BatchNotFound\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"409\":\n          $ref: \"#/components/responses/BatchFinished\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/queue:\n    get:\n      operationId: getQueue\n      tags: [calls]\n      summary: The Dial queue, per SIP trunk\n      description: |\n        Your organization's view of the Dial queue: for the server's default trunk, and each other\n        SIP trunk your queued calls or recent dials use (an agent's `sipTrunkId`), the calls\n        waiting by priority, the trunk's calls-per-second budget, and the dial starts of the last\n        60 seconds, one count per second, to compare with the budget. Counts are your\n        organization's; the budget is the trunk's, shared with every organization using it.\n      responses:\n        \"200\":\n          description: The queue, per trunk (trunks in `trunkId` order).\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/QueueResponse\"\n              examples:\n                busy:\n                  summary: Calls waiting on the default trunk, dialing at its budget\n                  value:\n                    data:\n                      at: \"2026-12-02T10:00:30.400Z\"\n                      trunks:\n                        - trunkId: ST_outdial_default\n                          cps: 10\n                          queued: 42\n                          queuedByPriority: [2, 0, 0, 0, 0, 40, 0, 0, 0, 0, 0]\n                          dialsLastMinute:\n                            [\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              10,\n                              4,\n                            ]\n                          leader: \"outdial-1:4121\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/agents:\n    post:\n      operationId: createAgent\n      tags: [agents]\n      summary: Create an agent\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreateAgentRequest\"\n            examples:\n              voice:\n                value:\n                  name: Customer Support Agent\n                  type: voice\n                  phoneNumbers: [\"+14155551234\"]\n                  livekitAgentName: support-agent\n      responses:\n        \"201\":\n          description: The agent.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AgentResponse\"\n              examples:\n                created:\n                  $ref: \"#/components/examples/Agent\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    get:\n      operationId: listAgents\n      tags: [agents]\n      summary: List agents\n      description: Your organization's agents, newest first, cursor-paginated like calls.\n      parameters:\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Cursor\"\n      responses:\n        \"200\":\n          description: One page of agents.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ListAgentsResponse\"\n              examples:\n                page:\n                  value:\n                    data:\n                      agents:\n                        - &agent\n                          id: 550e8400-e29b-41d4-a716-446655440000\n                          name: Customer Support Agent\n                          type: voice\n                          status: active\n                          phoneNumbers: [\"+14155551234\"]\n                          livekitAgentName: support-agent\n                          sipTrunkId: null\n                          createdAt: \"2025-11-30T09:00:00.000Z\"\n                          updatedAt: \"2025-11-30T09:00:00.000Z\"\n                      pagination:\n                        limit: 20\n                        hasMore: false\n                        nextCursor: null\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/agents/{agentId}:\n    parameters:\n      - $ref: \"#/components/parameters/AgentId\"\n    get:\n      operationId: getAgent\n      tags: [agents]\n      summary: Get an agent\n      responses:\n        \"200\":\n          description: The agent.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AgentResponse\"\n              examples:\n                agent:\n                  $ref: \"#/components/examples/Agent\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"404\":\n          $ref: \"#/components/responses/AgentNotFound\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    patch:\n      operationId: updateAgent\n      tags: [agents]\n      summary: Update an agent\n      description: Changes only the fields sent. Calls already queued keep the caller ID they were given.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/UpdateAgentRequest\"\n            examples:\n              deactivate:\n                value:\n                  status: inactive\n      responses:\n        \"200\":\n          description: The updated agent.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AgentResponse\"\n              examples:\n                agent:\n                  $ref: \"#/components/examples/Agent\"\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"404\":\n          $ref: \"#/components/responses/AgentNotFound\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    delete:\n      operationId: deleteAgent\n      tags: [agents]\n      summary: Delete an agent\n      description: Deletes the agent. Its past calls keep the agent's id, name and type as they were.\n      responses:\n        \"200\":\n          description: The agent is deleted.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/DeleteAgentResponse\"\n              examples:\n                deleted:\n                  value:\n                    data:\n                      id: 550e8400-e29b-41d4-a716-446655440000\n                      deleted: true\n                    message: Agent deleted successfully\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"404\":\n          $ref: \"#/components/responses/AgentNotFound\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"429\":\n          $ref: \"#/components/responses/RateLimited\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /api/v1/livekit/webhook:\n    post:\n      operationId: receiveLivekitWebhook\n      tags: [internal]\n      summary: LiveKit webhook ingress\n      description: |\n        LiveKit posts room and participant events here. The request is authenticated by LiveKit's\n        signed JWT in the `Authorization` header (its `sha256` claim is the body's hash), not by an\n        API key. `participant_joined` of the SIP participant moves a `connecting` call to\n        `ringing`; the SIP participant leaving, or `room_finished`, completes the call.\n      security:\n        - LiveKitWebhookSignature: []\n      requestBody:\n        required: true\n        content:\n          application/webhook+json:\n            schema:\n              $ref: \"#/components/schemas/LiveKitWebhookEvent\"\n            examples:\n              participantJoined:\n                value:\n                  event: participant_joined\n                  id: EV_3kVxGQ7pZ9aB\n                  createdAt: \"1733067000\"\n                  room:\n                    sid: RM_8gk2JYvQ3mXc\n                    name: outdial-call_01JD7ZK5W8Q3N2M4P6R8T0V2X4\n                  participant:\n                    sid: PA_2bS7rT5yU9wE\n                    identity: sip-call_01JD7ZK5W8Q3N2M4P6R8T0V2X4\n                    kind: SIP\n      responses:\n        \"200\":\n          description: The event was accepted (events for unknown rooms are accepted and ignored).\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/WebhookAck\"\n              examples:\n                ok:\n                  value:\n                    data:\n                      received: true\n        \"400\":\n          $ref: \"#/components/responses/ValidationError\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /healthz:\n    get:\n      operationId: getHealth\n      tags: [health]\n      summary: Liveness\n      security: []\n      responses:\n        \"200\":\n          description: The process is up.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/Health\"\n              examples:\n                ok:\n                  value:\n                    status: ok\n        \"400\":\n          $ref: \"#/components/responses/MalformedRequest\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\n  /readyz:\n    get:\n      operationId: getReadiness\n      tags: [health]\n      summary: Readiness\n      description: >-\n        Ready when the database takes a committed write (not only a read: a full disk or another\n        process holding the write lock make it not ready) and the Dial queue is running. A server\n        without LiveKit (neither `LIVEKIT_URL` nor `--emulate-livekit`) never dials, so it is never\n        ready: its `livekit` check says `not_configured`. Replicas on one PostgreSQL database\n        (`OUTDIAL_DATABASE_URL`) also list `trunks`: each trunk dialed, and whether this replica\n        leads it (dials it). A follower is ready too (it answers every request;\n        its `dialQueue` check says `following`); it dials once it takes the lead.\n      security: []\n      responses:\n        \"200\":\n          description: Ready to take calls.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/Readiness\"\n              examples:\n                ready:\n                  value:\n                    status: ready\n                    checks:\n                      database: ok\n                      dialQueue: ok\n                      livekit: ok\n                following:\n                  value:\n                    status: ready\n                    checks:\n                      database: ok\n                      dialQueue: following\n                      livekit: ok\n                    trunks:\n                      - trunkId: ST_abc123\n                        leading: false\n        \"400\":\n          $ref: \"#/components/responses/MalformedRequest\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"503\":\n          description: >-\n            Not ready: starting up, shutting down, the database cannot be written, or LiveKit is\n            not configured.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/Readiness\"\n              examples:\n                shuttingDown:\n                  value:\n                    status: not_ready\n                    checks:\n                      database: ok\n                      dialQueue: stopped\n                      livekit: ok\n\n  /openapi.yaml:\n    get:\n      operationId: getOpenApiDocument\n      tags: [health]\n      summary: This document\n      security: []\n      responses:\n        \"200\":\n          description: The OpenAPI document the server validates against.\n          headers:\n            x-request-id:\n              $ref: \"#/components/headers/RequestId\"\n          content:\n            application/yaml:\n              schema:\n                type: string\n              examples:\n                document:\n                  value: \"openapi: 3.1.0\\n...\"\n        \"400\":\n          $ref: \"#/components/responses/MalformedRequest\"\n        \"408\":\n          $ref: \"#/components/responses/RequestTimeout\"\n        \"431\":\n          $ref: \"#/components/responses/RequestHeadersTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n\ncomponents:\n  securitySchemes:\n    ApiKeyAuth:\n      type: apiKey\n      in: header\n      name: x-api-key\n      description: Your API key.\n    BearerAuth:\n      type: http\n      scheme: bearer\n      description: \"Your API key as a bearer token: `Authorization: Bearer <key>`.\"\n    LiveKitWebhookSignature:\n      type: apiKey\n      in: header\n      name: Authorization\n      description: The JWT LiveKit signs with its API secret; its `sha256` claim is the base64 SHA-256 of the body.\n\n  parameters:\n    CallId:\n      name: callId\n      in: path\n      required: true\n      description: The call's id (`call_…`).\n      schema:\n        type: string\n        minLength: 1\n        maxLength: 64\n        x-error-message: Call ID must be 1 to 64 characters\n      example: call_01JD7ZK5W8Q3N2M4P6R8T0V2X4\n    AgentId:\n      name: agentId\n      in: path\n      required: true\n      description: The agent's id.\n      schema:\n        type: string\n        format: uuid\n        x-error-message: Invalid agent ID format\n      example: 550e8400-e29b-41d4-a716-446655440000\n    IdempotencyKey:\n      name: Idempotency-Key\n      in: header\n      required: false\n      description: |\n        Makes the request safe to retry. The same key with the same body within 24 hours replays\n        the original 201 response (with `Idempotent-Replayed: true`); the same key with another\n        body gets 422 `idempotency_key_reused`, even while the first request is still being\n        processed (the body is compared first); a duplicate with the same body while the first is\n        still being processed gets 409 `idempotency_in_progress`. Keys are scoped to your\n        organization.\n      schema:\n        type: string\n        minLength: 1\n        maxLength: 255\n        x-error-message: Idempotency-Key must be 1 to 255 characters\n      example: 8e03978e-40d5-43e8-bc93-6894a57f9324\n    WebhookEndpointId:\n      name: endpointId\n      in: path\n      required: true\n      description: The webhook endpoint's id (`we_…`).\n      schema:\n        type: string\n        minLength: 1\n        maxLength: 64\n        x-error-message: Webhook endpoint ID must be 1 to 64 characters\n      example: we_01JD7ZK5W9A1B2C3D4E5F6G7H8\n    BatchId:\n      name: batchId\n      in: path\n      required: true\n      description: The batch's id (`batch_…`).\n      schema:\n        type: string\n        minLength: 1\n        maxLength: 64\n        x-error-message: Batch ID must be 1 to 64 characters\n      example: batch_01JD7ZK5WBA1B2C3D4E5F6G7H8\n    WebhookDeliveryId:\n      name: deliveryId\n      in: path\n      required: true\n      description: The delivery's id (`wd_…`).\n      schema:\n        type: string\n        minLength: 1\n        maxLength: 64\n        x-error-message: Webhook delivery ID must be 1 to 64 characters\n      example: wd_01JD7ZK5WAB2C3D4E5F6G7H8J9\n    LastEventId:\n      name: Last-Event-ID\n      in: header\n      required: false\n      description: |\n        For a `text/event-stream` request: the id of the last event the client saw (browsers'\n        EventSource sends it when it reconnects). The stream starts after that event. An id that\n        is not one of your organization's events (or one older than the retention period) is\n        refused with 400 `unknown_last_event_id`.\n      schema:\n        type: string\n        pattern: ^evt_[0-9A-HJKMNP-TV-Z]{26}$\n        x-error-message: Last-Event-ID must be an event id (evt_ followed by 26 characters)\n      example: evt_01JD7ZK5W9A1B2C3D4E5F6G7H8\n    Limit:\n      name: limit\n      in: query\n      description: Page size.\n      allowReserved: true\n      schema:\n        type: integer\n        minimum: 1\n        maximum: 100\n        default: 20\n        x-error-message: Limit must be an integer between 1 and 100\n      example: 20\n    Cursor:\n      name: cursor\n      in: query\n      description: The `nextCursor` of the previous page. Opaque.\n      allowReserved: true\n      schema:\n        type: string\n        minLength: 1\n        maxLength: 512\n        x-error-message: Invalid cursor\n      example: eyJ0IjoiMjAyNS0xMi0wMVQxNTozMDowMC4wMDBaIiwiaSI6ImNhbGxfMDEifQ\n\n  headers:\n    RequestId:\n      description: A unique id for this request; the error envelope's `requestId` carries the same value.\n      schema:\n        type: string\n      example: req_5f2c1d0e9b8a4c3d\n    IdempotentReplayed:\n      description: \"`true` when this response is a replay of an earlier request with the same Idempotency-Key.\"\n      schema:\n        type: string\n        enum: [\"true\"]\n    RetryAfter:\n      description: Seconds to wait before retrying.\n      schema:\n        type: integer\n        minimum: 0\n      example: 12\n    RateLimitLimit:\n      description: Requests allowed per window for this API key.\n      schema:\n        type: integer\n      example: 600\n    RateLimitRemaining:\n      description: Requests left in the current window.\n      schema:\n        type: integer\n      example: 599\n    RateLimitReset:\n      description: Seconds until the window resets.\n      schema:\n        type: integer\n      example: 60\n\n  schemas:\n    PhoneNumber:\n      type: string\n      description: A phone number in E.164 format.\n      pattern: ^\\+[1-9]\\d{1,14}$\n      x-error-message: Phone number must be in E.164 format (+1234567890)\n      examples: [\"+14155552671\"]\n\n    CallStatus:\n      type: string\n      description: |\n        Where the call is. `scheduled`: waiting for its `scheduledAt` (or its calling window's next\n        opening) before it enters the Dial queue. Terminal statuses are `completed`, `failed`,\n        `cancelled`, `no_answer` and `busy`: a call in one of them never changes again. New\n        statuses may be added; treat an unknown one as non-terminal.\n      enum:\n        [\n          initiated,\n          scheduled,\n          queued,\n          connecting,\n          ringing,\n          active,\n          completed,\n          failed,\n          cancelled,\n          no_answer,\n          busy,\n        ]\n      x-terminal: [completed, failed, cancelled, no_answer, busy]\n      x-cancellable: [initiated, scheduled, queued, connecting, ringing, active]\n      # The status machine: from → the statuses a call may move to. The server guards every\n      # status write with it in SQL, and the mock moves calls by it. `connecting` may jump straight\n      # to `active`: the answer can arrive before the ringing event. A queued call goes back to\n      # `scheduled` when its calling window closes before it is dialed; a scheduled call fails\n      # (`expired`) when its `latestAt` passes first. A claimed call whose INVITE has not left goes\n      # back to the queue (`connecting → queued`, keeping its place) when its batch is paused.\n      # Terminal statuses allow nothing.\n      x-transitions:\n        initiated: [scheduled, queued, failed, cancelled]\n        scheduled: [queued, failed, cancelled]\n        queued: [scheduled, connecting, failed, cancelled]\n        connecting: [queued, ringing, active, busy, no_answer, failed, cancelled]\n        ringing: [active, busy, no_answer, failed, cancelled]\n        active: [completed, failed, cancelled]\n        completed: []\n        failed: []\n        cancelled: []\n        no_answer: []\n        busy: []\n\n    AgentType:\n      type: string\n      enum: [voice, chat]\n\n    AgentStatus:\n      type: string\n      enum: [active, inactive]\n\n    ErrorType:\n      type: string\n      description: A stable machine-readable error kind.\n      enum:\n        - validation_error\n        - unauthorized\n        - forbidden\n        - not_found\n        - agent_not_found\n        - agent_not_voice\n        - agent_inactive\n        - caller_id_not_allowed\n        - agent_has_no_caller_id\n        - call_not_cancellable\n        - idempotency_key_reused\n        - idempotency_in_progress\n        - rate_limited\n        - too_many_streams\n        - webhook_endpoint_disabled\n        - batch_finished\n        - payload_too_large\n        - request_timeout\n        - request_headers_too_large\n        - livekit_not_configured\n        - queue_failed\n        - internal_error\n\n    CreateOutboundCallRequest:\n      type: object\n      additionalProperties: false\n      required: [agentId, phoneNumber]\n      properties:\n        agentId:\n          type: string\n          format: uuid\n          description: The voice agent that handles the call.\n          x-error-message: Invalid agent ID format\n        phoneNumber:\n          $ref: \"#/components/schemas/PhoneNumber\"\n          description: The number to call, in E.164 format.\n        callerId:\n          type: string\n          pattern: ^\\+[1-9]\\d{1,14}$\n          description: The number to show as caller ID. It must be one of the agent's phone numbers; the default is the agent's first.\n          x-error-message: Caller ID must be in E.164 format (+1234567890)\n        metadata:\n          type: object\n          description: |\n            Your own data, kept on the call and passed to the agent. At most 16384 bytes serialized\n            as JSON, and nested at most 32 levels deep (the metadata object itself is level 1).\n          additionalProperties: true\n          x-max-serialized-bytes: 16384\n          x-max-depth: 32\n          x-error-message: Metadata must be an object\n        priority:\n          type: integer\n          minimum: 0\n          maximum: 10\n          default: 5\n          description: 0 is the most urgent; the Dial queue dials lower numbers first, and in arrival order within one priority.\n          x-error-message: Priority must be an integer between 0 and 10\n        ringTimeoutSeconds:\n          type: integer\n          minimum: 5\n          maximum: 120\n          default: 30\n          description: How long to let the phone ring before the call ends as `no_answer`.\n          x-error-message: Ring timeout must be an integer between 5 and 120 seconds\n        maxDurationSeconds:\n          type: integer\n          minimum: 10\n          maximum: 14400\n          description: The longest the call may last once answered.\n          x-error-message: Max duration must be an integer between 10 and 14400 seconds\n        variables:\n          type: object\n          description: Values for the agent's prompt templates (`{{first_name}}`).\n          additionalProperties:\n            type: string\n          x-error-message: Variables must be a map of strings\n        webhookUrl:\n          $ref: \"#/components/schemas/WebhookUrl\"\n          description: |\n            Also sends every event of this call to this URL, signed with your organization's\n            webhook secret (`rotateWebhookSecret`), besides your webhook endpoints.\n        scheduledAt:\n          type: string\n          format: date-time\n          description: |\n            Dial no earlier than this instant (at most 90 days ahead). The call is created\n            `scheduled` and enters the Dial queue, at its priority, when it falls due. An instant\n            already past (up to 5 minutes, for clock skew) means now.\n          x-error-message: Scheduled time must be an RFC 3339 date-time\n        latestAt:\n          type: string\n          format: date-time\n          description: |\n            Give up at this instant: a call not dialed by then ends `failed` with `failureReason`\n            `expired` (also when the server was down meanwhile). After `scheduledAt` and after now.\n          x-error-message: Latest time must be an RFC 3339 date-time\n        callingWindow:\n          $ref: \"#/components/schemas/CallingWindow\"\n\n    CallingWindow:\n      type: object\n      additionalProperties: false\n      required: [timezone, start, end]\n      description: |\n        Local hours in which the call may be dialed. Outside them the call waits as `scheduled`,\n        with `scheduledAt` set to the window's next opening. `end` before `start` crosses midnight\n        (`22:00`–`02:00`); a window is judged by the local wall clock, so across a DST change it\n        opens at the same local time. Without one, the server's `OUTDIAL_DEFAULT_CALLING_WINDOW`\n        applies (unset: any time).\n      x-error-message: Calling window must be an object with timezone, start and end\n      properties:\n        timezone:\n          type: string\n          minLength: 1\n          maxLength: 64\n          description: An IANA time zone (`America/New_York`), in which `start`, `end` and `days` are read.\n          examples: [America/New_York]\n          x-error-message: Calling window time zone must be an IANA time zone (such as America/New_York)\n        start:\n          type: string\n          pattern: ^([01][0-9]|2[0-3]):[0-5][0-9]$\n          description: Local opening time, `HH:MM` (24 h), inclusive.\n          examples: [\"09:00\"]\n          x-error-message: Calling window start must be a time as HH:MM (00:00 to 23:59)\n        end:\n          type: string\n          pattern: ^([01][0-9]|2[0-3]):[0-5][0-9]$\n          description: Local closing time, `HH:MM` (24 h), exclusive. Before `start`, the window ends the next day.\n          examples: [\"17:30\"]\n          x-error-message: Calling window end must be a time as HH:MM (00:00 to 23:59)\n        days:\n          type: array\n          minItems: 1\n          maxItems: 7\n          uniqueItems: true\n          description: ISO weekdays on which the window opens (1 Monday … 7 Sunday), in the time zone; default every day. A window crossing midnight belongs to the day it opens.\n          items:\n            type: integer\n            minimum: 1\n            maximum: 7\n          x-error-message: Calling window days must be distinct ISO weekdays from 1 (Monday) to 7 (Sunday)\n\n    AgentSummary:\n      type: object\n      required: [id, name, type]\n      properties:\n        id:\n          type: string\n          format: uuid\n        name:\n          type: string\n        type:\n          $ref: \"#/components/schemas/AgentType\"\n\n    CallMetadata:\n      type: object\n      description: |\n        The caller's metadata, plus the keys the server sets (`caller_id`, `from_phone_number`,\n        `priority`). Key order: the caller's keys in the order sent, then `caller_id`,\n        `from_phone_number` and `priority`. The server's values win over the caller's keys of the\n        same names (such a key keeps its place among the caller's).\n      required: [caller_id, from_phone_number, priority]\n      properties:\n        caller_id:\n          type: string\n        from_phone_number:\n          type: string\n        priority:\n          type: integer\n      additionalProperties: true\n\n    QueuedCall:\n      type: object\n      description: The call as `createOutboundCall` returns it.\n      required: [id, status, agentId, phoneNumber, callerId, startedAt, agent, metadata, scheduledAt]\n      properties:\n        id:\n          type: string\n          description: The call's id (`call_…`).\n        status:\n          $ref: \"#/components/schemas/CallStatus\"\n        agentId:\n          type: string\n          format: uuid\n        phoneNumber:\n          type: string\n        callerId:\n          type: string\n        startedAt:\n          type: string\n          format: date-time\n          description: When the call was accepted.\n        agent:\n          $ref: \"#/components/schemas/AgentSummary\"\n        metadata:\n          $ref: \"#/components/schemas/CallMetadata\"\n        scheduledAt:\n          type: [string, \"null\"]\n          format: date-time\n          description: >-\n            When a `scheduled` call enters the Dial queue: the requested `scheduledAt`, or the\n            calling window's next opening. Kept after the call leaves `scheduled`; null for a\n            call that was never scheduled.\n\n    Call:\n      description: A call, with everything `createOutboundCall` returns and its progress.\n      allOf:\n        - $ref: \"#/components/schemas/QueuedCall\"\n        - type: object\n          required:\n            - priority\n            - ringTimeoutSeconds\n            - maxDurationSeconds\n            - variables\n            - roomId\n            - jobId\n            - sipParticipantId\n            - answeredAt\n            - endedAt\n            - duration\n            - failureReason\n            - cancellation\n            - summary\n            - webhookUrl\n            - latestAt\n            - callingWindow\n            - batchId\n            - attempt\n            - retryOf\n            - queuePosition\n            - updatedAt\n          properties:\n            priority:\n              type: integer\n              minimum: 0\n              maximum: 10\n            ringTimeoutSeconds:\n              type: integer\n            maxDurationSeconds:\n              type: [integer, \"null\"]\n            variables:\n              type: object\n              additionalProperties:\n                type: string\n            roomId:\n              type: [string, \"null\"]\n              description: The LiveKit room; null until the Dial queue places the call.\n            jobId:\n              type: [string, \"null\"]\n              description: The LiveKit agent dispatch id; null until the Dial queue places the call.\n            sipParticipantId:\n              type: [string, \"null\"]\n              description: The LiveKit SIP participant id; null until the Dial queue places the call.\n            answeredAt:\n              type: [string, \"null\"]\n              format: date-time\n            endedAt:\n              type: [string, \"null\"]\n              format: date-time\n            duration:\n              type: [integer, \"null\"]\n              minimum: 0\n              description: Whole seconds from answer to end; null until the call ends (0 if never answered).\n            failureReason:\n              type: [string, \"null\"]\n              description: >-\n                Why the call did not connect; null unless the status is `failed`, `busy` or\n                `no_answer`. `expired`: its `latestAt` passed before it could be dialed.\n            cancellation:\n              type: [string, \"null\"]\n              enum: [before_dial, hung_up, null]\n              description: >-\n                How a `cancelled` call was stopped; null for any other status. `before_dial`: the\n                cancel committed before the call's SIP INVITE was sent, so the phone never rang.\n                `hung_up`: the INVITE had already left (or the call was ringing or answered), so\n                Outdial tore the call down in LiveKit, retrying until LiveKit confirmed it.\n                Once a cancel is answered with 200, no INVITE for the call is sent any more.\n            summary:\n              type: [string, \"null\"]\n            webhookUrl:\n              type: [string, \"null\"]\n              description: The call's own webhook URL (`createOutboundCall`), or null.\n            latestAt:\n              type: [string, \"null\"]\n              format: date-time\n              description: The requested `latestAt`, or null.\n            callingWindow:\n              description: The call's calling window (its own, or the server default it was created under), or null.\n              oneOf:\n                - $ref: \"#/components/schemas/CallingWindow\"\n                - type: \"null\"\n            batchId:\n              type: [string, \"null\"]\n              description: The batch the call belongs to (`createBatch`), or null.\n            attempt:\n              type: integer\n              minimum: 1\n              description: Which attempt at its contact this call is; 1 unless it retries an earlier call of its batch.\n            retryOf:\n              type: [string, \"null\"]\n              description: The call this one retries (`attempt - 1`), or null.\n            queuePosition:\n              type: [integer, \"null\"]\n              minimum: 1\n              description: 1-based position in the Dial queue while `queued`, else null.\n            updatedAt:\n              type: string\n              format: date-time\n\n    BatchStatus:\n      type: string\n      description: |\n        `scheduled`: none of its calls is due yet (its `scheduledAt` or calling window);\n        `running`: its calls are being dialed; `paused`: none is dialed until resumed;\n        `completed`: every contact reached a final result (no attempt left waiting);\n        `cancelled`: its waiting calls were cancelled. `completed` and `cancelled` are final.\n      enum: [scheduled, running, paused, completed, cancelled]\n\n    BatchRetry:\n      type: object\n      additionalProperties: false\n      required: [maxAttempts, on]\n      description: When a call of the batch ends in one of `on`, another attempt at the same contact is scheduled `delaySeconds` later (inside the calling window), until `maxAttempts` attempts were made.\n      x-error-message: Retry must be an object with maxAttempts and on\n      properties:\n        maxAttempts:\n          type: integer\n          minimum: 1\n          maximum: 5\n          description: Attempts per contact in all, the first included.\n          x-error-message: Retry max attempts must be an integer between 1 and 5\n        \"on\":\n          type: array\n          minItems: 1\n          maxItems: 3\n          uniqueItems: true\n          items:\n            type: string\n            enum: [busy, no_answer, failed]\n          description: The final statuses that earn another attempt.\n          x-error-message: Retry on must be distinct statuses among busy, no_answer and failed\n        delaySeconds:\n          type: integer\n          minimum: 0\n          maximum: 604800\n          default: 300\n          description: Seconds from the end of an attempt to the next one (then the calling window applies).\n          x-error-message: Retry delay must be an integer between 0 and 604800 seconds\n\n    BatchCallInput:\n      type: object\n      additionalProperties: false\n      required: [phoneNumber]\n      description: One contact of a batch.\n      properties:\n        phoneNumber:\n          $ref: \"#/components/schemas/PhoneNumber\"\n        callerId:\n          type: string\n          pattern: ^\\+[1-9]\\d{1,14}$\n          description: Overrides the batch's `callerId` for this contact; one of the agent's phone numbers.\n          x-error-message: Caller ID must be in E.164 format (+1234567890)\n        priority:\n          type: integer\n          minimum: 0\n          maximum: 10\n          description: Overrides the batch's priority for this contact.\n          x-error-message: Priority must be an integer between 0 and 10\n        metadata:\n          type: object\n          additionalProperties: true\n          description: Merged over the batch's metadata for this contact; the same limits as a call's.\n          x-max-serialized-bytes: 16384\n          x-max-depth: 32\n          x-error-message: Metadata must be an object\n        variables:\n          type: object\n          additionalProperties:\n            type: string\n          description: Values for the agent's prompt templates, for this contact.\n          x-error-message: Variables must be a map of strings\n\n    CreateBatchRequest:\n      type: object\n      additionalProperties: false\n      required: [name, agentId, calls]\n      properties:\n        name:\n          type: string\n          minLength: 1\n          maxLength: 200\n          x-error-message: Name must be 1 to 200 characters\n        agentId:\n          type: string\n          format: uuid\n          description: The voice agent that places every call of the batch.\n          x-error-message: Invalid agent ID format\n        callerId:\n          type: string\n          pattern: ^\\+[1-9]\\d{1,14}$\n          description: The caller ID of every call (rows may override it); one of the agent's numbers; default the agent's first.\n          x-error-message: Caller ID must be in E.164 format (+1234567890)\n        priority:\n          type: integer\n          minimum: 0\n          maximum: 10\n          default: 5\n          description: The priority of every call (rows may override it).\n          x-error-message: Priority must be an integer between 0 and 10\n        scheduledAt:\n          type: string\n          format: date-time\n          description: Dial none of the calls before this instant (at most 90 days ahead), as for a single call.\n          x-error-message: Scheduled time must be an RFC 3339 date-time\n        latestAt:\n          type: string\n          format: date-time\n          description: Calls (and retries) not dialed by then end `failed` with `failureReason` `expired`.\n          x-error-message: Latest time must be an RFC 3339 date-time\n        callingWindow:\n          $ref: \"#/components/schemas/CallingWindow\"\n        maxConcurrentCalls:\n          type: integer\n          minimum: 1\n          maximum: 1000\n          description: At most this many of the batch's calls are live (connecting, ringing or active) at once; a call held back does not use a dial slot. Default no limit beyond the server's.\n          x-error-message: Max concurrent calls must be an integer between 1 and 1000\n        retry:\n          $ref: \"#/components/schemas/BatchRetry\"\n        webhookUrl:\n          $ref: \"#/components/schemas/WebhookUrl\"\n          description: The batch's own events (`batch.*`) and every event of every call of the batch are also sent here, signed with your organization's webhook secret.\n        metadata:\n          type: object\n          additionalProperties: true\n          description: Kept on the batch and merged under each row's metadata on its call. At most 16384 bytes serialized.\n          x-max-serialized-bytes: 16384\n          x-max-depth: 32\n          x-error-message: Metadata must be an object\n        calls:\n          type: array\n          minItems: 1\n          maxItems: 10000\n          items:\n            $ref: \"#/components/schemas/BatchCallInput\"\n          x-error-message: Calls must be a list of 1 to 10000 contacts\n\n    BatchCounters:\n      type: object\n      description: |\n        Each contact counted once, by its latest attempt, so the counters add up to `total`.\n        `retrying`: its last attempt ended `busy`, `no_answer` or `failed` and the next one is\n        waiting its delay; `inProgress`: connecting, ringing or active.\n      required: [total, scheduled, queued, inProgress, completed, busy, noAnswer, failed, cancelled, retrying]\n      properties:\n        total:\n          type: integer\n          minimum: 0\n        scheduled:\n          type: integer\n          minimum: 0\n        queued:\n          type: integer\n          minimum: 0\n        inProgress:\n          type: integer\n          minimum: 0\n        completed:\n          type: integer\n          minimum: 0\n        busy:\n          type: integer\n          minimum: 0\n        noAnswer:\n          type: integer\n          minimum: 0\n        failed:\n          type: integer\n          minimum: 0\n        cancelled:\n          type: integer\n          minimum: 0\n        retrying:\n          type: integer\n          minimum: 0\n\n    Batch:\n      type: object\n      required:\n        - id\n        - name\n        - agentId\n        - status\n        - priority\n        - callerId\n        - scheduledAt\n        - latestAt\n        - callingWindow\n        - maxConcurrentCalls\n        - retry\n        - webhookUrl\n        - metadata\n        - counters\n        - createdAt\n        - updatedAt\n        - completedAt\n      properties:\n        id:\n          type: string\n          pattern: ^batch_[0-9A-HJKMNP-TV-Z]{26}$\n        name:\n          type: string\n        agentId:\n          type: string\n          format: uuid\n        status:\n          $ref: \"#/components/schemas/BatchStatus\"\n        priority:\n          type: integer\n          minimum: 0\n          maximum: 10\n        callerId:\n          type: [string, \"null\"]\n          description: The batch's caller ID as sent, or null (each call then has the agent's first number).\n        scheduledAt:\n          type: [string, \"null\"]\n          format: date-time\n        latestAt:\n          type: [string, \"null\"]\n          format: date-time\n        callingWindow:\n          oneOf:\n            - $ref: \"#/components/schemas/CallingWindow\"\n            - type: \"null\"\n        maxConcurrentCalls:\n          type: [integer, \"null\"]\n        retry:\n          oneOf:\n            - $ref: \"#/components/schemas/BatchRetry\"\n            - type: \"null\"\n        webhookUrl:\n          type: [string, \"null\"]\n        metadata:\n          type: object\n          additionalProperties: true\n        counters:\n          $ref: \"#/components/schemas/BatchCounters\"\n        createdAt:\n          type: string\n          format: date-time\n        updatedAt:\n          type: string\n          format: date-time\n        completedAt:\n          type: [string, \"null\"]\n          format: date-time\n          description: When the batch became `completed` or `cancelled`.\n\n    BatchResponse:\n      type: object\n      required: [data]\n      properties:\n        data:\n          $ref: \"#/components/schemas/Batch\"\n\n    ListBatchesResponse:\n      type: object\n      required: [data]\n      properties:\n        data:\n          type: object\n          required: [batches, pagination]\n          properties:\n            batches:\n              type: array\n              items:\n                $ref: \"#/components/schemas/Batch\"\n            pagination:\n              $ref: \"#/components/schemas/Pagination\"\n\n    TrunkQueue:\n      type: object\n      required: [trunkId, cps, queued, queuedByPriority, dialsLastMinute, leader]\n      properties:\n        trunkId:\n          type: string\n          description: The SIP trunk (`ST_…`), or `default` when neither the agent nor the server names one.\n        cps:\n          type: number\n          exclusiveMinimum: 0\n          description: The trunk's dial starts per second at most, in any 1 s window — its own budget (`outdial trunks set`), else `DIAL_CPS`. Each trunk is paced on its own.\n        queued:\n          type: integer\n          minimum: 0\n          description: Your calls waiting in the Dial queue for this trunk (status `queued`).\n        queuedByPriority:\n          type: array\n          minItems: 11\n          maxItems: 11\n          description: \"`queued` split by priority: index 0 is priority 0 (most urgent), index 10 priority 10.\"\n          items:\n            type: integer\n            minimum: 0\n        dialsLastMinute:\n          type: array\n          minItems: 60\n          maxItems: 60\n          description: Your calls dialed on this trunk in each of the last 60 whole seconds, oldest first; the last entry is the second now running.\n          items:\n            type: integer\n            minimum: 0\n        leader:\n          type: [string, \"null\"]\n          description: The server process that dials this trunk (`host:pid`), or null while none does (no LiveKit configured).\n\n    QueueResponse:\n      type: object\n      required: [data]\n      properties:\n        data:\n          type: object\n          required: [trunks, at]\n          properties:\n            at:\n              type: string\n              format: date-time\n              description: When the counts were read.\n            trunks:\n              type: array\n              items:\n                $ref: \"#/components/schemas/TrunkQueue\"\n\n    Pagination:\n      type: object\n      required: [limit, hasMore, nextCursor]\n      properties:\n        limit:\n          type: integer\n        hasMore:\n          type: boolean\n        nextCursor:\n          type: [string, \"null\"]\n\n    CreateOutboundCallResponse:\n      type: object\n      required: [data, message]\n      properties:\n        data:\n          $ref: \"#/components/schemas/QueuedCall\"\n        message:\n          type: string\n          const: Outbound call queued. Poll GET /api/v1/calls/{id} for dial progress.\n\n    GetCallResponse:\n      type: object\n      required: [data]\n      properties:\n        data:\n          $ref: \"#/components/schemas/Call\"\n\n    ListCallsResponse:\n      type: object\n      required: [data]\n      properties:\n        data:\n          type: object\n          required: [calls, pagination]\n          properties:\n            calls:\n              type: array\n              items:\n                $ref: \"#/components/schemas/Call\"\n            pagination:\n              $ref: \"#/components/schemas/Pagination\"\n\n    CancelCallResponse:\n      type: object\n      required: [data, message]\n      properties:\n        data:\n          type: object\n          required: [id, status]\n          properties:\n            id:\n              type: string\n            status:\n              type: string\n              const: cancelled\n        message:\n          type: string\n          const: Call cancelled successfully\n\n    EventType:\n      type: string\n      description: |\n        `call.<status>`: the call reached that status. `batch.<change>`: a batch started dialing,\n        was paused, resumed, completed or cancelled. New types may be added; ignore an unknown one.\n      enum:\n        - call.scheduled\n        - call.queued\n        - call.connecting\n        - call.ringing\n        - call.active\n        - call.completed\n        - call.failed\n        - call.cancelled\n        - call.no_answer\n        - call.busy\n        - batch.started\n        - batch.paused\n        - batch.resumed\n        - batch.completed\n        - batch.cancelled\n\n    CallEventType:\n      type: string\n      description: The event types of a call's status changes (`call.<status>`).\n      enum:\n        - call.scheduled\n        - call.queued\n        - call.connecting\n        - call.ringing\n        - call.active\n        - call.completed\n        - call.failed\n        - call.cancelled\n        - call.no_answer\n        - call.busy\n\n    BatchEventType:\n      type: string\n      description: |\n        The event types of a batch's changes: `batch.started` (its first calls became due: it is\n        `running`; a batch created with calls due at once starts as it is created, and one paused\n        before any fell due starts when it is resumed, right after its `batch.resumed`),\n        `batch.paused`, `batch.resumed`, `batch.completed` (every contact reached a final result)\n        and `batch.cancelled`.\n      enum:\n        - batch.started\n        - batch.paused\n        - batch.resumed\n        - batch.completed\n        - batch.cancelled\n\n    Event:\n      description: |\n        One event: a call's status change (`call.*`, `data` is the Call) or a batch's change\n        (`batch.*`, `data` is the Batch). Discriminate on `type`.\n      oneOf:\n        - $ref: \"#/components/schemas/CallEvent\"\n        - $ref: \"#/components/schemas/BatchEvent\"\n\n    CallEvent:\n      type: object\n      description: |\n        One status change of a call. `data` is the call as `getCall` returned it at that moment,\n        except `queuePosition`, which is null in events (a position changes with every dial; read\n        it with `getCall`).\n      required: [id, type, timestamp, sequence, data]\n      properties:\n        id:\n          type: string\n          pattern: ^evt_[0-9A-HJKMNP-TV-Z]{26}$\n          description: Unique; increases in the order events were committed within your organization.\n        type:\n          $ref: \"#/components/schemas/CallEventType\"\n        timestamp:\n          type: string\n          format: date-time\n          description: When the status change was committed.\n        sequence:\n          type: integer\n          minimum: 1\n          description: The event's place among its call's events, 1-based and gapless.\n        data:\n          $ref: \"#/components/schemas/Call\"\n\n    BatchEvent:\n      type: object\n      description: |\n        One change of a batch. `data` is the batch as `getBatch` returned it at that moment\n        (its counters included).\n      required: [id, type, timestamp, sequence, data]\n      properties:\n        id:\n          type: string\n          pattern: ^evt_[0-9A-HJKMNP-TV-Z]{26}$\n          description: Unique; increases in the order events were committed within your organization.\n        type:\n          $ref: \"#/components/schemas/BatchEventType\"\n        timestamp:\n          type: string\n          format: date-time\n          description: When the change was committed.\n        sequence:\n          type: integer\n          minimum: 1\n          description: The event's place among its batch's events, 1-based and gapless.\n        data:\n          $ref: \"#/components/schemas/Batch\"\n\n    ListEventsResponse:\n      type: object\n      required: [data]\n      properties:\n        data:\n          type: object\n          required: [events, pagination]\n          properties:\n            events:\n              type: array\n              items:\n                $ref: \"#/components/schemas/Event\"\n            pagination:\n              $ref: \"#/components/schemas/Pagination\"\n\n    ListCallEventsResponse:\n      type: object\n      required: [data]\n      properties:\n        data:\n          type: object\n          required: [events]\n          properties:\n            events:\n              type: array\n              items:\n                $ref: \"#/components/schemas/Event\"\n\n    WebhookEventType:\n      type: string\n      description: What a webhook endpoint can subscribe to. `webhook.test` is sent only by `sendTestWebhook`.\n      anyOf:\n        - $ref: \"#/components/schemas/EventType\"\n        - type: string\n          const: webhook.test\n\n    WebhookUrl:\n      type: string\n      format: uri\n      maxLength: 2048\n      pattern: ^https?://\n      description: |\n        An absolute `http` or `https` URL. Redirects are not followed. Deliveries to loopback,\n        private, link-local and cloud-metadata addresses (checked on the address the host resolves\n        to when sending) are refused unless the server runs with `OUTDIAL_WEBHOOK_ALLOW_PRIVATE=true`.\n      x-error-message: Webhook URL must be an absolute http or https URL of at most 2048 characters\n      examples: [\"https://example.com/outdial/webhooks\"]\n\n    WebhookEndpoint:\n      type: object\n      required: [id, url, description, enabledEvents, status, disabledReason, createdAt, updatedAt]\n      properties:\n        id:\n          type: string\n          description: \"`we_<ulid>`.\"\n        url:\n          $ref: \"#/components/schemas/WebhookUrl\"\n        description:\n          type: [string, \"null\"]\n        enabledEvents:\n          type: array\n          items:\n            $ref: \"#/components/schemas/EventType\"\n        status:\n          type: string\n          enum: [enabled, disabled]\n        disabledReason:\n          type: [string, \"null\"]\n          enum: [gone, failing, null]\n          description: >-\n            Why Outdial disabled the endpoint: `gone` (it answered 410 Gone) or `failing` (every\n            delivery failed for 5 days). Null when enabled, or disabled through the API.\n        createdAt:\n          type: string\n          format: date-time\n        updatedAt:\n          type: string\n          format: date-time\n\n    WebhookEndpointWithSecret:\n      allOf:\n        - $ref: \"#/components/schemas/WebhookEndpoint\"\n        - type: object\n          required: [secret]\n          properties:\n            secret:\n              type: string\n              pattern: ^whsec_[A-Za-z0-9+/]{32,}={0,2}$\n              description: \"`whsec_` and the base64 of 32 random bytes. Shown only when created or rotated.\"\n\n    CreateWebhookEndpointRequest:\n      type: object\n      additionalProperties: false\n      required: [url]\n      properties:\n        url:\n          $ref: \"#/components/schemas/WebhookUrl\"\n        description:\n          type: string\n          maxLength: 500\n          x-error-message: Description must be at most 500 characters\n        enabledEvents:\n          type: array\n          minItems: 1\n          uniqueItems: true\n          description: The event types to send. Default every `call.*` type (`batch.*` are sent only to endpoints that name them, and to a batch's `webhookUrl`).\n          items:\n            $ref: \"#/components/schemas/EventType\"\n          x-error-message: enabledEvents must be a non-empty list of distinct event types\n\n    UpdateWebhookEndpointRequest:\n      type: object\n      additionalProperties: false\n      minProperties: 1\n      properties:\n        url:\n          $ref: \"#/components/schemas/WebhookUrl\"\n        description:\n          type: [string, \"null\"]\n          maxLength: 500\n          x-error-message: Description must be at most 500 characters\n        enabledEvents:\n          type: array\n          minItems: 1\n          uniqueItems: true\n          items:\n            $ref: \"#/components/schemas/EventType\"\n          x-error-message: enabledEvents must be a non-empty list of distinct event types\n        status:\n          type: string\n          enum: [enabled, disabled]\n          x-error-message: Status must be enabled or disabled\n\n    WebhookEndpointResponse:\n      type: object\n      required: [data]\n      properties:\n        data:\n          $ref: \"#/components/schemas/WebhookEndpoint\"\n\n    WebhookEndpointWithSecretResponse:\n      type: object\n      required: [data]\n      properties:\n        data:\n          $ref: \"#/components/schemas/WebhookEndpointWithSecret\"\n\n    ListWebhookEndpointsResponse:\n      type: object\n      required: [data]\n      properties:\n        data:\n          type: object\n          required: [webhookEndpoints, pagination]\n          properties:\n            webhookEndpoints:\n              type: array\n              items:\n                $ref: \"#/components/schemas/WebhookEndpoint\"\n            pagination:\n              $ref: \"#/components/schemas/Pagination\"\n\n    DeleteWebhookEndpointResponse:\n      type: object\n      required: [data, message]\n      properties:\n        data:\n          type: object\n          required: [id, deleted]\n          properties:\n            id:\n              type: string\n            deleted:\n              type: boolean\n              const: true\n        message:\n          type: string\n          const: Webhook endpoint deleted successfully\n\n    WebhookSecretResponse:\n      type: object\n      required: [data]\n      properties:\n        data:\n          type: object\n          required: [secret, previousSecretExpiresAt]\n          properties:\n            secret:\n              type: string\n              pattern: ^whsec_[A-Za-z0-9+/]{32,}={0,2}$\n            previousSecretExpiresAt:\n              type: string\n              format: date-time\n              description: Until then the previous secret signs every delivery too.\n\n    WebhookDeliveryStatus:\n      type: string\n      enum: [pending, succeeded, failed]\n      description: \"`pending` while attempts remain, `succeeded` after a 2xx, `failed` once the schedule is exhausted (or the endpoint was disabled).\"\n\n    WebhookDeliveryAttempt:\n      type: object\n      required: [at, statusCode, durationMs, error]\n      properties:\n        at:\n          type: string\n          format: date-time\n        statusCode:\n          type: [integer, \"null\"]\n          description: The receiver's HTTP status; null when no response arrived.\n        durationMs:\n          type: integer\n          minimum: 0\n        error:\n          type: [string, \"null\"]\n          description: Why the attempt failed (timeout, refused address, connection error, a non-2xx status), or null.\n        responseBody:\n          type: [string, \"null\"]\n          description: The receiver's response body, at most 64 KiB (longer ones are truncated).\n\n    WebhookDelivery:\n      type: object\n      required: [id, endpointId, eventId, eventType, status, attempts, nextAttemptAt, createdAt]\n      properties:\n        id:\n          type: string\n          description: \"`wd_<ulid>`.\"\n        endpointId:\n          type: string\n        eventId:\n          type: string\n          description: The event's id, sent as `webhook-id` on every attempt.\n        eventType:\n          $ref: \"#/components/schemas/WebhookEventType\"\n        status:\n          $ref: \"#/components/schemas/WebhookDeliveryStatus\"\n        attempts:\n          type: array\n          items:\n            $ref: \"#/components/schemas/WebhookDeliveryAttempt\"\n        nextAttemptAt:\n          type: [string, \"null\"]\n          format: date-time\n          description: When the next attempt is due; null unless `pending`.\n        createdAt:\n          type: string\n          format: date-time\n\n    WebhookDeliveryResponse:\n      type: object\n      required: [data]\n      properties:\n        data:\n          $ref: \"#/components/schemas/WebhookDelivery\"\n\n    ListWebhookDeliveriesResponse:\n      type: object\n      required: [data]\n      properties:\n        data:\n          type: object\n          required: [deliveries, pagination]\n          properties:\n            deliveries:\n              type: array\n              items:\n                $ref: \"#/components/schemas/WebhookDelivery\"\n            pagination:\n              $ref: \"#/components/schemas/Pagination\"\n\n    WebhookTestEvent:\n      type: object\n      description: The body `sendTestWebhook` delivers.\n      required: [id, type, timestamp, data]\n      properties:\n        id:\n          type: string\n          pattern: ^evt_[0-9A-HJKMNP-TV-Z]{26}$\n        type:\n          type: string\n          const: webhook.test\n        timestamp:\n          type: string\n          format: date-time\n        data:\n          type: object\n          required: [endpointId]\n          properties:\n            endpointId:\n              type: string\n\n    Agent:\n      type: object\n      required: [id, name, type, status, phoneNumbers, livekitAgentName, sipTrunkId, createdAt, updatedAt]\n      properties:\n        id:\n          type: string\n          format: uuid\n        name:\n          type: string\n        type:\n          $ref: \"#/components/schemas/AgentType\"\n        status:\n          $ref: \"#/components/schemas/AgentStatus\"\n        phoneNumbers:\n          type: array\n          description: The agent's numbers, in E.164; the first is the default caller ID.\n          items:\n            type: string\n        livekitAgentName:\n          type: [string, \"null\"]\n          description: The LiveKit agent worker to dispatch; null uses the server's default.\n        sipTrunkId:\n          type: [string, \"null\"]\n          description: The LiveKit outbound SIP trunk; null uses the server's default.\n        createdAt:\n          type: string\n          format: date-time\n        updatedAt:\n          type: string\n          format: date-time\n\n    CreateAgentRequest:\n      type: object\n      additionalProperties: false\n      required: [name]\n      properties:\n        name:\n          type: string\n          minLength: 1\n          maxLength: 200\n          x-error-message: Name must be 1 to 200 characters\n        type:\n          $ref: \"#/components/schemas/AgentType\"\n          default: voice\n          x-error-message: \"Type must be one of: voice, chat\"\n        status:\n          $ref: \"#/components/schemas/AgentStatus\"\n          default: active\n          x-error-message: \"Status must be one of: active, inactive\"\n        phoneNumbers:\n          type: array\n          maxItems: 50\n          uniqueItems: true\n          default: []\n          items:\n            $ref: \"#/components/schemas/PhoneNumber\"\n          x-error-message: Phone numbers must be a list of distinct E.164 numbers (+1234567890)\n        livekitAgentName:\n          type: [string, \"null\"]\n          minLength: 1\n          maxLength: 128\n          x-error-message: LiveKit agent name must be 1 to 128 characters\n        sipTrunkId:\n          type: [string, \"null\"]\n          minLength: 1\n          maxLength: 128\n          x-error-message: SIP trunk ID must be 1 to 128 characters\n\n    UpdateAgentRequest:\n      type: object\n      additionalProperties: false\n      minProperties: 1\n      x-error-message: Send at least one field to update\n      properties:\n        name:\n          type: string\n          minLength: 1\n          maxLength: 200\n          x-error-message: Name must be 1 to 200 characters\n        type:\n          $ref: \"#/components/schemas/AgentType\"\n          x-error-message: \"Type must be one of: voice, chat\"\n        status:\n          $ref: \"#/components/schemas/AgentStatus\"\n          x-error-message: \"Status must be one of: active, inactive\"\n        phoneNumbers:\n          type: array\n          maxItems: 50\n          uniqueItems: true\n          items:\n            $ref: \"#/components/schemas/PhoneNumber\"\n          x-error-message: Phone numbers must be a list of distinct E.164 numbers (+1234567890)\n        livekitAgentName:\n          type: [string, \"null\"]\n          minLength: 1\n          maxLength: 128\n          x-error-message: LiveKit agent name must be 1 to 128 characters\n        sipTrunkId:\n          type: [string, \"null\"]\n          minLength: 1\n          maxLength: 128\n          x-error-message: SIP trunk ID must be 1 to 128 characters\n\n    AgentResponse:\n      type: object\n      required: [data]\n      properties:\n        data:\n          $ref: \"#/components/schemas/Agent\"\n\n    ListAgentsResponse:\n      type: object\n      required: [data]\n      properties:\n        data:\n          type: object\n          required: [agents, pagination]\n          properties:\n            agents:\n              type: array\n              items:\n                $ref: \"#/components/schemas/Agent\"\n            pagination:\n              $ref: \"#/components/schemas/Pagination\"\n\n    DeleteAgentResponse:\n      type: object\n      required: [data, message]\n      properties:\n        data:\n          type: object\n          required: [id, deleted]\n          properties:\n            id:\n              type: string\n              format: uuid\n            deleted:\n              type: boolean\n              const: true\n        message:\n          type: string\n          const: Agent deleted successfully\n\n    LiveKitWebhookEvent:\n      type: object\n      description: A LiveKit `WebhookEvent` in protobuf JSON form. Only the fields Outdial reads are listed.\n      required: [event]\n      additionalProperties: true\n      properties:\n        event:\n          type: string\n          description: \"`room_started`, `room_finished`, `participant_joined`, `participant_left`, …\"\n        id:\n          type: string\n        createdAt:\n          type: [string, integer]\n        room:\n          type: object\n          additionalProperties: true\n          properties:\n            sid:\n              type: string\n            name:\n              type: string\n        participant:\n          type: object\n          additionalProperties: true\n          properties:\n            sid:\n              type: string\n            identity:\n              type: string\n            kind:\n              type: [string, integer]\n\n    WebhookAck:\n      type: object\n      required: [data]\n      properties:\n        data:\n          type: object\n          required: [received]\n          properties:\n            received:\n              type: boolean\n\n    Health:\n      type: object\n      required: [status]\n      properties:\n        status:\n          type: string\n          const: ok\n\n    Readiness:\n      type: object\n      required: [status, checks]\n      properties:\n        status:\n          type: string\n          enum: [ready, not_ready]\n        checks:\n          type: object\n          description: >-\n            `database`: `ok` or `error`. `dialQueue`: `ok` (dialing), `following` (a replica\n            another one leads), `starting` (a replica that just took the lead) or `stopped`.\n            `livekit`: `ok` or `not_configured`.\n          additionalProperties:\n            type: string\n        trunks:\n          type: array\n          description: >-\n            Replicas on PostgreSQL only: every trunk dialed (the default trunk, or `default`, and\n            each trunk an agent names or a budget is set for), and whether this replica holds its\n            lock, and so dials it, now. Each trunk has its own leader.\n          items:\n            type: object\n            required: [trunkId, leading]\n            properties:\n              trunkId:\n                type: string\n              leading:\n                type: boolean\n\n    ErrorDetail:\n      type: object\n      required: [field, message]\n      properties:\n        field:\n          type: string\n          description: The request field at fault, as a dotted path (`metadata`, `phoneNumbers.1`).\n        message:\n          type: string\n\n    ErrorResponse:\n      type: object\n      required: [error]\n      properties:\n        error:\n          type: object\n          required: [message, code, type, requestId]\n          properties:\n            message:\n              type: string\n            code:\n              type: integer\n              description: The HTTP status, kept for compatibility with the existing API.\n            type:\n              $ref: \"#/components/schemas/ErrorType\"\n            details:\n              type: array\n              items:\n                $ref: \"#/components/schemas/ErrorDetail\"\n            requestId:\n              type: string\n\n  responses:\n    ValidationError:\n      description: The request is not valid.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            validation:\n              value:\n                error:\n                  message: \"Validation error: Limit must be an integer between 1 and 100\"\n                  code: 400\n                  type: validation_error\n                  details:\n                    - field: limit\n                      message: Limit must be an integer between 1 and 100\n                  requestId: req_5f2c1d0e9b8a4c3d\n    Unauthorized:\n      description: The API key is missing or unknown.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            unauthorized:\n              value:\n                error:\n                  message: Unauthorized\n                  code: 401\n                  type: unauthorized\n                  requestId: req_5f2c1d0e9b8a4c3d\n    CallForbidden:\n      description: The call belongs to another organization.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            forbidden:\n              value:\n                error:\n                  message: Access denied - call belongs to different organization\n                  code: 403\n                  type: forbidden\n                  requestId: req_5f2c1d0e9b8a4c3d\n    CallNotFound:\n      description: No call has this id.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            notFound:\n              value:\n                error:\n                  message: Call not found\n                  code: 404\n                  type: not_found\n                  requestId: req_5f2c1d0e9b8a4c3d\n    WebhookEndpointNotFound:\n      description: The webhook endpoint does not exist, or belongs to another organization.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            notFound:\n              value:\n                error:\n                  message: Webhook endpoint not found\n                  code: 404\n                  type: not_found\n                  requestId: req_5f2c1d0e9b8a4c3d\n    WebhookDeliveryNotFound:\n      description: The endpoint or the delivery does not exist, or belongs to another organization.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            notFound:\n              value:\n                error:\n                  message: Webhook delivery not found\n                  code: 404\n                  type: not_found\n                  requestId: req_5f2c1d0e9b8a4c3d\n    WebhookEndpointDisabled:\n      description: The endpoint is disabled, so nothing is sent to it.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            disabled:\n              value:\n                error:\n                  message: Webhook endpoint is disabled; enable it first\n                  code: 409\n                  type: webhook_endpoint_disabled\n                  requestId: req_5f2c1d0e9b8a4c3d\n    BatchNotFound:\n      description: The batch does not exist, or belongs to another organization.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            notFound:\n              value:\n                error:\n                  message: Batch not found\n                  code: 404\n                  type: not_found\n                  requestId: req_5f2c1d0e9b8a4c3d\n    BatchFinished:\n      description: The batch is `completed` or `cancelled`, so it can no longer be paused, resumed or cancelled.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            finished:\n              value:\n                error:\n                  message: \"Batch has already finished: completed\"\n                  code: 409\n                  type: batch_finished\n                  requestId: req_5f2c1d0e9b8a4c3d\n    AgentNotFound:\n      description: The agent does not exist, or belongs to another organization.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            notFound:\n              value:\n                error:\n                  message: Agent not found or access denied\n                  code: 404\n                  type: agent_not_found\n                  requestId: req_5f2c1d0e9b8a4c3d\n    IdempotencyInProgress:\n      description: A request with the same Idempotency-Key is still being processed. Retry shortly.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n        Retry-After:\n          $ref: \"#/components/headers/RetryAfter\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            inProgress:\n              value:\n                error:\n                  message: A request with this Idempotency-Key is still being processed\n                  code: 409\n                  type: idempotency_in_progress\n                  requestId: req_5f2c1d0e9b8a4c3d\n    IdempotencyKeyReused:\n      description: The Idempotency-Key was already used with a different request body.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            reused:\n              value:\n                error:\n                  message: This Idempotency-Key was already used with a different request\n                  code: 422\n                  type: idempotency_key_reused\n                  requestId: req_5f2c1d0e9b8a4c3d\n    PayloadTooLarge:\n      description: The request body is larger than the server accepts.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            tooLarge:\n              value:\n                error:\n                  message: Request body is too large\n                  code: 413\n                  type: payload_too_large\n                  requestId: req_5f2c1d0e9b8a4c3d\n    TooManyStreams:\n      description: |\n        Too many requests for this API key (`rate_limited`, with `Retry-After`), or, for a\n        `text/event-stream` request, too many event streams open for it at once\n        (`too_many_streams`: close one first; no `Retry-After`, since only a close frees a slot).\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n        Retry-After:\n          $ref: \"#/components/headers/RetryAfter\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            tooManyStreams:\n              value:\n                error:\n                  message: Too many open event streams for this API key (at most 100)\n                  code: 429\n                  type: too_many_streams\n                  requestId: req_5f2c1d0e9b8a4c3d\n    RateLimited:\n      description: Too many requests for this API key. Wait `Retry-After` seconds.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n        Retry-After:\n          $ref: \"#/components/headers/RetryAfter\"\n        RateLimit-Limit:\n          $ref: \"#/components/headers/RateLimitLimit\"\n        RateLimit-Remaining:\n          $ref: \"#/components/headers/RateLimitRemaining\"\n        RateLimit-Reset:\n          $ref: \"#/components/headers/RateLimitReset\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            rateLimited:\n              value:\n                error:\n                  message: Too many requests, please retry later\n                  code: 429\n                  type: rate_limited\n                  requestId: req_5f2c1d0e9b8a4c3d\n    MalformedRequest:\n      description: The request is not valid HTTP; it was refused before any route saw it, and the connection is closed.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            malformed:\n              value:\n                error:\n                  message: \"Validation error: The request is not valid HTTP\"\n                  code: 400\n                  type: validation_error\n                  requestId: req_5f2c1d0e9b8a4c3d\n    RequestTimeout:\n      description: The request's headers or body did not arrive in time. The connection is closed.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            timeout:\n              value:\n                error:\n                  message: The request was not received in time\n                  code: 408\n                  type: request_timeout\n                  requestId: req_5f2c1d0e9b8a4c3d\n    RequestHeadersTooLarge:\n      description: |\n        The request line and header fields are larger than the server accepts (16 KiB unless the\n        server is configured otherwise). The connection is closed.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            tooLarge:\n              value:\n                error:\n                  message: Request header fields are too large\n                  code: 431\n                  type: request_headers_too_large\n                  requestId: req_5f2c1d0e9b8a4c3d\n    InternalError:\n      description: An unexpected server error.\n      headers:\n        x-request-id:\n          $ref: \"#/components/headers/RequestId\"\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorResponse\"\n          examples:\n            internal:\n              $ref: \"#/components/examples/InternalError\"\n\n  examples:\n    Batch:\n      summary: A batch being dialed\n      value:\n        data:\n          id: batch_01JD7ZK5WBA1B2C3D4E5F6G7H8\n          name: December renewals\n          agentId: 550e8400-e29b-41d4-a716-446655440000\n          status: running\n          priority: 5\n          callerId: null\n          scheduledAt: null\n          latestAt: null\n          callingWindow:\n            timezone: America/New_York\n            start: \"09:00\"\n            end: \"17:30\"\n            days: [1, 2, 3, 4, 5]\n          maxConcurrentCalls: 20\n          retry:\n            maxAttempts: 3\n            \"on\": [busy, no_answer]\n            delaySeconds: 3600\n          webhookUrl: null\n          metadata: {}\n          counters:\n            total: 2\n            scheduled: 0\n            queued: 1\n            inProgress: 0\n            completed: 0\n            busy: 0\n            noAnswer: 0\n            failed: 0\n            cancelled: 0\n            retrying: 1\n          createdAt: \"2025-12-01T15:00:00.000Z\"\n          updatedAt: \"2025-12-01T15:04:10.000Z\"\n          completedAt: null\n    WebhookEndpoint:\n      summary: A webhook endpoint\n      value:\n        data: &webhookEndpoint\n          id: we_01JD7ZK5W9A1B2C3D4E5F6G7H8\n          url: https://example.com/outdial/webhooks\n          description: Production receiver\n          enabledEvents: [call.completed, call.failed, call.busy, call.no_answer]\n          status: enabled\n          disabledReason: null\n          createdAt: \"2025-12-01T15:00:00.000Z\"\n          updatedAt: \"2025-12-01T15:00:00.000Z\"\n    WebhookEndpointWithSecret:\n      summary: A new webhook endpoint, with its secret\n      value:\n        data:\n          id: we_01JD7ZK5W9A1B2C3D4E5F6G7H8\n          url: https://example.com/outdial/webhooks\n          description: Production receiver\n          enabledEvents: [call.completed, call.failed, call.busy, call.no_answer]\n          status: enabled\n          disabledReason: null\n          createdAt: \"2025-12-01T15:00:00.000Z\"\n          updatedAt: \"2025-12-01T15:00:00.000Z\"\n          secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Hy7ZpCR1Ko=\n    WebhookEndpointPage:\n      summary: One page of webhook endpoints\n      value:\n        data:\n          webhookEndpoints:\n            - *webhookEndpoint\n          pagination:\n            limit: 20\n            hasMore: false\n            nextCursor: null\n    RotatedSecret:\n      summary: A new signing secret\n      value:\n        data:\n          secret: whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD7Ytqg8bXZNs=\n          previousSecretExpiresAt: \"2025-12-02T15:00:00.000Z\"\n    WebhookDelivery:\n      summary: A delivery that succeeded on its second attempt\n      value:\n        data: &webhookDelivery\n          id: wd_01JD7ZK5WAB2C3D4E5F6G7H8J9\n          endpointId: we_01JD7ZK5W9A1B2C3D4E5F6G7H8\n          eventId: evt_01JD7ZK5W9A1B2C3D4E5F6G7H8\n          eventType: call.completed\n          status: succeeded\n          attempts:\n            - at: \"2025-12-01T15:31:00.000Z\"\n              statusCode: 503\n              durationMs: 41\n              error: \"HTTP 503\"\n              responseBody: Service Unavailable\n            - at: \"2025-12-01T15:31:05.000Z\"\n              statusCode: 200\n              durationMs: 12\n              error: null\n              responseBody: \"\"\n          nextAttemptAt: null\n          createdAt: \"2025-12-01T15:31:00.000Z\"\n    WebhookDeliveryPage:\n      summary: One page of deliveries\n      value:\n        data:\n          deliveries:\n            - *webhookDelivery\n          pagination:\n            limit: 20\n            hasMore: false\n            nextCursor: null\n    InternalError:\n      summary: An unexpected error\n      value:\n        error:\n          message: Internal server error\n          code: 500\n          type: internal_error\n          requestId: req_5f2c1d0e9b8a4c3d\n    Agent:\n      summary: A voice agent\n      value:\n        data: *agent\n";

/** openapi.yaml, parsed. */
export const openApiDocument = {
  "openapi": "3.1.0",
  "info": {
    "title": "Outdial Calls API",
    "version": "1.0.0",
    "summary": "Place, track and cancel outbound AI voice calls, paced to your SIP trunk's CPS budget.",
    "description": "The Outdial Calls API queues outbound AI voice calls, paces the dials to the SIP trunk's\ncalls-per-second (CPS) budget, places them through LiveKit (room, agent dispatch, SIP\nparticipant) and tracks each call through\n`queued → connecting → ringing → active → completed` (or `failed`, `busy`, `no_answer`,\n`cancelled`).\n\nThis document is the single source of truth: the SDK's types, the server's request and\nresponse validation and the mock are all produced from it or checked against it.\n\n## Error messages\nEvery 4xx/5xx response uses the error envelope (`ErrorResponse`). The exact messages live\nin this document so that the server and the mock read them from one place:\n- `x-error-catalog` (at the root) maps each error rule to its status, `type` and message\n  template (`{placeholder}` marks a value filled in at run time);\n- `x-error-message` on a request schema property is the message used when that property\n  fails validation, rendered as `Validation error: <message>`.\n\n## Requests\n- Query values may carry reserved characters unencoded, as HTTP clients send them\n  (`endDate=2025-12-31T23:59:59Z`): every query parameter is `allowReserved`. A `+` in a query\n  still means a space, so send the `+` of a phone number or an offset as `%2B`.\n- A request body is read only by the operations that take one; the body of any other request\n  is ignored. A body may be sent with `Content-Encoding: gzip` or `deflate` (or `identity`);\n  size limits apply to the decoded body, and any other coding is refused with 400.\n- Every `GET` operation also answers `HEAD`, with the same status and headers and no body.\n- A request that is not valid HTTP (400), whose header fields are too large (431) or that does\n  not arrive in time (408) is answered in the error envelope before any route sees it, and its\n  connection is closed.\n- Browsers on other origins may call the API when the server allows their origin (CORS):\n  preflight requests are answered before authentication, and the response headers this\n  document defines are exposed to scripts.\n",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    },
    "contact": {
      "name": "Outdial maintainers",
      "url": "https://github.com/outdial/outdial"
    }
  },
  "servers": [
    {
      "url": "{origin}",
      "description": "Your Outdial server. `outdial serve` listens on port 3000 by default.",
      "variables": {
        "origin": {
          "default": "http://127.0.0.1:3000",
          "description": "The scheme, host and port of your server."
        }
      }
    }
  ],
  "security": [
    {
      "ApiKeyAuth": []
    },
    {
      "BearerAuth": []
    }
  ],
  "tags": [
    {
      "name": "calls",
      "description": "Outbound calls, the Dial queue and call status."
    },
    {
      "name": "agents",
      "description": "The agents that handle calls. Each belongs to one organization."
    },
    {
      "name": "events",
      "description": "What happened to your calls, as events: a JSON feed and live Server-Sent Events streams.\nEach status change of a call is one event, written in the same transaction as the change.\n"
    },
    {
      "name": "batches",
      "description": "Many calls at once: up to 10,000 contacts per batch, accepted atomically, dialed within a\ncalling window with retries and a concurrency limit, and followed by counters.\n"
    },
    {
      "name": "webhooks",
      "description": "Signed HTTP deliveries of your organization's events (Standard Webhooks), with a delivery\nlog and retries.\n"
    },
    {
      "name": "health",
      "description": "Liveness, readiness and this document. No authentication."
    },
    {
      "name": "internal",
      "description": "Endpoints called by infrastructure (LiveKit), not by API clients. The SDK does not wrap them."
    }
  ],
  "x-error-catalog": {
    "validation_error": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: {reason}"
    },
    "invalid_phone_number": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: Phone number must be in E.164 format (+1234567890)"
    },
    "invalid_agent_id": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: Invalid agent ID format"
    },
    "metadata_too_large": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: Metadata must be at most 16384 bytes when serialized as JSON"
    },
    "metadata_too_deep": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: Metadata must be nested at most 32 levels deep"
    },
    "scheduled_at_too_far": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: Scheduled time must be at most 90 days ahead"
    },
    "scheduled_at_in_past": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: Scheduled time must not be more than 5 minutes in the past"
    },
    "latest_at_too_early": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: Latest time must be after the scheduled time and in the future"
    },
    "calling_window_empty": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: Calling window start and end must differ"
    },
    "invalid_time_zone": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: Calling window time zone must be an IANA time zone (such as America/New_York)"
    },
    "date_time_out_of_range": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: {field} must be between 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z"
    },
    "unsupported_media_type": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: Content-Type must be application/json"
    },
    "invalid_json": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: Request body is not valid JSON"
    },
    "unsupported_content_encoding": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: Content-Encoding must be gzip, deflate or identity"
    },
    "invalid_content_encoding": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: Request body could not be decoded with its Content-Encoding"
    },
    "malformed_request": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: The request is not valid HTTP"
    },
    "invalid_cursor": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: Invalid cursor"
    },
    "unknown_last_event_id": {
      "status": 400,
      "type": "validation_error",
      "message": "Validation error: Last-Event-ID is not one of your organization's events"
    },
    "unauthorized": {
      "status": 401,
      "type": "unauthorized",
      "message": "Unauthorized"
    },
    "call_forbidden": {
      "status": 403,
      "type": "forbidden",
      "message": "Access denied - call belongs to different organization"
    },
    "call_not_found": {
      "status": 404,
      "type": "not_found",
      "message": "Call not found"
    },
    "route_not_found": {
      "status": 404,
      "type": "not_found",
      "message": "Not found"
    },
    "batch_not_found": {
      "status": 404,
      "type": "not_found",
      "message": "Batch not found"
    },
    "batch_finished": {
      "status": 409,
      "type": "batch_finished",
      "message": "Batch has already finished: {status}"
    },
    "webhook_endpoint_not_found": {
      "status": 404,
      "type": "not_found",
      "message": "Webhook endpoint not found"
    },
    "webhook_delivery_not_found": {
      "status": 404,
      "type": "not_found",
      "message": "Webhook delivery not found"
    },
    "webhook_endpoint_disabled": {
      "status": 409,
      "type": "webhook_endpoint_disabled",
      "message": "Webhook endpoint is disabled; enable it first"
    },
    "agent_not_found": {
      "status": 404,
      "type": "agent_not_found",
      "message": "Agent not found or access denied"
    },
    "agent_not_voice": {
      "status": 400,
      "type": "agent_not_voice",
      "message": "Agent must be a voice agent for outbound calls"
    },
    "agent_inactive": {
      "status": 400,
      "type": "agent_inactive",
      "message": "Agent must be active to make calls"
    },
    "caller_id_not_allowed": {
      "status": 400,
      "type": "caller_id_not_allowed",
      "message": "Caller ID must be one of the agent's phone numbers"
    },
    "agent_has_no_caller_id": {
      "status": 400,
      "type": "agent_has_no_caller_id",
      "message": "Agent has no phone numbers to use as caller ID"
    },
    "call_not_cancellable": {
      "status": 400,
      "type": "call_not_cancellable",
      "message": "Cannot cancel call with status: {status}"
    },
    "idempotency_in_progress": {
      "status": 409,
      "type": "idempotency_in_progress",
      "message": "A request with this Idempotency-Key is still being processed"
    },
    "idempotency_key_reused": {
      "status": 422,
      "type": "idempotency_key_reused",
      "message": "This Idempotency-Key was already used with a different request"
    },
    "request_timeout": {
      "status": 408,
      "type": "request_timeout",
      "message": "The request was not received in time"
    },
    "payload_too_large": {
      "status": 413,
      "type": "payload_too_large",
      "message": "Request body is too large"
    },
    "rate_limited": {
      "status": 429,
      "type": "rate_limited",
      "message": "Too many requests, please retry later"
    },
    "too_many_streams": {
      "status": 429,
      "type": "too_many_streams",
      "message": "Too many open event streams for this API key (at most {limit})"
    },
    "request_headers_too_large": {
      "status": 431,
      "type": "request_headers_too_large",
      "message": "Request header fields are too large"
    },
    "livekit_not_configured": {
      "status": 500,
      "type": "livekit_not_configured",
      "message": "LiveKit service is not configured. Please contact support."
    },
    "queue_failed": {
      "status": 500,
      "type": "queue_failed",
      "message": "Failed to queue call: {reason}"
    },
    "internal_error": {
      "status": 500,
      "type": "internal_error",
      "message": "Internal server error"
    }
  },
  "webhooks": {
    "callEvent": {
      "post": {
        "operationId": "receiveCallEvent",
        "tags": [
          "webhooks"
        ],
        "summary": "An event, delivered to your endpoint",
        "description": "What Outdial POSTs to a webhook endpoint (and to a call's or a batch's `webhookUrl`) for\neach event the endpoint subscribes to. Answer 2xx within 15 seconds to acknowledge it;\nanything else is retried (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). A call's\nevents, and a batch's, reach an endpoint in `sequence` order.\n",
        "parameters": [
          {
            "name": "webhook-id",
            "in": "header",
            "required": true,
            "description": "The event's id; the same on every retry, so receivers deduplicate on it.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "webhook-timestamp",
            "in": "header",
            "required": true,
            "description": "Unix seconds when this attempt was signed. Reject old ones (5 minutes is usual).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "webhook-signature",
            "in": "header",
            "required": true,
            "description": "`v1,<base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{body}\">`, keyed with the\nbase64-decoded part of the secret after `whsec_`; two of them, space-separated, while\na rotated secret's predecessor is still valid. Verify with `verifyWebhook` from\n`@outdial/sdk/webhooks` or any Standard Webhooks library.\n",
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Event"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Acknowledged (any 2xx)."
          },
          "410": {
            "description": "Gone. Outdial disables the endpoint and sends nothing more."
          }
        }
      }
    },
    "webhookTest": {
      "post": {
        "operationId": "receiveWebhookTest",
        "tags": [
          "webhooks"
        ],
        "summary": "A test event, sent by sendTestWebhook",
        "parameters": [
          {
            "name": "webhook-id",
            "in": "header",
            "required": true,
            "description": "The event's id; the same on every retry, so receivers deduplicate on it.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "webhook-timestamp",
            "in": "header",
            "required": true,
            "description": "Unix seconds when this attempt was signed. Reject old ones (5 minutes is usual).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "webhook-signature",
            "in": "header",
            "required": true,
            "description": "`v1,<base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{body}\">`, keyed with the\nbase64-decoded part of the secret after `whsec_`; two of them, space-separated, while\na rotated secret's predecessor is still valid. Verify with `verifyWebhook` from\n`@outdial/sdk/webhooks` or any Standard Webhooks library.\n",
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/WebhookTestEvent"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Acknowledged (any 2xx)."
          }
        }
      }
    }
  },
  "paths": {
    "/api/v1/calls/outbound": {
      "post": {
        "operationId": "createOutboundCall",
        "tags": [
          "calls"
        ],
        "summary": "Queue an outbound call",
        "description": "Validates the request, checks the agent (exists in your organization, is a voice agent,\nis active, has a phone number to call from, and owns the caller ID) in that order, records\nthe call as `queued` and hands\nit to the Dial queue. With a future `scheduledAt`, or a calling window (its own or the\nserver's default) that is closed now, the call is recorded as `scheduled` instead and\nenters the Dial queue when it falls due, never earlier. The dial happens asynchronously: normally sub-second, paced to the\nSIP trunk's calls-per-second budget under load. Poll `GET /api/v1/calls/{callId}` for dial\nprogress and the LiveKit identifiers.\n\nSend an `Idempotency-Key` to make retries safe: a retry can never place a second call.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateOutboundCallRequest"
              },
              "examples": {
                "basic": {
                  "summary": "The minimum",
                  "value": {
                    "agentId": "550e8400-e29b-41d4-a716-446655440000",
                    "phoneNumber": "+14155552671"
                  }
                },
                "urgent": {
                  "summary": "Click-to-call, urgent, with caller ID and metadata",
                  "value": {
                    "agentId": "550e8400-e29b-41d4-a716-446655440000",
                    "phoneNumber": "+14155552671",
                    "callerId": "+14155551234",
                    "priority": 0,
                    "ringTimeoutSeconds": 25,
                    "maxDurationSeconds": 900,
                    "metadata": {
                      "customerName": "John Doe",
                      "accountId": "ACC-12345"
                    },
                    "variables": {
                      "first_name": "John"
                    }
                  }
                },
                "scheduled": {
                  "summary": "Tomorrow morning, inside the callee's business hours, or not at all",
                  "value": {
                    "agentId": "550e8400-e29b-41d4-a716-446655440000",
                    "phoneNumber": "+14155552671",
                    "scheduledAt": "2026-12-03T14:00:00Z",
                    "latestAt": "2026-12-05T00:00:00Z",
                    "callingWindow": {
                      "timezone": "America/New_York",
                      "start": "09:00",
                      "end": "17:30",
                      "days": [
                        1,
                        2,
                        3,
                        4,
                        5
                      ]
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The call is queued (or `scheduled`, with `scheduledAt` or a calling window). Replays of an idempotent request return the original response.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
              },
              "RateLimit-Limit": {
                "$ref": "#/components/headers/RateLimitLimit"
              },
              "RateLimit-Remaining": {
                "$ref": "#/components/headers/RateLimitRemaining"
              },
              "RateLimit-Reset": {
                "$ref": "#/components/headers/RateLimitReset"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreateOutboundCallResponse"
                },
                "examples": {
                  "queued": {
                    "value": {
                      "data": {
                        "id": "call_01JD7ZK5W8Q3N2M4P6R8T0V2X4",
                        "status": "queued",
                        "agentId": "550e8400-e29b-41d4-a716-446655440000",
                        "phoneNumber": "+14155552671",
                        "callerId": "+14155551234",
                        "startedAt": "2025-12-01T15:30:00.000Z",
                        "agent": {
                          "id": "550e8400-e29b-41d4-a716-446655440000",
                          "name": "Customer Support Agent",
                          "type": "voice"
                        },
                        "metadata": {
                          "customerName": "John Doe",
                          "accountId": "ACC-12345",
                          "caller_id": "+14155551234",
                          "from_phone_number": "+14155551234",
                          "priority": 5
                        },
                        "scheduledAt": null
                      },
                      "message": "Outbound call queued. Poll GET /api/v1/calls/{id} for dial progress."
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "Validation failed, or the agent cannot place calls. `type` tells which:\n`validation_error`, `agent_not_voice`, `agent_inactive`, `agent_has_no_caller_id` (no\n`callerId` was sent and the agent has no phone numbers to default to) or\n`caller_id_not_allowed` (the `callerId` is not one of the agent's numbers).\n",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorResponse"
                },
                "examples": {
                  "invalidPhoneNumber": {
                    "value": {
                      "error": {
                        "message": "Validation error: Phone number must be in E.164 format (+1234567890)",
                        "code": 400,
                        "type": "validation_error",
                        "details": [
                          {
                            "field": "phoneNumber",
                            "message": "Phone number must be in E.164 format (+1234567890)"
                          }
                        ],
                        "requestId": "req_5f2c1d0e9b8a4c3d"
                      }
                    }
                  },
                  "invalidAgentId": {
                    "value": {
                      "error": {
                        "message": "Validation error: Invalid agent ID format",
                        "code": 400,
                        "type": "validation_error",
                        "details": [
                          {
                            "field": "agentId",
                            "message": "Invalid agent ID format"
                          }
                        ],
                        "requestId": "req_5f2c1d0e9b8a4c3d"
                      }
                    }
                  },
                  "agentNotVoice": {
                    "value": {
                      "error": {
                        "message": "Agent must be a voice agent for outbound calls",
                        "code": 400,
                        "type": "agent_not_voice",
                        "requestId": "req_5f2c1d0e9b8a4c3d"
                      }
                    }
                  },
                  "agentInactive": {
                    "value": {
                      "error": {
                        "message": "Agent must be active to make calls",
                        "code": 400,
                        "type": "agent_inactive",
                        "requestId": "req_5f2c1d0e9b8a4c3d"
                      }
                    }
                  },
                  "agentHasNoCallerId": {
                    "value": {
                      "error": {
                        "message": "Agent has no phone numbers to use as caller ID",
                        "code": 400,
                        "type": "agent_has_no_caller_id",
                        "requestId": "req_5f2c1d0e9b8a4c3d"
                      }
                    }
                  },
                  "callerIdNotAllowed": {
                    "value": {
                      "error": {
                        "message": "Caller ID must be one of the agent's phone numbers",
                        "code": 400,
                        "type": "caller_id_not_allowed",
                        "details": [
                          {
                            "field": "callerId",
                            "message": "Caller ID must be one of the agent's phone numbers"
                          }
                        ],
                        "requestId": "req_5f2c1d0e9b8a4c3d"
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "description": "The agent does not exist, or belongs to another organization.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorResponse"
                },
                "examples": {
                  "agentNotFound": {
                    "value": {
                      "error": {
                        "message": "Agent not found or access denied",
                        "code": 404,
                        "type": "agent_not_found",
                        "requestId": "req_5f2c1d0e9b8a4c3d"
                      }
                    }
                  }
                }
              }
            }
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "409": {
            "$ref": "#/components/responses/IdempotencyInProgress"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "422": {
            "$ref": "#/components/responses/IdempotencyKeyReused"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "description": "LiveKit is not configured (`livekit_not_configured`), the call could not be queued\n(`queue_failed`), or an unexpected error (`internal_error`).\n",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorResponse"
                },
                "examples": {
                  "livekitNotConfigured": {
                    "value": {
                      "error": {
                        "message": "LiveKit service is not configured. Please contact support.",
                        "code": 500,
                        "type": "livekit_not_configured",
                        "requestId": "req_5f2c1d0e9b8a4c3d"
                      }
                    }
                  },
                  "queueFailed": {
                    "value": {
                      "error": {
                        "message": "Failed to queue call: Connection timeout",
                        "code": 500,
                        "type": "queue_failed",
                        "requestId": "req_5f2c1d0e9b8a4c3d"
                      }
                    }
                  },
                  "internalError": {
                    "$ref": "#/components/examples/InternalError"
                  }
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/calls": {
      "get": {
        "operationId": "listCalls",
        "tags": [
          "calls"
        ],
        "summary": "List calls",
        "description": "Lists your organization's calls, newest first (by `startedAt`, then `id`), filtered and\ncursor-paginated. Pass `pagination.nextCursor` back as `cursor` for the next page; the\ncursor is opaque and stable under concurrent inserts.\n",
        "parameters": [
          {
            "name": "agentId",
            "in": "query",
            "description": "Only calls placed by this agent.",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "format": "uuid",
              "x-error-message": "Invalid agent ID format"
            },
            "example": "550e8400-e29b-41d4-a716-446655440000"
          },
          {
            "name": "status",
            "in": "query",
            "description": "Only calls in one of these statuses. Repeat the parameter for several (`status=active&status=ringing`).",
            "style": "form",
            "explode": true,
            "allowReserved": true,
            "schema": {
              "type": "array",
              "minItems": 1,
              "maxItems": 10,
              "items": {
                "$ref": "#/components/schemas/CallStatus"
              }
            },
            "example": [
              "active",
              "ringing"
            ]
          },
          {
            "name": "batchId",
            "in": "query",
            "description": "Only the calls of this batch (retries included).",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64,
              "x-error-message": "Batch ID must be 1 to 64 characters"
            },
            "example": "batch_01JD7ZK5WBA1B2C3D4E5F6G7H8"
          },
          {
            "name": "phoneNumber",
            "in": "query",
            "description": "Only calls to this number (E.164); send its `+` as `%2B`.",
            "allowReserved": true,
            "schema": {
              "$ref": "#/components/schemas/PhoneNumber"
            },
            "example": "+14155552671"
          },
          {
            "name": "startDate",
            "in": "query",
            "description": "Only calls whose `startedAt` is at or after this instant: an RFC 3339 date-time with\n`Z` or a `±hh:mm` offset, between 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in UTC.\nCompared as an instant, whatever the offset.\n",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "format": "date-time"
            },
            "example": "2025-12-01T00:00:00Z"
          },
          {
            "name": "endDate",
            "in": "query",
            "description": "Only calls whose `startedAt` is at or before this instant, written as for `startDate`.",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "format": "date-time"
            },
            "example": "2025-12-31T23:59:59Z"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "One page of calls.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ListCallsResponse"
                },
                "examples": {
                  "page": {
                    "value": {
                      "data": {
                        "calls": [
                          {
                            "id": "call_01JD7ZK5W8Q3N2M4P6R8T0V2X4",
                            "status": "active",
                            "agentId": "550e8400-e29b-41d4-a716-446655440000",
                            "phoneNumber": "+14155552671",
                            "callerId": "+14155551234",
                            "startedAt": "2025-12-01T15:30:00.000Z",
                            "agent": {
                              "id": "550e8400-e29b-41d4-a716-446655440000",
                              "name": "Customer Support Agent",
                              "type": "voice"
                            },
                            "metadata": {
                              "customerName": "John Doe",
                              "caller_id": "+14155551234",
                              "from_phone_number": "+14155551234",
                              "priority": 5
                            },
                            "priority": 5,
                            "ringTimeoutSeconds": 30,
                            "maxDurationSeconds": null,
                            "variables": {},
                            "roomId": "outdial-call_01JD7ZK5W8Q3N2M4P6R8T0V2X4",
                            "jobId": "AD_4nQ8sLw2Zk7",
                            "sipParticipantId": "PA_2bS7rT5yU9wE",
                            "answeredAt": "2025-12-01T15:30:02.412Z",
                            "endedAt": null,
                            "duration": null,
                            "failureReason": null,
                            "cancellation": null,
                            "summary": null,
                            "webhookUrl": null,
                            "scheduledAt": null,
                            "latestAt": null,
                            "callingWindow": null,
                            "batchId": null,
                            "attempt": 1,
                            "retryOf": null,
                            "queuePosition": null,
                            "updatedAt": "2025-12-01T15:30:02.412Z"
                          }
                        ],
                        "pagination": {
                          "limit": 20,
                          "hasMore": true,
                          "nextCursor": "eyJ0IjoiMjAyNS0xMi0wMVQxNTozMDowMC4wMDBaIiwiaSI6ImNhbGxfMDEifQ"
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/calls/{callId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/CallId"
        }
      ],
      "get": {
        "operationId": "getCall",
        "tags": [
          "calls"
        ],
        "summary": "Get a call",
        "description": "The call with its current status, the LiveKit identifiers once the Dial queue has placed\nit, and `queuePosition` (1-based) while it waits in the queue.\n",
        "responses": {
          "200": {
            "description": "The call.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GetCallResponse"
                },
                "examples": {
                  "active": {
                    "value": {
                      "data": {
                        "id": "call_01JD7ZK5W8Q3N2M4P6R8T0V2X4",
                        "status": "active",
                        "agentId": "550e8400-e29b-41d4-a716-446655440000",
                        "phoneNumber": "+14155552671",
                        "callerId": "+14155551234",
                        "startedAt": "2025-12-01T15:30:00.000Z",
                        "agent": {
                          "id": "550e8400-e29b-41d4-a716-446655440000",
                          "name": "Customer Support Agent",
                          "type": "voice"
                        },
                        "metadata": {
                          "customerName": "John Doe",
                          "caller_id": "+14155551234",
                          "from_phone_number": "+14155551234",
                          "priority": 5
                        },
                        "priority": 5,
                        "ringTimeoutSeconds": 30,
                        "maxDurationSeconds": null,
                        "variables": {},
                        "roomId": "outdial-call_01JD7ZK5W8Q3N2M4P6R8T0V2X4",
                        "jobId": "AD_4nQ8sLw2Zk7",
                        "sipParticipantId": "PA_2bS7rT5yU9wE",
                        "answeredAt": "2025-12-01T15:30:02.412Z",
                        "endedAt": null,
                        "duration": null,
                        "failureReason": null,
                        "cancellation": null,
                        "summary": null,
                        "webhookUrl": null,
                        "scheduledAt": null,
                        "latestAt": null,
                        "callingWindow": null,
                        "batchId": null,
                        "attempt": 1,
                        "retryOf": null,
                        "queuePosition": null,
                        "updatedAt": "2025-12-01T15:30:02.412Z"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/CallForbidden"
          },
          "404": {
            "$ref": "#/components/responses/CallNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "delete": {
        "operationId": "cancelCall",
        "tags": [
          "calls"
        ],
        "summary": "Cancel a call",
        "description": "Cancels a call whose status is `initiated`, `queued`, `connecting`, `ringing` or `active`.\nA queued call is removed from the Dial queue and never dialed. Once the cancel is answered\nwith 200, no SIP INVITE for the call leaves the server. A call whose INVITE had already\nleft is torn down in LiveKit (its room is deleted, which disconnects every participant),\nalso when the INVITE reaches LiveKit after the cancel; a failed deletion is retried with\nbackoff until LiveKit confirms it, and again after a restart. The call's `cancellation`\nsays which case it was (`before_dial` or `hung_up`). `endedAt` is set to the time of\ncancellation.\n",
        "responses": {
          "200": {
            "description": "The call is cancelled.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CancelCallResponse"
                },
                "examples": {
                  "cancelled": {
                    "value": {
                      "data": {
                        "id": "call_01JD7ZK5W8Q3N2M4P6R8T0V2X4",
                        "status": "cancelled"
                      },
                      "message": "Call cancelled successfully"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "The call's status cannot be cancelled (it has already ended: `call_not_cancellable`), or\nthe call id is malformed (`validation_error`).\n",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorResponse"
                },
                "examples": {
                  "completed": {
                    "value": {
                      "error": {
                        "message": "Cannot cancel call with status: completed",
                        "code": 400,
                        "type": "call_not_cancellable",
                        "requestId": "req_5f2c1d0e9b8a4c3d"
                      }
                    }
                  },
                  "invalidCallId": {
                    "value": {
                      "error": {
                        "message": "Validation error: Call ID must be 1 to 64 characters",
                        "code": 400,
                        "type": "validation_error",
                        "details": [
                          {
                            "field": "callId",
                            "message": "Call ID must be 1 to 64 characters"
                          }
                        ],
                        "requestId": "req_5f2c1d0e9b8a4c3d"
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/CallForbidden"
          },
          "404": {
            "$ref": "#/components/responses/CallNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/calls/{callId}/events": {
      "parameters": [
        {
          "$ref": "#/components/parameters/CallId"
        }
      ],
      "get": {
        "operationId": "listCallEvents",
        "tags": [
          "events"
        ],
        "summary": "List or stream a call's events",
        "description": "Every event of one call, oldest first (by `sequence`, 1-based and gapless).\n\nWith `Accept: text/event-stream` the answer is a Server-Sent Events stream instead: it\nreplays the call's events (only those after `Last-Event-ID` when that header is sent), then\nsends each new event as it is committed, and closes after the call's terminal event (at\nonce when the call has already ended and nothing is left to replay). Each frame carries\n`id:` (the event id), `event:` (its type) and `data:` (the Event as JSON); a comment line\nis sent every 15 seconds to keep proxies from closing the connection, and `retry: 3000`\ntells clients to reconnect after 3 s. At most 100 streams per API key are open at once\n(this one and `listEvents` together); beyond that the request gets 429 `too_many_streams`.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/LastEventId"
          }
        ],
        "responses": {
          "200": {
            "description": "The call's events (JSON), or their live stream (`text/event-stream`).",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ListCallEventsResponse"
                },
                "examples": {
                  "events": {
                    "value": {
                      "data": {
                        "events": [
                          {
                            "id": "evt_01JD7ZK5W9A1B2C3D4E5F6G7H8",
                            "type": "call.queued",
                            "timestamp": "2025-12-01T15:30:00.000Z",
                            "sequence": 1,
                            "data": {
                              "id": "call_01JD7ZK5W8Q3N2M4P6R8T0V2X4",
                              "status": "queued",
                              "agentId": "550e8400-e29b-41d4-a716-446655440000",
                              "phoneNumber": "+14155552671",
                              "callerId": "+14155551234",
                              "startedAt": "2025-12-01T15:30:00.000Z",
                              "agent": {
                                "id": "550e8400-e29b-41d4-a716-446655440000",
                                "name": "Customer Support Agent",
                                "type": "voice"
                              },
                              "metadata": {
                                "caller_id": "+14155551234",
                                "from_phone_number": "+14155551234",
                                "priority": 5
                              },
                              "priority": 5,
                              "ringTimeoutSeconds": 30,
                              "maxDurationSeconds": null,
                              "variables": {},
                              "roomId": null,
                              "jobId": null,
                              "sipParticipantId": null,
                              "answeredAt": null,
                              "endedAt": null,
                              "duration": null,
                              "failureReason": null,
                              "cancellation": null,
                              "summary": null,
                              "webhookUrl": null,
                              "scheduledAt": null,
                              "latestAt": null,
                              "callingWindow": null,
                              "batchId": null,
                              "attempt": 1,
                              "retryOf": null,
                              "queuePosition": null,
                              "updatedAt": "2025-12-01T15:30:00.000Z"
                            }
                          }
                        ]
                      }
                    }
                  }
                }
              },
              "text/event-stream": {
                "schema": {
                  "type": "string",
                  "description": "Server-Sent Events; each `data:` line is one `Event` as JSON."
                },
                "examples": {
                  "stream": {
                    "summary": "A replayed event (its `data` shortened here)",
                    "value": "retry: 3000\n\nid: evt_01JD7ZK5W9A1B2C3D4E5F6G7H8\nevent: call.queued\ndata: {\"id\":\"evt_01JD7ZK5W9A1B2C3D4E5F6G7H8\",\"type\":\"call.queued\",\"timestamp\":\"2025-12-01T15:30:00.000Z\",\"sequence\":1,\"data\":{\"id\":\"call_01JD7ZK5W8Q3N2M4P6R8T0V2X4\",\"status\":\"queued\"}}\n"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/CallForbidden"
          },
          "404": {
            "$ref": "#/components/responses/CallNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/TooManyStreams"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/events": {
      "get": {
        "operationId": "listEvents",
        "tags": [
          "events"
        ],
        "summary": "List or stream your organization's events",
        "description": "Your organization's events, newest first, filtered and cursor-paginated like `listCalls`.\nEvent ids increase in the order the events were committed, so an event id is a resume\npoint. Events are kept for `OUTDIAL_EVENT_RETENTION_DAYS` days (30 by default).\n\nWith `Accept: text/event-stream` the answer is a live Server-Sent Events stream of the\nevents that match the same filters, oldest first: the events after `Last-Event-ID` when\nthat header is sent (so a client that reconnects with the last id it saw misses none and\nsees none twice), otherwise only events committed from now on. `limit` and `cursor` do\nnot apply to a stream. Frames, keep-alive comments, `retry:` and the limit of 100 streams\nper API key are as for `listCallEvents`.\n",
        "parameters": [
          {
            "name": "type",
            "in": "query",
            "description": "Only events of these types. Repeat the parameter for several (`type=call.completed&type=call.failed`).",
            "style": "form",
            "explode": true,
            "allowReserved": true,
            "schema": {
              "type": "array",
              "minItems": 1,
              "maxItems": 20,
              "items": {
                "$ref": "#/components/schemas/EventType"
              }
            },
            "example": [
              "call.completed",
              "call.failed"
            ]
          },
          {
            "name": "callId",
            "in": "query",
            "description": "Only the events of this call.",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64,
              "x-error-message": "Call ID must be 1 to 64 characters"
            },
            "example": "call_01JD7ZK5W8Q3N2M4P6R8T0V2X4"
          },
          {
            "name": "batchId",
            "in": "query",
            "description": "Only the events of this batch and of its calls.",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64,
              "x-error-message": "Batch ID must be 1 to 64 characters"
            },
            "example": "batch_01JD7ZK5W8Q3N2M4P6R8T0V2X4"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/LastEventId"
          }
        ],
        "responses": {
          "200": {
            "description": "One page of events (JSON), or their live stream (`text/event-stream`).",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ListEventsResponse"
                },
                "examples": {
                  "page": {
                    "value": {
                      "data": {
                        "events": [
                          {
                            "id": "evt_01JD7ZK5W9A1B2C3D4E5F6G7H8",
                            "type": "call.queued",
                            "timestamp": "2025-12-01T15:30:00.000Z",
                            "sequence": 1,
                            "data": {
                              "id": "call_01JD7ZK5W8Q3N2M4P6R8T0V2X4",
                              "status": "queued",
                              "agentId": "550e8400-e29b-41d4-a716-446655440000",
                              "phoneNumber": "+14155552671",
                              "callerId": "+14155551234",
                              "startedAt": "2025-12-01T15:30:00.000Z",
                              "agent": {
                                "id": "550e8400-e29b-41d4-a716-446655440000",
                                "name": "Customer Support Agent",
                                "type": "voice"
                              },
                              "metadata": {
                                "caller_id": "+14155551234",
                                "from_phone_number": "+14155551234",
                                "priority": 5
                              },
                              "priority": 5,
                              "ringTimeoutSeconds": 30,
                              "maxDurationSeconds": null,
                              "variables": {},
                              "roomId": null,
                              "jobId": null,
                              "sipParticipantId": null,
                              "answeredAt": null,
                              "endedAt": null,
                              "duration": null,
                              "failureReason": null,
                              "cancellation": null,
                              "summary": null,
                              "webhookUrl": null,
                              "scheduledAt": null,
                              "latestAt": null,
                              "callingWindow": null,
                              "batchId": null,
                              "attempt": 1,
                              "retryOf": null,
                              "queuePosition": null,
                              "updatedAt": "2025-12-01T15:30:00.000Z"
                            }
                          }
                        ],
                        "pagination": {
                          "limit": 20,
                          "hasMore": false,
                          "nextCursor": null
                        }
                      }
                    }
                  }
                }
              },
              "text/event-stream": {
                "schema": {
                  "type": "string",
                  "description": "Server-Sent Events; each `data:` line is one `Event` as JSON."
                },
                "examples": {
                  "stream": {
                    "summary": "A replayed event (its `data` shortened here)",
                    "value": "retry: 3000\n\nid: evt_01JD7ZK5W9A1B2C3D4E5F6G7H8\nevent: call.queued\ndata: {\"id\":\"evt_01JD7ZK5W9A1B2C3D4E5F6G7H8\",\"type\":\"call.queued\",\"timestamp\":\"2025-12-01T15:30:00.000Z\",\"sequence\":1,\"data\":{\"id\":\"call_01JD7ZK5W8Q3N2M4P6R8T0V2X4\",\"status\":\"queued\"}}\n"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/TooManyStreams"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/webhook-endpoints": {
      "post": {
        "operationId": "createWebhookEndpoint",
        "tags": [
          "webhooks"
        ],
        "summary": "Create a webhook endpoint",
        "description": "Registers a URL that receives your organization's events as signed HTTP POSTs (Standard\nWebhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`). The endpoint's signing\nsecret is in this response only (and in the answer to `rotateWebhookEndpointSecret`):\nstore it. Deliveries are retried on the schedule immediately, 5 s, 5 min, 30 min, 2 h, 5 h,\n10 h, 10 h; a `410 Gone` answer disables the endpoint, and so do five days of failed\ndeliveries.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateWebhookEndpointRequest"
              },
              "examples": {
                "endpoint": {
                  "value": {
                    "url": "https://example.com/outdial/webhooks",
                    "description": "Production receiver",
                    "enabledEvents": [
                      "call.completed",
                      "call.failed",
                      "call.busy",
                      "call.no_answer"
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The endpoint, with its signing secret.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WebhookEndpointWithSecretResponse"
                },
                "examples": {
                  "created": {
                    "$ref": "#/components/examples/WebhookEndpointWithSecret"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "get": {
        "operationId": "listWebhookEndpoints",
        "tags": [
          "webhooks"
        ],
        "summary": "List webhook endpoints",
        "description": "Your organization's webhook endpoints, newest first, cursor-paginated like `listCalls`.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "One page of endpoints.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ListWebhookEndpointsResponse"
                },
                "examples": {
                  "page": {
                    "$ref": "#/components/examples/WebhookEndpointPage"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/webhook-endpoints/{endpointId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/WebhookEndpointId"
        }
      ],
      "get": {
        "operationId": "getWebhookEndpoint",
        "tags": [
          "webhooks"
        ],
        "summary": "Get a webhook endpoint",
        "responses": {
          "200": {
            "description": "The endpoint (without its secret).",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WebhookEndpointResponse"
                },
                "examples": {
                  "endpoint": {
                    "$ref": "#/components/examples/WebhookEndpoint"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/WebhookEndpointNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "patch": {
        "operationId": "updateWebhookEndpoint",
        "tags": [
          "webhooks"
        ],
        "summary": "Update a webhook endpoint",
        "description": "Changes only the fields sent. `status: enabled` re-enables a disabled endpoint (and clears\n`disabledReason`); deliveries that failed while it was disabled are not re-sent on their\nown, use `retryWebhookDelivery`.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateWebhookEndpointRequest"
              },
              "examples": {
                "disable": {
                  "value": {
                    "status": "disabled"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated endpoint.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WebhookEndpointResponse"
                },
                "examples": {
                  "endpoint": {
                    "$ref": "#/components/examples/WebhookEndpoint"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/WebhookEndpointNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "delete": {
        "operationId": "deleteWebhookEndpoint",
        "tags": [
          "webhooks"
        ],
        "summary": "Delete a webhook endpoint",
        "description": "Deletes the endpoint and its delivery log; nothing more is sent to it.",
        "responses": {
          "200": {
            "description": "The endpoint is deleted.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeleteWebhookEndpointResponse"
                },
                "examples": {
                  "deleted": {
                    "value": {
                      "data": {
                        "id": "we_01JD7ZK5W9A1B2C3D4E5F6G7H8",
                        "deleted": true
                      },
                      "message": "Webhook endpoint deleted successfully"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/WebhookEndpointNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/webhook-endpoints/{endpointId}/rotate-secret": {
      "parameters": [
        {
          "$ref": "#/components/parameters/WebhookEndpointId"
        }
      ],
      "post": {
        "operationId": "rotateWebhookEndpointSecret",
        "tags": [
          "webhooks"
        ],
        "summary": "Rotate a webhook endpoint's secret",
        "description": "Issues a new signing secret, shown only in this response. For 24 hours the previous secret\nstays valid too: every delivery is signed with both (two `v1,` signatures in\n`webhook-signature`, separated by a space), so receivers can switch without a gap.\n",
        "responses": {
          "200": {
            "description": "The new secret.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WebhookSecretResponse"
                },
                "examples": {
                  "rotated": {
                    "$ref": "#/components/examples/RotatedSecret"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/WebhookEndpointNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/webhook-endpoints/{endpointId}/deliveries": {
      "parameters": [
        {
          "$ref": "#/components/parameters/WebhookEndpointId"
        }
      ],
      "get": {
        "operationId": "listWebhookDeliveries",
        "tags": [
          "webhooks"
        ],
        "summary": "List an endpoint's deliveries",
        "description": "The endpoint's delivery log, newest first, cursor-paginated, each with its attempts.",
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "description": "Only deliveries in this status.",
            "allowReserved": true,
            "schema": {
              "$ref": "#/components/schemas/WebhookDeliveryStatus"
            },
            "example": "failed"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "One page of deliveries.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ListWebhookDeliveriesResponse"
                },
                "examples": {
                  "page": {
                    "$ref": "#/components/examples/WebhookDeliveryPage"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/WebhookEndpointNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/retry": {
      "parameters": [
        {
          "$ref": "#/components/parameters/WebhookEndpointId"
        },
        {
          "$ref": "#/components/parameters/WebhookDeliveryId"
        }
      ],
      "post": {
        "operationId": "retryWebhookDelivery",
        "tags": [
          "webhooks"
        ],
        "summary": "Re-send a delivery now",
        "description": "Sends the delivery's event again at once, with the same `webhook-id` (receivers deduplicate\non it), whatever its status; the attempt is added to its log. A disabled endpoint is not\nsent to: enable it first.\n",
        "responses": {
          "202": {
            "description": "The delivery, due now.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WebhookDeliveryResponse"
                },
                "examples": {
                  "retrying": {
                    "$ref": "#/components/examples/WebhookDelivery"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/WebhookDeliveryNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "409": {
            "$ref": "#/components/responses/WebhookEndpointDisabled"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/webhook-endpoints/{endpointId}/test": {
      "post": {
        "operationId": "sendTestWebhook",
        "tags": [
          "webhooks"
        ],
        "summary": "Send a test event",
        "description": "Sends a `webhook.test` event to the endpoint, signed as every delivery, and logs it as a delivery.",
        "parameters": [
          {
            "$ref": "#/components/parameters/WebhookEndpointId"
          }
        ],
        "responses": {
          "202": {
            "description": "The test delivery, due now.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WebhookDeliveryResponse"
                },
                "examples": {
                  "test": {
                    "$ref": "#/components/examples/WebhookDelivery"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/WebhookEndpointNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "409": {
            "$ref": "#/components/responses/WebhookEndpointDisabled"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/webhook-secret/rotate": {
      "post": {
        "operationId": "rotateWebhookSecret",
        "tags": [
          "webhooks"
        ],
        "summary": "Rotate the organization's webhook secret",
        "description": "The organization's webhook secret signs the deliveries to each call's own `webhookUrl`\n(see `createOutboundCall`). This issues a new one, shown only here; the previous one stays\nvalid for 24 hours (both signatures are sent meanwhile).\n",
        "responses": {
          "200": {
            "description": "The new secret.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WebhookSecretResponse"
                },
                "examples": {
                  "rotated": {
                    "$ref": "#/components/examples/RotatedSecret"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/batches": {
      "post": {
        "operationId": "createBatch",
        "tags": [
          "batches"
        ],
        "summary": "Create a batch of calls",
        "description": "Accepts 1 to 10,000 calls placed by one agent, atomically: every call is recorded in one\ntransaction, or none is (an invalid row rejects the whole request with 400, its `details`\nnaming the row, such as `calls.17.phoneNumber`, with the messages single calls get). The\nbatch's calls then go through the Dial queue like any other, at their priority, inside the\nbatch's calling window, at most `maxConcurrentCalls` live at once, and a call that ends\n`busy`, `no_answer` or `failed` with attempts left gets a successor (`attempt + 1`,\n`retryOf`) `retry.delaySeconds` later. Within one priority, batches and single calls take\nturns, so a large batch never starves a single call.\n\nEach row takes the batch's `callerId`, `priority` and `metadata` unless it sets its own\n(row metadata is merged over the batch's). The body may be up to 8 MiB (other requests:\n64 KiB). Send an `Idempotency-Key` to make retries safe: a retry can never create a second\nbatch.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateBatchRequest"
              },
              "examples": {
                "campaign": {
                  "summary": "Weekday business hours, two retries on busy or no answer",
                  "value": {
                    "name": "December renewals",
                    "agentId": "550e8400-e29b-41d4-a716-446655440000",
                    "callingWindow": {
                      "timezone": "America/New_York",
                      "start": "09:00",
                      "end": "17:30",
                      "days": [
                        1,
                        2,
                        3,
                        4,
                        5
                      ]
                    },
                    "maxConcurrentCalls": 20,
                    "retry": {
                      "maxAttempts": 3,
                      "on": [
                        "busy",
                        "no_answer"
                      ],
                      "delaySeconds": 3600
                    },
                    "calls": [
                      {
                        "phoneNumber": "+14155552671",
                        "variables": {
                          "first_name": "John"
                        }
                      },
                      {
                        "phoneNumber": "+14155552672",
                        "metadata": {
                          "accountId": "ACC-12346"
                        }
                      }
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The batch, with its calls recorded. Replays of an idempotent request return the original response.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BatchResponse"
                },
                "examples": {
                  "created": {
                    "$ref": "#/components/examples/Batch"
                  }
                }
              }
            }
          },
          "400": {
            "description": "Validation failed (`details` names each failing field; a row's fields are\n`calls.<index>.<field>`), or the agent cannot place calls: `agent_not_voice`,\n`agent_inactive`, `agent_has_no_caller_id`, `caller_id_not_allowed` (its `details`\nname the batch's or the row's `callerId`).\n",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorResponse"
                },
                "examples": {
                  "invalidRow": {
                    "value": {
                      "error": {
                        "message": "Validation error: Phone number must be in E.164 format (+1234567890)",
                        "code": 400,
                        "type": "validation_error",
                        "details": [
                          {
                            "field": "calls.17.phoneNumber",
                            "message": "Phone number must be in E.164 format (+1234567890)"
                          }
                        ],
                        "requestId": "req_5f2c1d0e9b8a4c3d"
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/AgentNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "409": {
            "$ref": "#/components/responses/IdempotencyInProgress"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "422": {
            "$ref": "#/components/responses/IdempotencyKeyReused"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "get": {
        "operationId": "listBatches",
        "tags": [
          "batches"
        ],
        "summary": "List batches",
        "description": "Your organization's batches, newest first, cursor-paginated like `listCalls`.",
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "description": "Only batches in one of these statuses. Repeat the parameter for several.",
            "style": "form",
            "explode": true,
            "allowReserved": true,
            "schema": {
              "type": "array",
              "minItems": 1,
              "maxItems": 5,
              "items": {
                "$ref": "#/components/schemas/BatchStatus"
              }
            },
            "example": [
              "running"
            ]
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "One page of batches.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ListBatchesResponse"
                },
                "examples": {
                  "page": {
                    "value": {
                      "data": {
                        "batches": [],
                        "pagination": {
                          "limit": 20,
                          "hasMore": false,
                          "nextCursor": null
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/batches/{batchId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/BatchId"
        }
      ],
      "get": {
        "operationId": "getBatch",
        "tags": [
          "batches"
        ],
        "summary": "Get a batch, with its counters",
        "responses": {
          "200": {
            "description": "The batch.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BatchResponse"
                },
                "examples": {
                  "batch": {
                    "$ref": "#/components/examples/Batch"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/BatchNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/batches/{batchId}/pause": {
      "parameters": [
        {
          "$ref": "#/components/parameters/BatchId"
        }
      ],
      "post": {
        "operationId": "pauseBatch",
        "tags": [
          "batches"
        ],
        "summary": "Pause a batch",
        "description": "Calls of the batch not yet dialed stop being dialed (within one dial slot); live calls go on. A call already being prepared (`connecting`) whose INVITE has not left goes back to `queued` (a `call.queued` event), keeping its place for the resume. Pausing a paused batch changes nothing.",
        "responses": {
          "200": {
            "description": "The batch after the change.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BatchResponse"
                },
                "examples": {
                  "batch": {
                    "$ref": "#/components/examples/Batch"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/BatchNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "409": {
            "$ref": "#/components/responses/BatchFinished"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/batches/{batchId}/resume": {
      "parameters": [
        {
          "$ref": "#/components/parameters/BatchId"
        }
      ],
      "post": {
        "operationId": "resumeBatch",
        "tags": [
          "batches"
        ],
        "summary": "Resume a paused batch",
        "description": "The batch's waiting calls are dialed again, in their order. Resuming a batch that is not paused changes nothing.",
        "responses": {
          "200": {
            "description": "The batch after the change.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BatchResponse"
                },
                "examples": {
                  "batch": {
                    "$ref": "#/components/examples/Batch"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/BatchNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "409": {
            "$ref": "#/components/responses/BatchFinished"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/batches/{batchId}/cancel": {
      "parameters": [
        {
          "$ref": "#/components/parameters/BatchId"
        }
      ],
      "post": {
        "operationId": "cancelBatch",
        "tags": [
          "batches"
        ],
        "summary": "Cancel a batch",
        "description": "Every call of the batch not yet dialed (scheduled or queued, retries included, and those being prepared whose INVITE has not left) becomes `cancelled` and is never dialed; live calls go on. Cancelling a cancelled batch changes nothing.",
        "responses": {
          "200": {
            "description": "The batch after the change.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BatchResponse"
                },
                "examples": {
                  "batch": {
                    "$ref": "#/components/examples/Batch"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/BatchNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "409": {
            "$ref": "#/components/responses/BatchFinished"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/queue": {
      "get": {
        "operationId": "getQueue",
        "tags": [
          "calls"
        ],
        "summary": "The Dial queue, per SIP trunk",
        "description": "Your organization's view of the Dial queue: for the server's default trunk, and each other\nSIP trunk your queued calls or recent dials use (an agent's `sipTrunkId`), the calls\nwaiting by priority, the trunk's calls-per-second budget, and the dial starts of the last\n60 seconds, one count per second, to compare with the budget. Counts are your\norganization's; the budget is the trunk's, shared with every organization using it.\n",
        "responses": {
          "200": {
            "description": "The queue, per trunk (trunks in `trunkId` order).",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/QueueResponse"
                },
                "examples": {
                  "busy": {
                    "summary": "Calls waiting on the default trunk, dialing at its budget",
                    "value": {
                      "data": {
                        "at": "2026-12-02T10:00:30.400Z",
                        "trunks": [
                          {
                            "trunkId": "ST_outdial_default",
                            "cps": 10,
                            "queued": 42,
                            "queuedByPriority": [
                              2,
                              0,
                              0,
                              0,
                              0,
                              40,
                              0,
                              0,
                              0,
                              0,
                              0
                            ],
                            "dialsLastMinute": [
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              10,
                              4
                            ],
                            "leader": "outdial-1:4121"
                          }
                        ]
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/agents": {
      "post": {
        "operationId": "createAgent",
        "tags": [
          "agents"
        ],
        "summary": "Create an agent",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateAgentRequest"
              },
              "examples": {
                "voice": {
                  "value": {
                    "name": "Customer Support Agent",
                    "type": "voice",
                    "phoneNumbers": [
                      "+14155551234"
                    ],
                    "livekitAgentName": "support-agent"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The agent.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AgentResponse"
                },
                "examples": {
                  "created": {
                    "$ref": "#/components/examples/Agent"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "get": {
        "operationId": "listAgents",
        "tags": [
          "agents"
        ],
        "summary": "List agents",
        "description": "Your organization's agents, newest first, cursor-paginated like calls.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "One page of agents.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ListAgentsResponse"
                },
                "examples": {
                  "page": {
                    "value": {
                      "data": {
                        "agents": [
                          {
                            "id": "550e8400-e29b-41d4-a716-446655440000",
                            "name": "Customer Support Agent",
                            "type": "voice",
                            "status": "active",
                            "phoneNumbers": [
                              "+14155551234"
                            ],
                            "livekitAgentName": "support-agent",
                            "sipTrunkId": null,
                            "createdAt": "2025-11-30T09:00:00.000Z",
                            "updatedAt": "2025-11-30T09:00:00.000Z"
                          }
                        ],
                        "pagination": {
                          "limit": 20,
                          "hasMore": false,
                          "nextCursor": null
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/agents/{agentId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/AgentId"
        }
      ],
      "get": {
        "operationId": "getAgent",
        "tags": [
          "agents"
        ],
        "summary": "Get an agent",
        "responses": {
          "200": {
            "description": "The agent.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AgentResponse"
                },
                "examples": {
                  "agent": {
                    "$ref": "#/components/examples/Agent"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/AgentNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "patch": {
        "operationId": "updateAgent",
        "tags": [
          "agents"
        ],
        "summary": "Update an agent",
        "description": "Changes only the fields sent. Calls already queued keep the caller ID they were given.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateAgentRequest"
              },
              "examples": {
                "deactivate": {
                  "value": {
                    "status": "inactive"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated agent.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AgentResponse"
                },
                "examples": {
                  "agent": {
                    "$ref": "#/components/examples/Agent"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/AgentNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "delete": {
        "operationId": "deleteAgent",
        "tags": [
          "agents"
        ],
        "summary": "Delete an agent",
        "description": "Deletes the agent. Its past calls keep the agent's id, name and type as they were.",
        "responses": {
          "200": {
            "description": "The agent is deleted.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeleteAgentResponse"
                },
                "examples": {
                  "deleted": {
                    "value": {
                      "data": {
                        "id": "550e8400-e29b-41d4-a716-446655440000",
                        "deleted": true
                      },
                      "message": "Agent deleted successfully"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/AgentNotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/v1/livekit/webhook": {
      "post": {
        "operationId": "receiveLivekitWebhook",
        "tags": [
          "internal"
        ],
        "summary": "LiveKit webhook ingress",
        "description": "LiveKit posts room and participant events here. The request is authenticated by LiveKit's\nsigned JWT in the `Authorization` header (its `sha256` claim is the body's hash), not by an\nAPI key. `participant_joined` of the SIP participant moves a `connecting` call to\n`ringing`; the SIP participant leaving, or `room_finished`, completes the call.\n",
        "security": [
          {
            "LiveKitWebhookSignature": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/webhook+json": {
              "schema": {
                "$ref": "#/components/schemas/LiveKitWebhookEvent"
              },
              "examples": {
                "participantJoined": {
                  "value": {
                    "event": "participant_joined",
                    "id": "EV_3kVxGQ7pZ9aB",
                    "createdAt": "1733067000",
                    "room": {
                      "sid": "RM_8gk2JYvQ3mXc",
                      "name": "outdial-call_01JD7ZK5W8Q3N2M4P6R8T0V2X4"
                    },
                    "participant": {
                      "sid": "PA_2bS7rT5yU9wE",
                      "identity": "sip-call_01JD7ZK5W8Q3N2M4P6R8T0V2X4",
                      "kind": "SIP"
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The event was accepted (events for unknown rooms are accepted and ignored).",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WebhookAck"
                },
                "examples": {
                  "ok": {
                    "value": {
                      "data": {
                        "received": true
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ValidationError"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/healthz": {
      "get": {
        "operationId": "getHealth",
        "tags": [
          "health"
        ],
        "summary": "Liveness",
        "security": [],
        "responses": {
          "200": {
            "description": "The process is up.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                },
                "examples": {
                  "ok": {
                    "value": {
                      "status": "ok"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/MalformedRequest"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/readyz": {
      "get": {
        "operationId": "getReadiness",
        "tags": [
          "health"
        ],
        "summary": "Readiness",
        "description": "Ready when the database takes a committed write (not only a read: a full disk or another process holding the write lock make it not ready) and the Dial queue is running. A server without LiveKit (neither `LIVEKIT_URL` nor `--emulate-livekit`) never dials, so it is never ready: its `livekit` check says `not_configured`. Replicas on one PostgreSQL database (`OUTDIAL_DATABASE_URL`) also list `trunks`: each trunk dialed, and whether this replica leads it (dials it). A follower is ready too (it answers every request; its `dialQueue` check says `following`); it dials once it takes the lead.",
        "security": [],
        "responses": {
          "200": {
            "description": "Ready to take calls.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Readiness"
                },
                "examples": {
                  "ready": {
                    "value": {
                      "status": "ready",
                      "checks": {
                        "database": "ok",
                        "dialQueue": "ok",
                        "livekit": "ok"
                      }
                    }
                  },
                  "following": {
                    "value": {
                      "status": "ready",
                      "checks": {
                        "database": "ok",
                        "dialQueue": "following",
                        "livekit": "ok"
                      },
                      "trunks": [
                        {
                          "trunkId": "ST_abc123",
                          "leading": false
                        }
                      ]
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/MalformedRequest"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "503": {
            "description": "Not ready: starting up, shutting down, the database cannot be written, or LiveKit is not configured.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Readiness"
                },
                "examples": {
                  "shuttingDown": {
                    "value": {
                      "status": "not_ready",
                      "checks": {
                        "database": "ok",
                        "dialQueue": "stopped",
                        "livekit": "ok"
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/openapi.yaml": {
      "get": {
        "operationId": "getOpenApiDocument",
        "tags": [
          "health"
        ],
        "summary": "This document",
        "security": [],
        "responses": {
          "200": {
            "description": "The OpenAPI document the server validates against.",
            "headers": {
              "x-request-id": {
                "$ref": "#/components/headers/RequestId"
              }
            },
            "content": {
              "application/yaml": {
                "schema": {
                  "type": "string"
                },
                "examples": {
                  "document": {
                    "value": "openapi: 3.1.0\n..."
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/MalformedRequest"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeadersTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "ApiKeyAuth": {
        "type": "apiKey",
        "in": "header",
        "name": "x-api-key",
        "description": "Your API key."
      },
      "BearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "Your API key as a bearer token: `Authorization: Bearer <key>`."
      },
      "LiveKitWebhookSignature": {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "The JWT LiveKit signs with its API secret; its `sha256` claim is the base64 SHA-256 of the body."
      }
    },
    "parameters": {
      "CallId": {
        "name": "callId",
        "in": "path",
        "required": true,
        "description": "The call's id (`call_…`).",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64,
          "x-error-message": "Call ID must be 1 to 64 characters"
        },
        "example": "call_01JD7ZK5W8Q3N2M4P6R8T0V2X4"
      },
      "AgentId": {
        "name": "agentId",
        "in": "path",
        "required": true,
        "description": "The agent's id.",
        "schema": {
          "type": "string",
          "format": "uuid",
          "x-error-message": "Invalid agent ID format"
        },
        "example": "550e8400-e29b-41d4-a716-446655440000"
      },
      "IdempotencyKey": {
        "name": "Idempotency-Key",
        "in": "header",
        "required": false,
        "description": "Makes the request safe to retry. The same key with the same body within 24 hours replays\nthe original 201 response (with `Idempotent-Replayed: true`); the same key with another\nbody gets 422 `idempotency_key_reused`, even while the first request is still being\nprocessed (the body is compared first); a duplicate with the same body while the first is\nstill being processed gets 409 `idempotency_in_progress`. Keys are scoped to your\norganization.\n",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255,
          "x-error-message": "Idempotency-Key must be 1 to 255 characters"
        },
        "example": "8e03978e-40d5-43e8-bc93-6894a57f9324"
      },
      "WebhookEndpointId": {
        "name": "endpointId",
        "in": "path",
        "required": true,
        "description": "The webhook endpoint's id (`we_…`).",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64,
          "x-error-message": "Webhook endpoint ID must be 1 to 64 characters"
        },
        "example": "we_01JD7ZK5W9A1B2C3D4E5F6G7H8"
      },
      "BatchId": {
        "name": "batchId",
        "in": "path",
        "required": true,
        "description": "The batch's id (`batch_…`).",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64,
          "x-error-message": "Batch ID must be 1 to 64 characters"
        },
        "example": "batch_01JD7ZK5WBA1B2C3D4E5F6G7H8"
      },
      "WebhookDeliveryId": {
        "name": "deliveryId",
        "in": "path",
        "required": true,
        "description": "The delivery's id (`wd_…`).",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64,
          "x-error-message": "Webhook delivery ID must be 1 to 64 characters"
        },
        "example": "wd_01JD7ZK5WAB2C3D4E5F6G7H8J9"
      },
      "LastEventId": {
        "name": "Last-Event-ID",
        "in": "header",
        "required": false,
        "description": "For a `text/event-stream` request: the id of the last event the client saw (browsers'\nEventSource sends it when it reconnects). The stream starts after that event. An id that\nis not one of your organization's events (or one older than the retention period) is\nrefused with 400 `unknown_last_event_id`.\n",
        "schema": {
          "type": "string",
          "pattern": "^evt_[0-9A-HJKMNP-TV-Z]{26}$",
          "x-error-message": "Last-Event-ID must be an event id (evt_ followed by 26 characters)"
        },
        "example": "evt_01JD7ZK5W9A1B2C3D4E5F6G7H8"
      },
      "Limit": {
        "name": "limit",
        "in": "query",
        "description": "Page size.",
        "allowReserved": true,
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 100,
          "default": 20,
          "x-error-message": "Limit must be an integer between 1 and 100"
        },
        "example": 20
      },
      "Cursor": {
        "name": "cursor",
        "in": "query",
        "description": "The `nextCursor` of the previous page. Opaque.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 512,
          "x-error-message": "Invalid cursor"
        },
        "example": "eyJ0IjoiMjAyNS0xMi0wMVQxNTozMDowMC4wMDBaIiwiaSI6ImNhbGxfMDEifQ"
      }
    },
    "headers": {
      "RequestId": {
        "description": "A unique id for this request; the error envelope's `requestId` carries the same value.",
        "schema": {
          "type": "string"
        },
        "example": "req_5f2c1d0e9b8a4c3d"
      },
      "IdempotentReplayed": {
        "description": "`true` when this response is a replay of an earlier request with the same Idempotency-Key.",
        "schema": {
          "type": "string",
          "enum": [
            "true"
          ]
        }
      },
      "RetryAfter": {
        "description": "Seconds to wait before retrying.",
        "schema": {
          "type": "integer",
          "minimum": 0
        },
        "example": 12
      },
      "RateLimitLimit": {
        "description": "Requests allowed per window for this API key.",
        "schema": {
          "type": "integer"
        },
        "example": 600
      },
      "RateLimitRemaining": {
        "description": "Requests left in the current window.",
        "schema": {
          "type": "integer"
        },
        "example": 599
      },
      "RateLimitReset": {
        "description": "Seconds until the window resets.",
        "schema": {
          "type": "integer"
        },
        "example": 60
      }
    },
    "schemas": {
      "PhoneNumber": {
        "type": "string",
        "description": "A phone number in E.164 format.",
        "pattern": "^\\+[1-9]\\d{1,14}$",
        "x-error-message": "Phone number must be in E.164 format (+1234567890)",
        "examples": [
          "+14155552671"
        ]
      },
      "CallStatus": {
        "type": "string",
        "description": "Where the call is. `scheduled`: waiting for its `scheduledAt` (or its calling window's next\nopening) before it enters the Dial queue. Terminal statuses are `completed`, `failed`,\n`cancelled`, `no_answer` and `busy`: a call in one of them never changes again. New\nstatuses may be added; treat an unknown one as non-terminal.\n",
        "enum": [
          "initiated",
          "scheduled",
          "queued",
          "connecting",
          "ringing",
          "active",
          "completed",
          "failed",
          "cancelled",
          "no_answer",
          "busy"
        ],
        "x-terminal": [
          "completed",
          "failed",
          "cancelled",
          "no_answer",
          "busy"
        ],
        "x-cancellable": [
          "initiated",
          "scheduled",
          "queued",
          "connecting",
          "ringing",
          "active"
        ],
        "x-transitions": {
          "initiated": [
            "scheduled",
            "queued",
            "failed",
            "cancelled"
          ],
          "scheduled": [
            "queued",
            "failed",
            "cancelled"
          ],
          "queued": [
            "scheduled",
            "connecting",
            "failed",
            "cancelled"
          ],
          "connecting": [
            "queued",
            "ringing",
            "active",
            "busy",
            "no_answer",
            "failed",
            "cancelled"
          ],
          "ringing": [
            "active",
            "busy",
            "no_answer",
            "failed",
            "cancelled"
          ],
          "active": [
            "completed",
            "failed",
            "cancelled"
          ],
          "completed": [],
          "failed": [],
          "cancelled": [],
          "no_answer": [],
          "busy": []
        }
      },
      "AgentType": {
        "type": "string",
        "enum": [
          "voice",
          "chat"
        ]
      },
      "AgentStatus": {
        "type": "string",
        "enum": [
          "active",
          "inactive"
        ]
      },
      "ErrorType": {
        "type": "string",
        "description": "A stable machine-readable error kind.",
        "enum": [
          "validation_error",
          "unauthorized",
          "forbidden",
          "not_found",
          "agent_not_found",
          "agent_not_voice",
          "agent_inactive",
          "caller_id_not_allowed",
          "agent_has_no_caller_id",
          "call_not_cancellable",
          "idempotency_key_reused",
          "idempotency_in_progress",
          "rate_limited",
          "too_many_streams",
          "webhook_endpoint_disabled",
          "batch_finished",
          "payload_too_large",
          "request_timeout",
          "request_headers_too_large",
          "livekit_not_configured",
          "queue_failed",
          "internal_error"
        ]
      },
      "CreateOutboundCallRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "agentId",
          "phoneNumber"
        ],
        "properties": {
          "agentId": {
            "type": "string",
            "format": "uuid",
            "description": "The voice agent that handles the call.",
            "x-error-message": "Invalid agent ID format"
          },
          "phoneNumber": {
            "$ref": "#/components/schemas/PhoneNumber",
            "description": "The number to call, in E.164 format."
          },
          "callerId": {
            "type": "string",
            "pattern": "^\\+[1-9]\\d{1,14}$",
            "description": "The number to show as caller ID. It must be one of the agent's phone numbers; the default is the agent's first.",
            "x-error-message": "Caller ID must be in E.164 format (+1234567890)"
          },
          "metadata": {
            "type": "object",
            "description": "Your own data, kept on the call and passed to the agent. At most 16384 bytes serialized\nas JSON, and nested at most 32 levels deep (the metadata object itself is level 1).\n",
            "additionalProperties": true,
            "x-max-serialized-bytes": 16384,
            "x-max-depth": 32,
            "x-error-message": "Metadata must be an object"
          },
          "priority": {
            "type": "integer",
            "minimum": 0,
            "maximum": 10,
            "default": 5,
            "description": "0 is the most urgent; the Dial queue dials lower numbers first, and in arrival order within one priority.",
            "x-error-message": "Priority must be an integer between 0 and 10"
          },
          "ringTimeoutSeconds": {
            "type": "integer",
            "minimum": 5,
            "maximum": 120,
            "default": 30,
            "description": "How long to let the phone ring before the call ends as `no_answer`.",
            "x-error-message": "Ring timeout must be an integer between 5 and 120 seconds"
          },
          "maxDurationSeconds": {
            "type": "integer",
            "minimum": 10,
            "maximum": 14400,
            "description": "The longest the call may last once answered.",
            "x-error-message": "Max duration must be an integer between 10 and 14400 seconds"
          },
          "variables": {
            "type": "object",
            "description": "Values for the agent's prompt templates (`{{first_name}}`).",
            "additionalProperties": {
              "type": "string"
            },
            "x-error-message": "Variables must be a map of strings"
          },
          "webhookUrl": {
            "$ref": "#/components/schemas/WebhookUrl",
            "description": "Also sends every event of this call to this URL, signed with your organization's\nwebhook secret (`rotateWebhookSecret`), besides your webhook endpoints.\n"
          },
          "scheduledAt": {
            "type": "string",
            "format": "date-time",
            "description": "Dial no earlier than this instant (at most 90 days ahead). The call is created\n`scheduled` and enters the Dial queue, at its priority, when it falls due. An instant\nalready past (up to 5 minutes, for clock skew) means now.\n",
            "x-error-message": "Scheduled time must be an RFC 3339 date-time"
          },
          "latestAt": {
            "type": "string",
            "format": "date-time",
            "description": "Give up at this instant: a call not dialed by then ends `failed` with `failureReason`\n`expired` (also when the server was down meanwhile). After `scheduledAt` and after now.\n",
            "x-error-message": "Latest time must be an RFC 3339 date-time"
          },
          "callingWindow": {
            "$ref": "#/components/schemas/CallingWindow"
          }
        }
      },
      "CallingWindow": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "timezone",
          "start",
          "end"
        ],
        "description": "Local hours in which the call may be dialed. Outside them the call waits as `scheduled`,\nwith `scheduledAt` set to the window's next opening. `end` before `start` crosses midnight\n(`22:00`–`02:00`); a window is judged by the local wall clock, so across a DST change it\nopens at the same local time. Without one, the server's `OUTDIAL_DEFAULT_CALLING_WINDOW`\napplies (unset: any time).\n",
        "x-error-message": "Calling window must be an object with timezone, start and end",
        "properties": {
          "timezone": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64,
            "description": "An IANA time zone (`America/New_York`), in which `start`, `end` and `days` are read.",
            "examples": [
              "America/New_York"
            ],
            "x-error-message": "Calling window time zone must be an IANA time zone (such as America/New_York)"
          },
          "start": {
            "type": "string",
            "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
            "description": "Local opening time, `HH:MM` (24 h), inclusive.",
            "examples": [
              "09:00"
            ],
            "x-error-message": "Calling window start must be a time as HH:MM (00:00 to 23:59)"
          },
          "end": {
            "type": "string",
            "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
            "description": "Local closing time, `HH:MM` (24 h), exclusive. Before `start`, the window ends the next day.",
            "examples": [
              "17:30"
            ],
            "x-error-message": "Calling window end must be a time as HH:MM (00:00 to 23:59)"
          },
          "days": {
            "type": "array",
            "minItems": 1,
            "maxItems": 7,
            "uniqueItems": true,
            "description": "ISO weekdays on which the window opens (1 Monday … 7 Sunday), in the time zone; default every day. A window crossing midnight belongs to the day it opens.",
            "items": {
              "type": "integer",
              "minimum": 1,
              "maximum": 7
            },
            "x-error-message": "Calling window days must be distinct ISO weekdays from 1 (Monday) to 7 (Sunday)"
          }
        }
      },
      "AgentSummary": {
        "type": "object",
        "required": [
          "id",
          "name",
          "type"
        ],
        "properties": {
          "id": {
            "type": "string",
            "format": "uuid"
          },
          "name": {
            "type": "string"
          },
          "type": {
            "$ref": "#/components/schemas/AgentType"
          }
        }
      },
      "CallMetadata": {
        "type": "object",
        "description": "The caller's metadata, plus the keys the server sets (`caller_id`, `from_phone_number`,\n`priority`). Key order: the caller's keys in the order sent, then `caller_id`,\n`from_phone_number` and `priority`. The server's values win over the caller's keys of the\nsame names (such a key keeps its place among the caller's).\n",
        "required": [
          "caller_id",
          "from_phone_number",
          "priority"
        ],
        "properties": {
          "caller_id": {
            "type": "string"
          },
          "from_phone_number": {
            "type": "string"
          },
          "priority": {
            "type": "integer"
          }
        },
        "additionalProperties": true
      },
      "QueuedCall": {
        "type": "object",
        "description": "The call as `createOutboundCall` returns it.",
        "required": [
          "id",
          "status",
          "agentId",
          "phoneNumber",
          "callerId",
          "startedAt",
          "agent",
          "metadata",
          "scheduledAt"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "The call's id (`call_…`)."
          },
          "status": {
            "$ref": "#/components/schemas/CallStatus"
          },
          "agentId": {
            "type": "string",
            "format": "uuid"
          },
          "phoneNumber": {
            "type": "string"
          },
          "callerId": {
            "type": "string"
          },
          "startedAt": {
            "type": "string",
            "format": "date-time",
            "description": "When the call was accepted."
          },
          "agent": {
            "$ref": "#/components/schemas/AgentSummary"
          },
          "metadata": {
            "$ref": "#/components/schemas/CallMetadata"
          },
          "scheduledAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "When a `scheduled` call enters the Dial queue: the requested `scheduledAt`, or the calling window's next opening. Kept after the call leaves `scheduled`; null for a call that was never scheduled."
          }
        }
      },
      "Call": {
        "description": "A call, with everything `createOutboundCall` returns and its progress.",
        "allOf": [
          {
            "$ref": "#/components/schemas/QueuedCall"
          },
          {
            "type": "object",
            "required": [
              "priority",
              "ringTimeoutSeconds",
              "maxDurationSeconds",
              "variables",
              "roomId",
              "jobId",
              "sipParticipantId",
              "answeredAt",
              "endedAt",
              "duration",
              "failureReason",
              "cancellation",
              "summary",
              "webhookUrl",
              "latestAt",
              "callingWindow",
              "batchId",
              "attempt",
              "retryOf",
              "queuePosition",
              "updatedAt"
            ],
            "properties": {
              "priority": {
                "type": "integer",
                "minimum": 0,
                "maximum": 10
              },
              "ringTimeoutSeconds": {
                "type": "integer"
              },
              "maxDurationSeconds": {
                "type": [
                  "integer",
                  "null"
                ]
              },
              "variables": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                }
              },
              "roomId": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "The LiveKit room; null until the Dial queue places the call."
              },
              "jobId": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "The LiveKit agent dispatch id; null until the Dial queue places the call."
              },
              "sipParticipantId": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "The LiveKit SIP participant id; null until the Dial queue places the call."
              },
              "answeredAt": {
                "type": [
                  "string",
                  "null"
                ],
                "format": "date-time"
              },
              "endedAt": {
                "type": [
                  "string",
                  "null"
                ],
                "format": "date-time"
              },
              "duration": {
                "type": [
                  "integer",
                  "null"
                ],
                "minimum": 0,
                "description": "Whole seconds from answer to end; null until the call ends (0 if never answered)."
              },
              "failureReason": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Why the call did not connect; null unless the status is `failed`, `busy` or `no_answer`. `expired`: its `latestAt` passed before it could be dialed."
              },
              "cancellation": {
                "type": [
                  "string",
                  "null"
                ],
                "enum": [
                  "before_dial",
                  "hung_up",
                  null
                ],
                "description": "How a `cancelled` call was stopped; null for any other status. `before_dial`: the cancel committed before the call's SIP INVITE was sent, so the phone never rang. `hung_up`: the INVITE had already left (or the call was ringing or answered), so Outdial tore the call down in LiveKit, retrying until LiveKit confirmed it. Once a cancel is answered with 200, no INVITE for the call is sent any more."
              },
              "summary": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "webhookUrl": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "The call's own webhook URL (`createOutboundCall`), or null."
              },
              "latestAt": {
                "type": [
                  "string",
                  "null"
                ],
                "format": "date-time",
                "description": "The requested `latestAt`, or null."
              },
              "callingWindow": {
                "description": "The call's calling window (its own, or the server default it was created under), or null.",
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/CallingWindow"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "batchId": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "The batch the call belongs to (`createBatch`), or null."
              },
              "attempt": {
                "type": "integer",
                "minimum": 1,
                "description": "Which attempt at its contact this call is; 1 unless it retries an earlier call of its batch."
              },
              "retryOf": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "The call this one retries (`attempt - 1`), or null."
              },
              "queuePosition": {
                "type": [
                  "integer",
                  "null"
                ],
                "minimum": 1,
                "description": "1-based position in the Dial queue while `queued`, else null."
              },
              "updatedAt": {
                "type": "string",
                "format": "date-time"
              }
            }
          }
        ]
      },
      "BatchStatus": {
        "type": "string",
        "description": "`scheduled`: none of its calls is due yet (its `scheduledAt` or calling window);\n`running`: its calls are being dialed; `paused`: none is dialed until resumed;\n`completed`: every contact reached a final result (no attempt left waiting);\n`cancelled`: its waiting calls were cancelled. `completed` and `cancelled` are final.\n",
        "enum": [
          "scheduled",
          "running",
          "paused",
          "completed",
          "cancelled"
        ]
      },
      "BatchRetry": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "maxAttempts",
          "on"
        ],
        "description": "When a call of the batch ends in one of `on`, another attempt at the same contact is scheduled `delaySeconds` later (inside the calling window), until `maxAttempts` attempts were made.",
        "x-error-message": "Retry must be an object with maxAttempts and on",
        "properties": {
          "maxAttempts": {
            "type": "integer",
            "minimum": 1,
            "maximum": 5,
            "description": "Attempts per contact in all, the first included.",
            "x-error-message": "Retry max attempts must be an integer between 1 and 5"
          },
          "on": {
            "type": "array",
            "minItems": 1,
            "maxItems": 3,
            "uniqueItems": true,
            "items": {
              "type": "string",
              "enum": [
                "busy",
                "no_answer",
                "failed"
              ]
            },
            "description": "The final statuses that earn another attempt.",
            "x-error-message": "Retry on must be distinct statuses among busy, no_answer and failed"
          },
          "delaySeconds": {
            "type": "integer",
            "minimum": 0,
            "maximum": 604800,
            "default": 300,
            "description": "Seconds from the end of an attempt to the next one (then the calling window applies).",
            "x-error-message": "Retry delay must be an integer between 0 and 604800 seconds"
          }
        }
      },
      "BatchCallInput": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "phoneNumber"
        ],
        "description": "One contact of a batch.",
        "properties": {
          "phoneNumber": {
            "$ref": "#/components/schemas/PhoneNumber"
          },
          "callerId": {
            "type": "string",
            "pattern": "^\\+[1-9]\\d{1,14}$",
            "description": "Overrides the batch's `callerId` for this contact; one of the agent's phone numbers.",
            "x-error-message": "Caller ID must be in E.164 format (+1234567890)"
          },
          "priority": {
            "type": "integer",
            "minimum": 0,
            "maximum": 10,
            "description": "Overrides the batch's priority for this contact.",
            "x-error-message": "Priority must be an integer between 0 and 10"
          },
          "metadata": {
            "type": "object",
            "additionalProperties": true,
            "description": "Merged over the batch's metadata for this contact; the same limits as a call's.",
            "x-max-serialized-bytes": 16384,
            "x-max-depth": 32,
            "x-error-message": "Metadata must be an object"
          },
          "variables": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            },
            "description": "Values for the agent's prompt templates, for this contact.",
            "x-error-message": "Variables must be a map of strings"
          }
        }
      },
      "CreateBatchRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "name",
          "agentId",
          "calls"
        ],
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "x-error-message": "Name must be 1 to 200 characters"
          },
          "agentId": {
            "type": "string",
            "format": "uuid",
            "description": "The voice agent that places every call of the batch.",
            "x-error-message": "Invalid agent ID format"
          },
          "callerId": {
            "type": "string",
            "pattern": "^\\+[1-9]\\d{1,14}$",
            "description": "The caller ID of every call (rows may override it); one of the agent's numbers; default the agent's first.",
            "x-error-message": "Caller ID must be in E.164 format (+1234567890)"
          },
          "priority": {
            "type": "integer",
            "minimum": 0,
            "maximum": 10,
            "default": 5,
            "description": "The priority of every call (rows may override it).",
            "x-error-message": "Priority must be an integer between 0 and 10"
          },
          "scheduledAt": {
            "type": "string",
            "format": "date-time",
            "description": "Dial none of the calls before this instant (at most 90 days ahead), as for a single call.",
            "x-error-message": "Scheduled time must be an RFC 3339 date-time"
          },
          "latestAt": {
            "type": "string",
            "format": "date-time",
            "description": "Calls (and retries) not dialed by then end `failed` with `failureReason` `expired`.",
            "x-error-message": "Latest time must be an RFC 3339 date-time"
          },
          "callingWindow": {
            "$ref": "#/components/schemas/CallingWindow"
          },
          "maxConcurrentCalls": {
            "type": "integer",
            "minimum": 1,
            "maximum": 1000,
            "description": "At most this many of the batch's calls are live (connecting, ringing or active) at once; a call held back does not use a dial slot. Default no limit beyond the server's.",
            "x-error-message": "Max concurrent calls must be an integer between 1 and 1000"
          },
          "retry": {
            "$ref": "#/components/schemas/BatchRetry"
          },
          "webhookUrl": {
            "$ref": "#/components/schemas/WebhookUrl",
            "description": "The batch's own events (`batch.*`) and every event of every call of the batch are also sent here, signed with your organization's webhook secret."
          },
          "metadata": {
            "type": "object",
            "additionalProperties": true,
            "description": "Kept on the batch and merged under each row's metadata on its call. At most 16384 bytes serialized.",
            "x-max-serialized-bytes": 16384,
            "x-max-depth": 32,
            "x-error-message": "Metadata must be an object"
          },
          "calls": {
            "type": "array",
            "minItems": 1,
            "maxItems": 10000,
            "items": {
              "$ref": "#/components/schemas/BatchCallInput"
            },
            "x-error-message": "Calls must be a list of 1 to 10000 contacts"
          }
        }
      },
      "BatchCounters": {
        "type": "object",
        "description": "Each contact counted once, by its latest attempt, so the counters add up to `total`.\n`retrying`: its last attempt ended `busy`, `no_answer` or `failed` and the next one is\nwaiting its delay; `inProgress`: connecting, ringing or active.\n",
        "required": [
          "total",
          "scheduled",
          "queued",
          "inProgress",
          "completed",
          "busy",
          "noAnswer",
          "failed",
          "cancelled",
          "retrying"
        ],
        "properties": {
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "scheduled": {
            "type": "integer",
            "minimum": 0
          },
          "queued": {
            "type": "integer",
            "minimum": 0
          },
          "inProgress": {
            "type": "integer",
            "minimum": 0
          },
          "completed": {
            "type": "integer",
            "minimum": 0
          },
          "busy": {
            "type": "integer",
            "minimum": 0
          },
          "noAnswer": {
            "type": "integer",
            "minimum": 0
          },
          "failed": {
            "type": "integer",
            "minimum": 0
          },
          "cancelled": {
            "type": "integer",
            "minimum": 0
          },
          "retrying": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "Batch": {
        "type": "object",
        "required": [
          "id",
          "name",
          "agentId",
          "status",
          "priority",
          "callerId",
          "scheduledAt",
          "latestAt",
          "callingWindow",
          "maxConcurrentCalls",
          "retry",
          "webhookUrl",
          "metadata",
          "counters",
          "createdAt",
          "updatedAt",
          "completedAt"
        ],
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^batch_[0-9A-HJKMNP-TV-Z]{26}$"
          },
          "name": {
            "type": "string"
          },
          "agentId": {
            "type": "string",
            "format": "uuid"
          },
          "status": {
            "$ref": "#/components/schemas/BatchStatus"
          },
          "priority": {
            "type": "integer",
            "minimum": 0,
            "maximum": 10
          },
          "callerId": {
            "type": [
              "string",
              "null"
            ],
            "description": "The batch's caller ID as sent, or null (each call then has the agent's first number)."
          },
          "scheduledAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "latestAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "callingWindow": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/CallingWindow"
              },
              {
                "type": "null"
              }
            ]
          },
          "maxConcurrentCalls": {
            "type": [
              "integer",
              "null"
            ]
          },
          "retry": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/BatchRetry"
              },
              {
                "type": "null"
              }
            ]
          },
          "webhookUrl": {
            "type": [
              "string",
              "null"
            ]
          },
          "metadata": {
            "type": "object",
            "additionalProperties": true
          },
          "counters": {
            "$ref": "#/components/schemas/BatchCounters"
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "updatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "completedAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "When the batch became `completed` or `cancelled`."
          }
        }
      },
      "BatchResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "$ref": "#/components/schemas/Batch"
          }
        }
      },
      "ListBatchesResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "object",
            "required": [
              "batches",
              "pagination"
            ],
            "properties": {
              "batches": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Batch"
                }
              },
              "pagination": {
                "$ref": "#/components/schemas/Pagination"
              }
            }
          }
        }
      },
      "TrunkQueue": {
        "type": "object",
        "required": [
          "trunkId",
          "cps",
          "queued",
          "queuedByPriority",
          "dialsLastMinute",
          "leader"
        ],
        "properties": {
          "trunkId": {
            "type": "string",
            "description": "The SIP trunk (`ST_…`), or `default` when neither the agent nor the server names one."
          },
          "cps": {
            "type": "number",
            "exclusiveMinimum": 0,
            "description": "The trunk's dial starts per second at most, in any 1 s window — its own budget (`outdial trunks set`), else `DIAL_CPS`. Each trunk is paced on its own."
          },
          "queued": {
            "type": "integer",
            "minimum": 0,
            "description": "Your calls waiting in the Dial queue for this trunk (status `queued`)."
          },
          "queuedByPriority": {
            "type": "array",
            "minItems": 11,
            "maxItems": 11,
            "description": "`queued` split by priority: index 0 is priority 0 (most urgent), index 10 priority 10.",
            "items": {
              "type": "integer",
              "minimum": 0
            }
          },
          "dialsLastMinute": {
            "type": "array",
            "minItems": 60,
            "maxItems": 60,
            "description": "Your calls dialed on this trunk in each of the last 60 whole seconds, oldest first; the last entry is the second now running.",
            "items": {
              "type": "integer",
              "minimum": 0
            }
          },
          "leader": {
            "type": [
              "string",
              "null"
            ],
            "description": "The server process that dials this trunk (`host:pid`), or null while none does (no LiveKit configured)."
          }
        }
      },
      "QueueResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "object",
            "required": [
              "trunks",
              "at"
            ],
            "properties": {
              "at": {
                "type": "string",
                "format": "date-time",
                "description": "When the counts were read."
              },
              "trunks": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/TrunkQueue"
                }
              }
            }
          }
        }
      },
      "Pagination": {
        "type": "object",
        "required": [
          "limit",
          "hasMore",
          "nextCursor"
        ],
        "properties": {
          "limit": {
            "type": "integer"
          },
          "hasMore": {
            "type": "boolean"
          },
          "nextCursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "CreateOutboundCallResponse": {
        "type": "object",
        "required": [
          "data",
          "message"
        ],
        "properties": {
          "data": {
            "$ref": "#/components/schemas/QueuedCall"
          },
          "message": {
            "type": "string",
            "const": "Outbound call queued. Poll GET /api/v1/calls/{id} for dial progress."
          }
        }
      },
      "GetCallResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "$ref": "#/components/schemas/Call"
          }
        }
      },
      "ListCallsResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "object",
            "required": [
              "calls",
              "pagination"
            ],
            "properties": {
              "calls": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Call"
                }
              },
              "pagination": {
                "$ref": "#/components/schemas/Pagination"
              }
            }
          }
        }
      },
      "CancelCallResponse": {
        "type": "object",
        "required": [
          "data",
          "message"
        ],
        "properties": {
          "data": {
            "type": "object",
            "required": [
              "id",
              "status"
            ],
            "properties": {
              "id": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "const": "cancelled"
              }
            }
          },
          "message": {
            "type": "string",
            "const": "Call cancelled successfully"
          }
        }
      },
      "EventType": {
        "type": "string",
        "description": "`call.<status>`: the call reached that status. `batch.<change>`: a batch started dialing,\nwas paused, resumed, completed or cancelled. New types may be added; ignore an unknown one.\n",
        "enum": [
          "call.scheduled",
          "call.queued",
          "call.connecting",
          "call.ringing",
          "call.active",
          "call.completed",
          "call.failed",
          "call.cancelled",
          "call.no_answer",
          "call.busy",
          "batch.started",
          "batch.paused",
          "batch.resumed",
          "batch.completed",
          "batch.cancelled"
        ]
      },
      "CallEventType": {
        "type": "string",
        "description": "The event types of a call's status changes (`call.<status>`).",
        "enum": [
          "call.scheduled",
          "call.queued",
          "call.connecting",
          "call.ringing",
          "call.active",
          "call.completed",
          "call.failed",
          "call.cancelled",
          "call.no_answer",
          "call.busy"
        ]
      },
      "BatchEventType": {
        "type": "string",
        "description": "The event types of a batch's changes: `batch.started` (its first calls became due: it is\n`running`; a batch created with calls due at once starts as it is created, and one paused\nbefore any fell due starts when it is resumed, right after its `batch.resumed`),\n`batch.paused`, `batch.resumed`, `batch.completed` (every contact reached a final result)\nand `batch.cancelled`.\n",
        "enum": [
          "batch.started",
          "batch.paused",
          "batch.resumed",
          "batch.completed",
          "batch.cancelled"
        ]
      },
      "Event": {
        "description": "One event: a call's status change (`call.*`, `data` is the Call) or a batch's change\n(`batch.*`, `data` is the Batch). Discriminate on `type`.\n",
        "oneOf": [
          {
            "$ref": "#/components/schemas/CallEvent"
          },
          {
            "$ref": "#/components/schemas/BatchEvent"
          }
        ]
      },
      "CallEvent": {
        "type": "object",
        "description": "One status change of a call. `data` is the call as `getCall` returned it at that moment,\nexcept `queuePosition`, which is null in events (a position changes with every dial; read\nit with `getCall`).\n",
        "required": [
          "id",
          "type",
          "timestamp",
          "sequence",
          "data"
        ],
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^evt_[0-9A-HJKMNP-TV-Z]{26}$",
            "description": "Unique; increases in the order events were committed within your organization."
          },
          "type": {
            "$ref": "#/components/schemas/CallEventType"
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the status change was committed."
          },
          "sequence": {
            "type": "integer",
            "minimum": 1,
            "description": "The event's place among its call's events, 1-based and gapless."
          },
          "data": {
            "$ref": "#/components/schemas/Call"
          }
        }
      },
      "BatchEvent": {
        "type": "object",
        "description": "One change of a batch. `data` is the batch as `getBatch` returned it at that moment\n(its counters included).\n",
        "required": [
          "id",
          "type",
          "timestamp",
          "sequence",
          "data"
        ],
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^evt_[0-9A-HJKMNP-TV-Z]{26}$",
            "description": "Unique; increases in the order events were committed within your organization."
          },
          "type": {
            "$ref": "#/components/schemas/BatchEventType"
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When the change was committed."
          },
          "sequence": {
            "type": "integer",
            "minimum": 1,
            "description": "The event's place among its batch's events, 1-based and gapless."
          },
          "data": {
            "$ref": "#/components/schemas/Batch"
          }
        }
      },
      "ListEventsResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "object",
            "required": [
              "events",
              "pagination"
            ],
            "properties": {
              "events": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Event"
                }
              },
              "pagination": {
                "$ref": "#/components/schemas/Pagination"
              }
            }
          }
        }
      },
      "ListCallEventsResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "object",
            "required": [
              "events"
            ],
            "properties": {
              "events": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Event"
                }
              }
            }
          }
        }
      },
      "WebhookEventType": {
        "type": "string",
        "description": "What a webhook endpoint can subscribe to. `webhook.test` is sent only by `sendTestWebhook`.",
        "anyOf": [
          {
            "$ref": "#/components/schemas/EventType"
          },
          {
            "type": "string",
            "const": "webhook.test"
          }
        ]
      },
      "WebhookUrl": {
        "type": "string",
        "format": "uri",
        "maxLength": 2048,
        "pattern": "^https?://",
        "description": "An absolute `http` or `https` URL. Redirects are not followed. Deliveries to loopback,\nprivate, link-local and cloud-metadata addresses (checked on the address the host resolves\nto when sending) are refused unless the server runs with `OUTDIAL_WEBHOOK_ALLOW_PRIVATE=true`.\n",
        "x-error-message": "Webhook URL must be an absolute http or https URL of at most 2048 characters",
        "examples": [
          "https://example.com/outdial/webhooks"
        ]
      },
      "WebhookEndpoint": {
        "type": "object",
        "required": [
          "id",
          "url",
          "description",
          "enabledEvents",
          "status",
          "disabledReason",
          "createdAt",
          "updatedAt"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "`we_<ulid>`."
          },
          "url": {
            "$ref": "#/components/schemas/WebhookUrl"
          },
          "description": {
            "type": [
              "string",
              "null"
            ]
          },
          "enabledEvents": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/EventType"
            }
          },
          "status": {
            "type": "string",
            "enum": [
              "enabled",
              "disabled"
            ]
          },
          "disabledReason": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "gone",
              "failing",
              null
            ],
            "description": "Why Outdial disabled the endpoint: `gone` (it answered 410 Gone) or `failing` (every delivery failed for 5 days). Null when enabled, or disabled through the API."
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "updatedAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "WebhookEndpointWithSecret": {
        "allOf": [
          {
            "$ref": "#/components/schemas/WebhookEndpoint"
          },
          {
            "type": "object",
            "required": [
              "secret"
            ],
            "properties": {
              "secret": {
                "type": "string",
                "pattern": "^whsec_[A-Za-z0-9+/]{32,}={0,2}$",
                "description": "`whsec_` and the base64 of 32 random bytes. Shown only when created or rotated."
              }
            }
          }
        ]
      },
      "CreateWebhookEndpointRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "url"
        ],
        "properties": {
          "url": {
            "$ref": "#/components/schemas/WebhookUrl"
          },
          "description": {
            "type": "string",
            "maxLength": 500,
            "x-error-message": "Description must be at most 500 characters"
          },
          "enabledEvents": {
            "type": "array",
            "minItems": 1,
            "uniqueItems": true,
            "description": "The event types to send. Default every `call.*` type (`batch.*` are sent only to endpoints that name them, and to a batch's `webhookUrl`).",
            "items": {
              "$ref": "#/components/schemas/EventType"
            },
            "x-error-message": "enabledEvents must be a non-empty list of distinct event types"
          }
        }
      },
      "UpdateWebhookEndpointRequest": {
        "type": "object",
        "additionalProperties": false,
        "minProperties": 1,
        "properties": {
          "url": {
            "$ref": "#/components/schemas/WebhookUrl"
          },
          "description": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 500,
            "x-error-message": "Description must be at most 500 characters"
          },
          "enabledEvents": {
            "type": "array",
            "minItems": 1,
            "uniqueItems": true,
            "items": {
              "$ref": "#/components/schemas/EventType"
            },
            "x-error-message": "enabledEvents must be a non-empty list of distinct event types"
          },
          "status": {
            "type": "string",
            "enum": [
              "enabled",
              "disabled"
            ],
            "x-error-message": "Status must be enabled or disabled"
          }
        }
      },
      "WebhookEndpointResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "$ref": "#/components/schemas/WebhookEndpoint"
          }
        }
      },
      "WebhookEndpointWithSecretResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "$ref": "#/components/schemas/WebhookEndpointWithSecret"
          }
        }
      },
      "ListWebhookEndpointsResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "object",
            "required": [
              "webhookEndpoints",
              "pagination"
            ],
            "properties": {
              "webhookEndpoints": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/WebhookEndpoint"
                }
              },
              "pagination": {
                "$ref": "#/components/schemas/Pagination"
              }
            }
          }
        }
      },
      "DeleteWebhookEndpointResponse": {
        "type": "object",
        "required": [
          "data",
          "message"
        ],
        "properties": {
          "data": {
            "type": "object",
            "required": [
              "id",
              "deleted"
            ],
            "properties": {
              "id": {
                "type": "string"
              },
              "deleted": {
                "type": "boolean",
                "const": true
              }
            }
          },
          "message": {
            "type": "string",
            "const": "Webhook endpoint deleted successfully"
          }
        }
      },
      "WebhookSecretResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "object",
            "required": [
              "secret",
              "previousSecretExpiresAt"
            ],
            "properties": {
              "secret": {
                "type": "string",
                "pattern": "^whsec_[A-Za-z0-9+/]{32,}={0,2}$"
              },
              "previousSecretExpiresAt": {
                "type": "string",
                "format": "date-time",
                "description": "Until then the previous secret signs every delivery too."
              }
            }
          }
        }
      },
      "WebhookDeliveryStatus": {
        "type": "string",
        "enum": [
          "pending",
          "succeeded",
          "failed"
        ],
        "description": "`pending` while attempts remain, `succeeded` after a 2xx, `failed` once the schedule is exhausted (or the endpoint was disabled)."
      },
      "WebhookDeliveryAttempt": {
        "type": "object",
        "required": [
          "at",
          "statusCode",
          "durationMs",
          "error"
        ],
        "properties": {
          "at": {
            "type": "string",
            "format": "date-time"
          },
          "statusCode": {
            "type": [
              "integer",
              "null"
            ],
            "description": "The receiver's HTTP status; null when no response arrived."
          },
          "durationMs": {
            "type": "integer",
            "minimum": 0
          },
          "error": {
            "type": [
              "string",
              "null"
            ],
            "description": "Why the attempt failed (timeout, refused address, connection error, a non-2xx status), or null."
          },
          "responseBody": {
            "type": [
              "string",
              "null"
            ],
            "description": "The receiver's response body, at most 64 KiB (longer ones are truncated)."
          }
        }
      },
      "WebhookDelivery": {
        "type": "object",
        "required": [
          "id",
          "endpointId",
          "eventId",
          "eventType",
          "status",
          "attempts",
          "nextAttemptAt",
          "createdAt"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "`wd_<ulid>`."
          },
          "endpointId": {
            "type": "string"
          },
          "eventId": {
            "type": "string",
            "description": "The event's id, sent as `webhook-id` on every attempt."
          },
          "eventType": {
            "$ref": "#/components/schemas/WebhookEventType"
          },
          "status": {
            "$ref": "#/components/schemas/WebhookDeliveryStatus"
          },
          "attempts": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/WebhookDeliveryAttempt"
            }
          },
          "nextAttemptAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "When the next attempt is due; null unless `pending`."
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "WebhookDeliveryResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "$ref": "#/components/schemas/WebhookDelivery"
          }
        }
      },
      "ListWebhookDeliveriesResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "object",
            "required": [
              "deliveries",
              "pagination"
            ],
            "properties": {
              "deliveries": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/WebhookDelivery"
                }
              },
              "pagination": {
                "$ref": "#/components/schemas/Pagination"
              }
            }
          }
        }
      },
      "WebhookTestEvent": {
        "type": "object",
        "description": "The body `sendTestWebhook` delivers.",
        "required": [
          "id",
          "type",
          "timestamp",
          "data"
        ],
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^evt_[0-9A-HJKMNP-TV-Z]{26}$"
          },
          "type": {
            "type": "string",
            "const": "webhook.test"
          },
          "timestamp": {
            "type": "string",
            "format": "date-time"
          },
          "data": {
            "type": "object",
            "required": [
              "endpointId"
            ],
            "properties": {
              "endpointId": {
                "type": "string"
              }
            }
          }
        }
      },
      "Agent": {
        "type": "object",
        "required": [
          "id",
          "name",
          "type",
          "status",
          "phoneNumbers",
          "livekitAgentName",
          "sipTrunkId",
          "createdAt",
          "updatedAt"
        ],
        "properties": {
          "id": {
            "type": "string",
            "format": "uuid"
          },
          "name": {
            "type": "string"
          },
          "type": {
            "$ref": "#/components/schemas/AgentType"
          },
          "status": {
            "$ref": "#/components/schemas/AgentStatus"
          },
          "phoneNumbers": {
            "type": "array",
            "description": "The agent's numbers, in E.164; the first is the default caller ID.",
            "items": {
              "type": "string"
            }
          },
          "livekitAgentName": {
            "type": [
              "string",
              "null"
            ],
            "description": "The LiveKit agent worker to dispatch; null uses the server's default."
          },
          "sipTrunkId": {
            "type": [
              "string",
              "null"
            ],
            "description": "The LiveKit outbound SIP trunk; null uses the server's default."
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "updatedAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "CreateAgentRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "x-error-message": "Name must be 1 to 200 characters"
          },
          "type": {
            "$ref": "#/components/schemas/AgentType",
            "default": "voice",
            "x-error-message": "Type must be one of: voice, chat"
          },
          "status": {
            "$ref": "#/components/schemas/AgentStatus",
            "default": "active",
            "x-error-message": "Status must be one of: active, inactive"
          },
          "phoneNumbers": {
            "type": "array",
            "maxItems": 50,
            "uniqueItems": true,
            "default": [],
            "items": {
              "$ref": "#/components/schemas/PhoneNumber"
            },
            "x-error-message": "Phone numbers must be a list of distinct E.164 numbers (+1234567890)"
          },
          "livekitAgentName": {
            "type": [
              "string",
              "null"
            ],
            "minLength": 1,
            "maxLength": 128,
            "x-error-message": "LiveKit agent name must be 1 to 128 characters"
          },
          "sipTrunkId": {
            "type": [
              "string",
              "null"
            ],
            "minLength": 1,
            "maxLength": 128,
            "x-error-message": "SIP trunk ID must be 1 to 128 characters"
          }
        }
      },
      "UpdateAgentRequest": {
        "type": "object",
        "additionalProperties": false,
        "minProperties": 1,
        "x-error-message": "Send at least one field to update",
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "x-error-message": "Name must be 1 to 200 characters"
          },
          "type": {
            "$ref": "#/components/schemas/AgentType",
            "x-error-message": "Type must be one of: voice, chat"
          },
          "status": {
            "$ref": "#/components/schemas/AgentStatus",
            "x-error-message": "Status must be one of: active, inactive"
          },
          "phoneNumbers": {
            "type": "array",
            "maxItems": 50,
            "uniqueItems": true,
            "items": {
              "$ref": "#/components/schemas/PhoneNumber"
            },
            "x-error-message": "Phone numbers must be a list of distinct E.164 numbers (+1234567890)"
          },
          "livekitAgentName": {
            "type": [
              "string",
              "null"
            ],
            "minLength": 1,
            "maxLength": 128,
            "x-error-message": "LiveKit agent name must be 1 to 128 characters"
          },
          "sipTrunkId": {
            "type": [
              "string",
              "null"
            ],
            "minLength": 1,
            "maxLength": 128,
            "x-error-message": "SIP trunk ID must be 1 to 128 characters"
          }
        }
      },
      "AgentResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "$ref": "#/components/schemas/Agent"
          }
        }
      },
      "ListAgentsResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "object",
            "required": [
              "agents",
              "pagination"
            ],
            "properties": {
              "agents": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Agent"
                }
              },
              "pagination": {
                "$ref": "#/components/schemas/Pagination"
              }
            }
          }
        }
      },
      "DeleteAgentResponse": {
        "type": "object",
        "required": [
          "data",
          "message"
        ],
        "properties": {
          "data": {
            "type": "object",
            "required": [
              "id",
              "deleted"
            ],
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "deleted": {
                "type": "boolean",
                "const": true
              }
            }
          },
          "message": {
            "type": "string",
            "const": "Agent deleted successfully"
          }
        }
      },
      "LiveKitWebhookEvent": {
        "type": "object",
        "description": "A LiveKit `WebhookEvent` in protobuf JSON form. Only the fields Outdial reads are listed.",
        "required": [
          "event"
        ],
        "additionalProperties": true,
        "properties": {
          "event": {
            "type": "string",
            "description": "`room_started`, `room_finished`, `participant_joined`, `participant_left`, …"
          },
          "id": {
            "type": "string"
          },
          "createdAt": {
            "type": [
              "string",
              "integer"
            ]
          },
          "room": {
            "type": "object",
            "additionalProperties": true,
            "properties": {
              "sid": {
                "type": "string"
              },
              "name": {
                "type": "string"
              }
            }
          },
          "participant": {
            "type": "object",
            "additionalProperties": true,
            "properties": {
              "sid": {
                "type": "string"
              },
              "identity": {
                "type": "string"
              },
              "kind": {
                "type": [
                  "string",
                  "integer"
                ]
              }
            }
          }
        }
      },
      "WebhookAck": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "object",
            "required": [
              "received"
            ],
            "properties": {
              "received": {
                "type": "boolean"
              }
            }
          }
        }
      },
      "Health": {
        "type": "object",
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "type": "string",
            "const": "ok"
          }
        }
      },
      "Readiness": {
        "type": "object",
        "required": [
          "status",
          "checks"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ready",
              "not_ready"
            ]
          },
          "checks": {
            "type": "object",
            "description": "`database`: `ok` or `error`. `dialQueue`: `ok` (dialing), `following` (a replica another one leads), `starting` (a replica that just took the lead) or `stopped`. `livekit`: `ok` or `not_configured`.",
            "additionalProperties": {
              "type": "string"
            }
          },
          "trunks": {
            "type": "array",
            "description": "Replicas on PostgreSQL only: every trunk dialed (the default trunk, or `default`, and each trunk an agent names or a budget is set for), and whether this replica holds its lock, and so dials it, now. Each trunk has its own leader.",
            "items": {
              "type": "object",
              "required": [
                "trunkId",
                "leading"
              ],
              "properties": {
                "trunkId": {
                  "type": "string"
                },
                "leading": {
                  "type": "boolean"
                }
              }
            }
          }
        }
      },
      "ErrorDetail": {
        "type": "object",
        "required": [
          "field",
          "message"
        ],
        "properties": {
          "field": {
            "type": "string",
            "description": "The request field at fault, as a dotted path (`metadata`, `phoneNumbers.1`)."
          },
          "message": {
            "type": "string"
          }
        }
      },
      "ErrorResponse": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "message",
              "code",
              "type",
              "requestId"
            ],
            "properties": {
              "message": {
                "type": "string"
              },
              "code": {
                "type": "integer",
                "description": "The HTTP status, kept for compatibility with the existing API."
              },
              "type": {
                "$ref": "#/components/schemas/ErrorType"
              },
              "details": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ErrorDetail"
                }
              },
              "requestId": {
                "type": "string"
              }
            }
          }
        }
      }
    },
    "responses": {
      "ValidationError": {
        "description": "The request is not valid.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "validation": {
                "value": {
                  "error": {
                    "message": "Validation error: Limit must be an integer between 1 and 100",
                    "code": 400,
                    "type": "validation_error",
                    "details": [
                      {
                        "field": "limit",
                        "message": "Limit must be an integer between 1 and 100"
                      }
                    ],
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "Unauthorized": {
        "description": "The API key is missing or unknown.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "unauthorized": {
                "value": {
                  "error": {
                    "message": "Unauthorized",
                    "code": 401,
                    "type": "unauthorized",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "CallForbidden": {
        "description": "The call belongs to another organization.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "forbidden": {
                "value": {
                  "error": {
                    "message": "Access denied - call belongs to different organization",
                    "code": 403,
                    "type": "forbidden",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "CallNotFound": {
        "description": "No call has this id.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "notFound": {
                "value": {
                  "error": {
                    "message": "Call not found",
                    "code": 404,
                    "type": "not_found",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "WebhookEndpointNotFound": {
        "description": "The webhook endpoint does not exist, or belongs to another organization.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "notFound": {
                "value": {
                  "error": {
                    "message": "Webhook endpoint not found",
                    "code": 404,
                    "type": "not_found",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "WebhookDeliveryNotFound": {
        "description": "The endpoint or the delivery does not exist, or belongs to another organization.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "notFound": {
                "value": {
                  "error": {
                    "message": "Webhook delivery not found",
                    "code": 404,
                    "type": "not_found",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "WebhookEndpointDisabled": {
        "description": "The endpoint is disabled, so nothing is sent to it.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "disabled": {
                "value": {
                  "error": {
                    "message": "Webhook endpoint is disabled; enable it first",
                    "code": 409,
                    "type": "webhook_endpoint_disabled",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "BatchNotFound": {
        "description": "The batch does not exist, or belongs to another organization.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "notFound": {
                "value": {
                  "error": {
                    "message": "Batch not found",
                    "code": 404,
                    "type": "not_found",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "BatchFinished": {
        "description": "The batch is `completed` or `cancelled`, so it can no longer be paused, resumed or cancelled.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "finished": {
                "value": {
                  "error": {
                    "message": "Batch has already finished: completed",
                    "code": 409,
                    "type": "batch_finished",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "AgentNotFound": {
        "description": "The agent does not exist, or belongs to another organization.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "notFound": {
                "value": {
                  "error": {
                    "message": "Agent not found or access denied",
                    "code": 404,
                    "type": "agent_not_found",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "IdempotencyInProgress": {
        "description": "A request with the same Idempotency-Key is still being processed. Retry shortly.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          },
          "Retry-After": {
            "$ref": "#/components/headers/RetryAfter"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "inProgress": {
                "value": {
                  "error": {
                    "message": "A request with this Idempotency-Key is still being processed",
                    "code": 409,
                    "type": "idempotency_in_progress",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "IdempotencyKeyReused": {
        "description": "The Idempotency-Key was already used with a different request body.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "reused": {
                "value": {
                  "error": {
                    "message": "This Idempotency-Key was already used with a different request",
                    "code": 422,
                    "type": "idempotency_key_reused",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "PayloadTooLarge": {
        "description": "The request body is larger than the server accepts.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "tooLarge": {
                "value": {
                  "error": {
                    "message": "Request body is too large",
                    "code": 413,
                    "type": "payload_too_large",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "TooManyStreams": {
        "description": "Too many requests for this API key (`rate_limited`, with `Retry-After`), or, for a\n`text/event-stream` request, too many event streams open for it at once\n(`too_many_streams`: close one first; no `Retry-After`, since only a close frees a slot).\n",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          },
          "Retry-After": {
            "$ref": "#/components/headers/RetryAfter"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "tooManyStreams": {
                "value": {
                  "error": {
                    "message": "Too many open event streams for this API key (at most 100)",
                    "code": 429,
                    "type": "too_many_streams",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "RateLimited": {
        "description": "Too many requests for this API key. Wait `Retry-After` seconds.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          },
          "Retry-After": {
            "$ref": "#/components/headers/RetryAfter"
          },
          "RateLimit-Limit": {
            "$ref": "#/components/headers/RateLimitLimit"
          },
          "RateLimit-Remaining": {
            "$ref": "#/components/headers/RateLimitRemaining"
          },
          "RateLimit-Reset": {
            "$ref": "#/components/headers/RateLimitReset"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "rateLimited": {
                "value": {
                  "error": {
                    "message": "Too many requests, please retry later",
                    "code": 429,
                    "type": "rate_limited",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "MalformedRequest": {
        "description": "The request is not valid HTTP; it was refused before any route saw it, and the connection is closed.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "malformed": {
                "value": {
                  "error": {
                    "message": "Validation error: The request is not valid HTTP",
                    "code": 400,
                    "type": "validation_error",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "RequestTimeout": {
        "description": "The request's headers or body did not arrive in time. The connection is closed.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "timeout": {
                "value": {
                  "error": {
                    "message": "The request was not received in time",
                    "code": 408,
                    "type": "request_timeout",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "RequestHeadersTooLarge": {
        "description": "The request line and header fields are larger than the server accepts (16 KiB unless the\nserver is configured otherwise). The connection is closed.\n",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "tooLarge": {
                "value": {
                  "error": {
                    "message": "Request header fields are too large",
                    "code": 431,
                    "type": "request_headers_too_large",
                    "requestId": "req_5f2c1d0e9b8a4c3d"
                  }
                }
              }
            }
          }
        }
      },
      "InternalError": {
        "description": "An unexpected server error.",
        "headers": {
          "x-request-id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "examples": {
              "internal": {
                "$ref": "#/components/examples/InternalError"
              }
            }
          }
        }
      }
    },
    "examples": {
      "Batch": {
        "summary": "A batch being dialed",
        "value": {
          "data": {
            "id": "batch_01JD7ZK5WBA1B2C3D4E5F6G7H8",
            "name": "December renewals",
            "agentId": "550e8400-e29b-41d4-a716-446655440000",
            "status": "running",
            "priority": 5,
            "callerId": null,
            "scheduledAt": null,
            "latestAt": null,
            "callingWindow": {
              "timezone": "America/New_York",
              "start": "09:00",
              "end": "17:30",
              "days": [
                1,
                2,
                3,
                4,
                5
              ]
            },
            "maxConcurrentCalls": 20,
            "retry": {
              "maxAttempts": 3,
              "on": [
                "busy",
                "no_answer"
              ],
              "delaySeconds": 3600
            },
            "webhookUrl": null,
            "metadata": {},
            "counters": {
              "total": 2,
              "scheduled": 0,
              "queued": 1,
              "inProgress": 0,
              "completed": 0,
              "busy": 0,
              "noAnswer": 0,
              "failed": 0,
              "cancelled": 0,
              "retrying": 1
            },
            "createdAt": "2025-12-01T15:00:00.000Z",
            "updatedAt": "2025-12-01T15:04:10.000Z",
            "completedAt": null
          }
        }
      },
      "WebhookEndpoint": {
        "summary": "A webhook endpoint",
        "value": {
          "data": {
            "id": "we_01JD7ZK5W9A1B2C3D4E5F6G7H8",
            "url": "https://example.com/outdial/webhooks",
            "description": "Production receiver",
            "enabledEvents": [
              "call.completed",
              "call.failed",
              "call.busy",
              "call.no_answer"
            ],
            "status": "enabled",
            "disabledReason": null,
            "createdAt": "2025-12-01T15:00:00.000Z",
            "updatedAt": "2025-12-01T15:00:00.000Z"
          }
        }
      },
      "WebhookEndpointWithSecret": {
        "summary": "A new webhook endpoint, with its secret",
        "value": {
          "data": {
            "id": "we_01JD7ZK5W9A1B2C3D4E5F6G7H8",
            "url": "https://example.com/outdial/webhooks",
            "description": "Production receiver",
            "enabledEvents": [
              "call.completed",
              "call.failed",
              "call.busy",
              "call.no_answer"
            ],
            "status": "enabled",
            "disabledReason": null,
            "createdAt": "2025-12-01T15:00:00.000Z",
            "updatedAt": "2025-12-01T15:00:00.000Z",
            "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Hy7ZpCR1Ko="
          }
        }
      },
      "WebhookEndpointPage": {
        "summary": "One page of webhook endpoints",
        "value": {
          "data": {
            "webhookEndpoints": [
              {
                "id": "we_01JD7ZK5W9A1B2C3D4E5F6G7H8",
                "url": "https://example.com/outdial/webhooks",
                "description": "Production receiver",
                "enabledEvents": [
                  "call.completed",
                  "call.failed",
                  "call.busy",
                  "call.no_answer"
                ],
                "status": "enabled",
                "disabledReason": null,
                "createdAt": "2025-12-01T15:00:00.000Z",
                "updatedAt": "2025-12-01T15:00:00.000Z"
              }
            ],
            "pagination": {
              "limit": 20,
              "hasMore": false,
              "nextCursor": null
            }
          }
        }
      },
      "RotatedSecret": {
        "summary": "A new signing secret",
        "value": {
          "data": {
            "secret": "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD7Ytqg8bXZNs=",
            "previousSecretExpiresAt": "2025-12-02T15:00:00.000Z"
          }
        }
      },
      "WebhookDelivery": {
        "summary": "A delivery that succeeded on its second attempt",
        "value": {
          "data": {
            "id": "wd_01JD7ZK5WAB2C3D4E5F6G7H8J9",
            "endpointId": "we_01JD7ZK5W9A1B2C3D4E5F6G7H8",
            "eventId": "evt_01JD7ZK5W9A1B2C3D4E5F6G7H8",
            "eventType": "call.completed",
            "status": "succeeded",
            "attempts": [
              {
                "at": "2025-12-01T15:31:00.000Z",
                "statusCode": 503,
                "durationMs": 41,
                "error": "HTTP 503",
                "responseBody": "Service Unavailable"
              },
              {
                "at": "2025-12-01T15:31:05.000Z",
                "statusCode": 200,
                "durationMs": 12,
                "error": null,
                "responseBody": ""
              }
            ],
            "nextAttemptAt": null,
            "createdAt": "2025-12-01T15:31:00.000Z"
          }
        }
      },
      "WebhookDeliveryPage": {
        "summary": "One page of deliveries",
        "value": {
          "data": {
            "deliveries": [
              {
                "id": "wd_01JD7ZK5WAB2C3D4E5F6G7H8J9",
                "endpointId": "we_01JD7ZK5W9A1B2C3D4E5F6G7H8",
                "eventId": "evt_01JD7ZK5W9A1B2C3D4E5F6G7H8",
                "eventType": "call.completed",
                "status": "succeeded",
                "attempts": [
                  {
                    "at": "2025-12-01T15:31:00.000Z",
                    "statusCode": 503,
                    "durationMs": 41,
                    "error": "HTTP 503",
                    "responseBody": "Service Unavailable"
                  },
                  {
                    "at": "2025-12-01T15:31:05.000Z",
                    "statusCode": 200,
                    "durationMs": 12,
                    "error": null,
                    "responseBody": ""
                  }
                ],
                "nextAttemptAt": null,
                "createdAt": "2025-12-01T15:31:00.000Z"
              }
            ],
            "pagination": {
              "limit": 20,
              "hasMore": false,
              "nextCursor": null
            }
          }
        }
      },
      "InternalError": {
        "summary": "An unexpected error",
        "value": {
          "error": {
            "message": "Internal server error",
            "code": 500,
            "type": "internal_error",
            "requestId": "req_5f2c1d0e9b8a4c3d"
          }
        }
      },
      "Agent": {
        "summary": "A voice agent",
        "value": {
          "data": {
            "id": "550e8400-e29b-41d4-a716-446655440000",
            "name": "Customer Support Agent",
            "type": "voice",
            "status": "active",
            "phoneNumbers": [
              "+14155551234"
            ],
            "livekitAgentName": "support-agent",
            "sipTrunkId": null,
            "createdAt": "2025-11-30T09:00:00.000Z",
            "updatedAt": "2025-11-30T09:00:00.000Z"
          }
        }
      }
    }
  }
} as const;
