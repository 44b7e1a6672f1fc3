/** The header the server puts its request id in, on every response (see `openapi.yaml`). */
export const REQUEST_ID_HEADER = 'x-request-id';
