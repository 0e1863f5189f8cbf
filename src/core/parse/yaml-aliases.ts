// Where the aliases of a YAML document point, found in one walk of it.
import { isAlias, isCollection, isScalar, visit, type Alias, type Document, type Node } from 'yaml';

/**
 * Each alias of `doc` and the node it refers to: the last node before it, in document order, with its anchor (as the
 * yaml library's Alias.resolve finds it; an alias with no such node is left out). Why one walk: Alias.resolve without
 * a context walks the whole document for each alias, so a plan with many aliases took time in the square of its size.
 */
export function aliasTargets(doc: Document): Map<Alias, Node> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) targets.set(node, target);
      } else if ((isScalar(node) || isCollection(node)) && node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}
