/**
 * Look-ahead: whether a resolver's field selects, anywhere below it, a field
 * by one of some names. A list resolver uses it to read what its items will
 * need together with the items (one round trip instead of two in a row),
 * only when the client asked for it. Fragments and inline fragments are
 * followed; @skip/@include are not evaluated (a skipped field still counts:
 * the price is a read that was not needed, never a wrong answer).
 */
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** Per parsed field node (documents are parsed once and cached): names → answer. */
const answers = new WeakMap<FieldNode, Map<ReadonlySet<string>, boolean>>();

export function selectsAny(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  names: ReadonlySet<string>,
): boolean {
  const [first] = info.fieldNodes;
  if (!first) return false;
  let known = answers.get(first);
  const cached = known?.get(names);
  if (cached !== undefined) return cached;
  const seen = new Set<string>();
  const answer = info.fieldNodes.some((node) => inSelection(node.selectionSet, names, info.fragments, seen));
  if (!known) {
    known = new Map();
    answers.set(first, known);
  }
  known.set(names, answer);
  return answer;
}

function inSelection(
  set: SelectionSetNode | undefined,
  names: ReadonlySet<string>,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): boolean {
  if (!set) return false;
  for (const selection of set.selections) {
    if (selection.kind === 'Field') {
      if (names.has(selection.name.value)) return true;
      if (inSelection(selection.selectionSet, names, fragments, seen)) return true;
    } else if (selection.kind === 'InlineFragment') {
      if (inSelection(selection.selectionSet, names, fragments, seen)) return true;
    } else {
      const name = selection.name.value;
      if (seen.has(name)) continue;
      seen.add(name);
      if (inSelection(fragments[name]?.selectionSet, names, fragments, seen)) return true;
    }
  }
  return false;
}
