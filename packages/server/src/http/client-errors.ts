/**
 * @module
 * Requests that Node's HTTP parser refuses before Express sees them: header fields over
 * `maxHeaderSize` (431), a request that does not arrive within `headersTimeout` or
 * `requestTimeout` (408), anything that is not HTTP (400). Node answers them with a bare status
 * line and no body; this answers them in the error envelope, as openapi.yaml documents, and
 * closes the connection.
 */
import { type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { apiError, type CatalogKey, errorEnvelope } from '@outdial/contract';
import { newRequestId } from './request-id';

function catalogKeyOf(code: string | undefined): CatalogKey {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return 'request_headers_too_large';
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 'request_timeout';
    default:
      return 'malformed_request';
  }
}

/** The response in flight on a connection, which Node keeps on the socket (as its own handler reads it). */
function responseInFlight(socket: Duplex): { headersSent: boolean } | undefined {
  return (socket as Duplex & { _httpMessage?: { headersSent: boolean } })._httpMessage;
}

/**
 * Makes `server` answer the requests its parser refuses in the error envelope.
 *
 * @example
 * const server = app.listen(3000);
 * answerClientErrors(server);
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Like Node's own handler: say nothing to a client that has gone, or once a response on
    // this connection has begun (a pipelined request's error must not corrupt it).
    if (error.code === 'ECONNRESET' || !socket.writable || responseInFlight(socket)?.headersSent) {
      socket.destroy();
      return;
    }
    const answer = apiError(catalogKeyOf(error.code));
    // No request was parsed, so there is no incoming x-request-id to keep.
    const requestId = newRequestId();
    const body = JSON.stringify(errorEnvelope(answer, requestId));
    socket.end(
      [
        `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}`,
        'Connection: close',
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `x-request-id: ${requestId}`,
        '',
        body,
      ].join('\r\n'),
    );
  });
}
