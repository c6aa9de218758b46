/** The Instagram Graph API client: what other layers may import. */
export { GraphApiClient } from './graph-api.client.js';
export {
  MAX_COMMENTS_PAGE_SIZE,
  MAX_MEDIA_PAGE_SIZE,
  type AccountInsightsQuery,
  type GraphApiClientOptions,
  type ListMediaOptions,
} from './graph-api-client.options.js';
export {
  GraphApiError,
  isGraphApiError,
  type GraphApiErrorInit,
  type GraphApiErrorKind,
} from './graph-api.error.js';
export type { GraphApiMetrics, GraphCallEvent } from './graph-api.transport.js';
export type {
  GraphPage,
  GraphPaging,
  IgAccount,
  IgComment,
  IgInsight,
  IgInsightValue,
  IgMedia,
  IgMediaChild,
  IgProfile,
} from './graph-api.types.js';
export {
  assertInsightWindow,
  MAX_INSIGHT_WINDOW_DAYS,
  splitInsightWindows,
  type InsightWindow,
} from './insight-window.js';
export { inHalves, mergeInsights } from './in-halves.js';
export type { ConnectCalls } from './connect-calls.js';
export type { ProfileWithMedia } from './profile-with-media.js';
export type { TokenCheck } from './token-check.js';
export {
  UsagePacer,
  type PacerWait,
  type PacerWaitReason,
  type UsagePacerOptions,
} from './usage.pacer.js';
export {
  GRAPH_ENDPOINT_TEMPLATES,
  graphEndpointTemplate,
  type GraphEndpoint,
} from './graph-endpoints.js';
