import type { Outdial } from '../client';

/** The base of every resource: each method is one request through the client core. */
export abstract class ApiResource {
  /** @internal */
  protected readonly _client: Outdial;

  constructor(client: Outdial) {
    this._client = client;
  }
}
