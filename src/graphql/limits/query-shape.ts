import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** How big one operation is, counted through fragments as the server would execute it. */
export interface QueryShape {
  /** Nesting of selection sets below the root (`{ a { b } }` is 2). */
  depth: number;
  /** Fields asked under an alias, each spread of a fragment counted again. */
  aliases: number;
  /** Fields of the root selection set, fragments included. */
  rootFields: number;
}

interface SetShape {
  depth: number;
  aliases: number;
  fields: number;
}

/**
 * Measures a selection set. Fragments are measured once and remembered, so a document that
 * spreads a fragment thousands of times costs its size, not its expansion (cycles are refused
 * by the standard validation before this runs; a cycle still measures as empty here).
 */
function measureSet(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  memo: Map<string, SetShape>,
): SetShape {
  const shape: SetShape = { depth: 1, aliases: 0, fields: 0 };
  const add = (inner: SetShape, nested: boolean) => {
    shape.depth = Math.max(shape.depth, nested ? inner.depth + 1 : inner.depth);
    shape.aliases += inner.aliases;
  };
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      shape.fields += 1;
      if (selection.alias) shape.aliases += 1;
      if (selection.selectionSet) add(measureSet(selection.selectionSet, fragments, memo), true);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = measureSet(selection.selectionSet, fragments, memo);
      add(inner, false);
      shape.fields += inner.fields;
    } else {
      const inner = measureFragment(selection.name.value, fragments, memo);
      add(inner, false);
      shape.fields += inner.fields;
    }
  }
  return shape;
}

function measureFragment(
  name: string,
  fragments: Map<string, FragmentDefinitionNode>,
  memo: Map<string, SetShape>,
): SetShape {
  const known = memo.get(name);
  if (known) return known;
  memo.set(name, { depth: 0, aliases: 0, fields: 0 }); // a cycle measures as empty
  const fragment = fragments.get(name);
  const shape = fragment
    ? measureSet(fragment.selectionSet, fragments, memo)
    : { depth: 0, aliases: 0, fields: 0 };
  memo.set(name, shape);
  return shape;
}

/** The operation `operationName` names (or the only one), or null when there is none such. */
export function operationOf(
  document: DocumentNode,
  operationName?: string | null,
): OperationDefinitionNode | null {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return operations.find((o) => o.name?.value === operationName) ?? null;
  return operations.length === 1 ? operations[0]! : null;
}

export function measureOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): QueryShape {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const shape = measureSet(operation.selectionSet, fragments, new Map());
  return { depth: shape.depth, aliases: shape.aliases, rootFields: shape.fields };
}
