/**
 * The `omitNestedEdge` fault: Instagram sometimes answers a field expansion without a nested
 * edge it was asked for (it leaves out empty edges, and at times ones that are not empty), so
 * a client must not read an absent edge as "nothing there". Removes `edge` from the node and
 * from every node of its `data` list, in place.
 */
export function omitNestedEdge(body: unknown, edge: string): void {
  if (typeof body !== 'object' || body === null) return;
  const node = body as Record<string, unknown>;
  delete node[edge];
  if (!Array.isArray(node.data)) return;
  for (const item of node.data) {
    if (typeof item === 'object' && item !== null) delete (item as Record<string, unknown>)[edge];
  }
}
