// Transitional, hand-written: the document is generated once, into @outdial/contract. This
// re-export stays until calls/create-outbound-call.ts and http/routes/health-routes.ts import it there.
export { openApiDocument, openApiYaml } from '@outdial/contract';
