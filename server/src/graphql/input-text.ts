/**
 * Text PostgreSQL cannot store: the NUL character (U+0000). Any string
 * argument holding one is refused up front, as BAD_USER_INPUT, before a
 * resolver runs: otherwise it reaches a statement, PostgreSQL rejects the
 * whole request ("invalid byte sequence for encoding UTF8: 0x00") and the
 * client gets a masked INTERNAL_SERVER_ERROR. Literals are checked once per
 * document (a validation rule, cached with it), variables per request.
 */
import { type ASTVisitor, GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { badInput, ErrorCode } from './errors.ts';

const NUL = '\u0000';
const MESSAGE = 'Text may not contain the NUL character (U+0000)';

/** Refuses string literals holding a NUL character. */
export const noNulLiteralsRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  StringValue(node) {
    if (node.value.includes(NUL)) {
      context.reportError(
        new GraphQLError(MESSAGE, { nodes: [node], extensions: { code: ErrorCode.BAD_USER_INPUT } }),
      );
    }
  },
});

/**
 * The path of the first string holding a NUL character in `value` (variables),
 * or undefined. Values nested deeper than any input type of the schema are
 * left to coercion, which refuses them.
 */
export function findNul(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path : undefined;
  if (typeof value !== 'object' || value === null || depth > 32) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${path}[${i}]`, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const key in value) {
    if (key.includes(NUL)) return `${path}.${key}`;
    const found = findNul((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Throws BAD_USER_INPUT naming the variable when one holds a NUL character. */
export function assertNoNulVariables(variables: unknown): void {
  const found = findNul(variables);
  if (found !== undefined) throw badInput(`${MESSAGE}: $${found}`, { field: found });
}
