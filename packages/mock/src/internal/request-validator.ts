/**
 * @module
 * Validates a request's parameters and JSON body against its operation in openapi.yaml with ajv,
 * and turns ajv's errors into the envelope's `details` with the rules shared with the server
 * (`@outdial/contract`).
 */

import {
  type BodyFailure,
  bodyDetails,
  bodyFailure,
  checkParameterValue,
  type ErrorDetail,
  type ParameterNode,
  parameterErrorMessage,
  reasonOf,
  resolvePointer,
  type SchemaNode,
  spec,
  validationError,
} from '@outdial/contract';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** A parameter with the JSON pointer of its schema inside the document. */
export type LocatedParameter = ParameterNode & { schemaPointer: string };

/** What the validator needs to know about one operation. */
export type OperationShape = {
  parameters: LocatedParameter[];
  /** The JSON pointer of the `application/json` request body schema, if the operation has a body. */
  bodyPointer?: string;
};

/** The request's raw inputs. */
export type RequestInputs = {
  path: Readonly<Record<string, string>>;
  query: URLSearchParams;
  headers: Headers;
};

const DOCUMENT_ID = 'openapi';

function createAjv(coerce: boolean): Ajv2020 {
  // strict: false because the schemas carry OpenAPI extension keywords (`x-error-message`, …);
  // strictNumbers as the server's validator has it: NaN and Infinity are no numbers.
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    strictNumbers: true,
    coerceTypes: coerce ? 'array' : false,
  });
  addFormats(ajv);
  ajv.addSchema(spec, DOCUMENT_ID);
  return ajv;
}

function toSegments(instancePath: string): string[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * Validates requests for one operation.
 *
 * @example
 * const validator = new RequestValidator(route);
 * const { details, values } = validator.checkParameters({ path, query, headers });
 * RequestValidator.throwIfAny([...details, ...validator.checkBody(body)]); // 400 with details
 */
export class RequestValidator {
  readonly #shape: OperationShape;
  readonly #parameterValidators: ValidateFunction[];
  readonly #bodyValidator?: ValidateFunction;
  readonly #bodySchema?: SchemaNode;

  constructor(shape: OperationShape, ajv: { params: Ajv2020; body: Ajv2020 } = sharedAjv()) {
    this.#shape = shape;
    this.#parameterValidators = shape.parameters.map((p) =>
      // Wrapped in an object so ajv's coercion has a parent to write the coerced value into.
      ajv.params.compile({
        type: 'object',
        properties: { value: { $ref: `${DOCUMENT_ID}${p.schemaPointer}` } },
      }),
    );
    if (shape.bodyPointer) {
      this.#bodySchema = resolvePointer<SchemaNode>(shape.bodyPointer);
      this.#bodyValidator = ajv.body.compile({ $ref: `${DOCUMENT_ID}${shape.bodyPointer}` });
    }
  }

  /** Parameter details (in spec order) and the coerced parameter values, defaults applied. */
  checkParameters(inputs: RequestInputs): { details: ErrorDetail[]; values: Record<string, unknown> } {
    const details: ErrorDetail[] = [];
    const values: Record<string, unknown> = {};
    for (const [index, parameter] of this.#shape.parameters.entries()) {
      const raw = readParameter(parameter, inputs);
      if (raw === undefined) {
        if (parameter.required)
          details.push({ field: parameter.name, message: `${parameter.name} is required` });
        else if (parameter.schema.default !== undefined) values[parameter.name] = parameter.schema.default;
        continue;
      }
      const wrapper = { value: raw };
      const validate = this.#parameterValidators[index] as ValidateFunction;
      if (validate(wrapper)) {
        values[parameter.name] = wrapper.value;
        continue;
      }
      const first = (validate.errors ?? [])[0];
      const segments = first ? toSegments(first.instancePath).slice(1) : [];
      details.push({
        field: parameter.name,
        message: parameterErrorMessage(parameter, first?.keyword, segments, resolvePointer),
      });
    }
    return { details, values };
  }

  /**
   * What the schemas cannot say about parameter values that passed them (the rule shared with
   * the server: finite numbers, date-times that name an instant). Rewrites each date-time in
   * `values` to its canonical `toISOString()` form; returns the details, in spec order.
   */
  checkParameterValues(values: Record<string, unknown>): ErrorDetail[] {
    const details: ErrorDetail[] = [];
    for (const parameter of this.#shape.parameters) {
      if (values[parameter.name] === undefined) continue;
      const checked = checkParameterValue(parameter.schema, values[parameter.name], resolvePointer);
      if (checked.ok) values[parameter.name] = checked.value;
      else {
        details.push({
          field: parameter.name,
          message:
            checked.reason === 'out_of_range'
              ? reasonOf('date_time_out_of_range', { field: parameter.name })
              : parameterErrorMessage(parameter, undefined, [], resolvePointer),
        });
      }
    }
    return details;
  }

  /** Body details, ordered by the schema's property order. `body` must already be a JSON object. */
  checkBody(body: Record<string, unknown>): ErrorDetail[] {
    const validate = this.#bodyValidator;
    const schema = this.#bodySchema;
    if (!validate || !schema || validate(body)) return [];
    const failures = (validate.errors ?? []).map((error) => describeBodyError(error, schema));
    return bodyDetails(failures, schema, body, resolvePointer);
  }

  /** Throws the 400 for `details` if there are any. */
  static throwIfAny(details: ErrorDetail[]): void {
    if (details.length > 0) throw validationError(details);
  }
}

function describeBodyError(error: ErrorObject, schema: SchemaNode): BodyFailure {
  const parent = toSegments(error.instancePath);
  // ajv names the missing or unknown property in params; the shared rules expect it in the path.
  const property =
    error.keyword === 'required'
      ? error.params.missingProperty
      : error.keyword === 'additionalProperties'
        ? error.params.additionalProperty
        : undefined;
  const segments = property === undefined ? parent : [...parent, String(property)];
  return bodyFailure(error.keyword, segments, schema, resolvePointer);
}

function readParameter(parameter: LocatedParameter, inputs: RequestInputs): unknown {
  switch (parameter.in) {
    case 'path':
      return inputs.path[parameter.name];
    case 'header':
      return inputs.headers.get(parameter.name) ?? undefined;
    case 'query': {
      const all = inputs.query.getAll(parameter.name);
      if (all.length === 0) return undefined;
      // A repeated scalar stays an array so it fails validation instead of silently losing values.
      return all.length === 1 ? all[0] : all;
    }
  }
}

let shared: { params: Ajv2020; body: Ajv2020 } | undefined;

/** Compiling the document is the slow part, so every mock in a process shares two ajv instances. */
function sharedAjv(): { params: Ajv2020; body: Ajv2020 } {
  shared ??= { params: createAjv(true), body: createAjv(false) };
  return shared;
}
