import {
  DEFAULT_RATE_LIMIT,
  startServer,
  startServerWith
} from "./chunk-6QM3GP4P.js";
import "./chunk-HC56PB3B.js";
import "./chunk-PZ5AY32C.js";
export {
  DEFAULT_RATE_LIMIT,
  startServer,
  startServerWith
};
//# sourceMappingURL=start-server-7UTOY2VT.js.map