import {
  startServer
} from "./chunk-6QM3GP4P.js";
import {
  loadEnvConfig
} from "./chunk-6UGLVXQO.js";
import "./chunk-HC56PB3B.js";
import "./chunk-PZ5AY32C.js";
export {
  loadEnvConfig,
  startServer
};
//# sourceMappingURL=index.js.map