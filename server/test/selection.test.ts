import {
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsAny } from '../src/graphql/selection.ts';

/** The resolve info of the operation's first root field, as far as selectsAny reads it. */
function infoOf(document: string) {
  const doc = parse(document);
  const operation = doc.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const field = operation?.selectionSet.selections[0] as FieldNode;
  return { fieldNodes: [field], fragments };
}

const RECEIPTS = new Set(['readCount', 'readBy']);

describe('selectsAny', () => {
  it('finds a field directly, in inline fragments and in (nested) fragment spreads', () => {
    expect(selectsAny(infoOf('{ messages { edges { node { id readCount } } } }'), RECEIPTS)).toBe(true);
    expect(
      selectsAny(
        infoOf('{ messages { edges { node { ... on Message { readBy { readAt } } } } } }'),
        RECEIPTS,
      ),
    ).toBe(true);
    expect(
      selectsAny(
        infoOf(`{ messages { edges { node { ...A } } } }
          fragment A on Message { id ...B }
          fragment B on Message { readCount }`),
        RECEIPTS,
      ),
    ).toBe(true);
  });

  it('answers false when no field by those names is selected, even with fragments used twice', () => {
    expect(selectsAny(infoOf('{ messages { edges { node { id body sender { id } } } } }'), RECEIPTS)).toBe(
      false,
    );
    expect(
      selectsAny(
        infoOf(`{ messages { edges { node { ...A ...A replyTo { ...A } } } } }
          fragment A on Message { id body }`),
        RECEIPTS,
      ),
    ).toBe(false);
  });

  it('does not look at sibling root fields', () => {
    expect(selectsAny(infoOf('{ messages { edges { node { id } } } other { readCount } }'), RECEIPTS)).toBe(
      false,
    );
  });
});
