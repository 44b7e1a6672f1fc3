import type { components } from '../generated/openapi';

/**
 * A request body as the generated types spell it. Our params types leave the server-defaulted
 * fields optional (see `WithDefaults` in models.ts); the server fills them in, so the cast holds.
 */
export type Body<Name extends keyof components['schemas']> = components['schemas'][Name];
