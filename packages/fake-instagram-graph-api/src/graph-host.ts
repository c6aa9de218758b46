/**
 * The fake serves both hosts of the Instagram API on one server and one port: paths under
 * `/instagram` are the Instagram-Login host (graph.instagram.com), every other path is the
 * Facebook-Login host (graph.facebook.com). A path prefix, not the Host header: a client
 * reaches 127.0.0.1 either way, and a prefix survives in a base URL from configuration.
 */
export const INSTAGRAM_HOST_PREFIX = 'instagram';

/** Which API a request reached. */
export type GraphHost = 'facebook' | 'instagram';
