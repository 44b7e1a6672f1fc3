/**
 * @module
 * Finds the `x-error-message` that applies to a value inside a request schema. The rule, shared
 * with the server: the message of the nearest schema that defines one, walking from the root
 * down the value's path (a property's own `x-error-message` wins over the `$ref`'d component's).
 */
import { resolvePointer, type SchemaNode } from './spec';

/** The node followed by the nodes its `$ref` chain points at, nearest first. */
function refChain(node: SchemaNode): SchemaNode[] {
  const chain = [node];
  let current = node;
  while (typeof current.$ref === 'string') {
    current = resolvePointer<SchemaNode>(current.$ref);
    chain.push(current);
  }
  return chain;
}

function ownMessage(node: SchemaNode): string | undefined {
  return refChain(node).find((n) => typeof n['x-error-message'] === 'string')?.['x-error-message'];
}

function childSchema(node: SchemaNode, segment: string): SchemaNode | undefined {
  for (const n of refChain(node)) {
    const property = n.properties?.[segment];
    if (property) return property;
    if (/^\d+$/.test(segment) && n.items) return n.items;
    if (typeof n.additionalProperties === 'object') return n.additionalProperties;
  }
  return undefined;
}

/**
 * The deepest `x-error-message` on the way from `root` to the value at `segments`, if any.
 *
 * @example
 * // CreateAgentRequest → phoneNumbers → items → PhoneNumber
 * errorMessageAt(createAgentSchema, ['phoneNumbers', '1']); // 'Phone number must be in E.164 …'
 */
export function errorMessageAt(root: SchemaNode, segments: readonly string[]): string | undefined {
  let node: SchemaNode | undefined = root;
  let message = ownMessage(root);
  for (const segment of segments) {
    node = node && childSchema(node, segment);
    if (!node) break;
    message = ownMessage(node) ?? message;
  }
  return message;
}

/** The properties a schema declares, in document order (used to order error details). */
export function propertyOrder(root: SchemaNode): string[] {
  for (const n of refChain(root)) if (n.properties) return Object.keys(n.properties);
  return [];
}
