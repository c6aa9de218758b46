import type { GraphNode } from './graph-api.classifier.js';
import type { GraphCall } from './graph-api.transport.js';
import type { GraphEndpoint } from './graph-endpoints.js';
import type { IgAccount } from './graph-api.types.js';
import type { GraphUrls } from './graph-api.urls.js';

/** The two hosts — Facebook Login's and Instagram Login's — and the calls made on them. */
export class GraphHosts {
  constructor(
    readonly facebook: GraphUrls,
    readonly instagram: GraphUrls,
  ) {}

  /** The host of the account's login flavour: both answer the same nodes and edges. */
  of(account: IgAccount): GraphUrls {
    return account.loginType === 'INSTAGRAM' ? this.instagram : this.facebook;
  }

  call(
    account: IgAccount,
    path: string,
    params: Record<string, string>,
    node: GraphNode,
    endpoint: GraphEndpoint,
  ): GraphCall {
    return { account, url: this.of(account).forPath(path), params, node, endpoint };
  }
}
