/**
 * Every Graph API endpoint the client calls, by the name its logs use, with the path template
 * metrics label it by: bounded label values, never an id (profile and token check read the
 * same node, so they share a template).
 */
export const GRAPH_ENDPOINT_TEMPLATES = {
  profile: '/{ig-user-id}',
  media: '/{ig-user-id}/media',
  comments: '/{ig-media-id}/comments',
  replies: '/{ig-comment-id}/replies',
  account_insights: '/{ig-user-id}/insights',
  media_insights: '/{ig-media-id}/insights',
  token_check: '/{ig-user-id}',
  me: '/me',
  account_discovery: '/me/accounts',
  debug_token: '/debug_token',
  refresh_access_token: '/refresh_access_token',
} as const;

export type GraphEndpoint = keyof typeof GRAPH_ENDPOINT_TEMPLATES;

/** The path template of `endpoint`, e.g. `/{ig-user-id}/media`. */
export function graphEndpointTemplate(endpoint: GraphEndpoint): string {
  return GRAPH_ENDPOINT_TEMPLATES[endpoint];
}
