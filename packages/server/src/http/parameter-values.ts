/**
 * @module
 * The parameter checks openapi.yaml's schemas cannot express, run once express-openapi-validator
 * has validated and coerced a request: numbers must be finite (`limit=Infinity` passes ajv's
 * coercion), and date-times must name an instant, which is then passed on in canonical
 * `toISOString()` form, so routes compare instants by comparing text. The rule is the contract's,
 * shared with the mock (`checkParameterValue` in `@outdial/contract`).
 */
import {
  checkParameterValue,
  type ErrorDetail,
  parameterErrorMessage,
  reasonOf,
  resolveSchema as resolve,
  validationError,
} from '@outdial/contract';
import type { RequestHandler } from 'express';
import { requestShape } from './spec-schemas';

export function checkParameterValues(): RequestHandler {
  return (req, _res, next) => {
    const shape = requestShape(req);
    if (!shape) return next();
    const details: ErrorDetail[] = [];
    for (const parameter of shape.parameters) {
      // Header values stay strings; the document has no numeric or date-time header.
      const values = (
        parameter.in === 'query' ? req.query : parameter.in === 'path' ? req.params : undefined
      ) as Record<string, unknown> | undefined;
      if (values?.[parameter.name] === undefined) continue;
      const checked = checkParameterValue(parameter.schema, values[parameter.name], resolve);
      if (checked.ok) {
        values[parameter.name] = checked.value;
      } else {
        details.push({
          field: parameter.name,
          message:
            checked.reason === 'out_of_range'
              ? reasonOf('date_time_out_of_range', { field: parameter.name })
              : parameterErrorMessage(parameter, undefined, [], resolve),
        });
      }
    }
    next(details.length > 0 ? validationError(details) : undefined);
  };
}
