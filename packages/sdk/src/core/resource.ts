import type { Outdial } from '../client';

/** The base of every resource: each method is one request through the client core. */
export abstract class ApiResource {
  /** @internal Set by the constructor: `declare`, so no class field is emitted for it too. */
  declare protected readonly _client: Outdial;

  constructor(client: Outdial) {
    this._client = client;
  }
}
