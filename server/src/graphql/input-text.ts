/**
 * Text PostgreSQL cannot store: the NUL character (U+0000); and strings that
 * are not text, with an unpaired surrogate (JSON's "\ud800" alone), which
 * would be stored as U+FFFD, silently changed. Any string argument holding
 * either is refused up front, as BAD_USER_INPUT, before a resolver runs:
 * otherwise a NUL reaches a statement, PostgreSQL rejects the whole request
 * ("invalid byte sequence for encoding UTF8: 0x00") and the client gets a
 * masked INTERNAL_SERVER_ERROR. Literals are checked once per document (a
 * validation rule, cached with it), variables per request.
 */
import { type ASTVisitor, GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { badInput, ErrorCode } from './errors.ts';

const NUL = '\u0000';
const MESSAGE = 'Text may not contain the NUL character (U+0000)';
const SURROGATE_MESSAGE = 'Text may not contain an unpaired surrogate (half of a UTF-16 pair)';

/** Whether `s` is text PostgreSQL stores as given. */
const storable = (s: string) => !s.includes(NUL) && s.isWellFormed();

/** What is wrong with `s` (not storable). */
const problem = (s: string) => (s.includes(NUL) ? MESSAGE : SURROGATE_MESSAGE);

/** Refuses string literals holding a NUL character or an unpaired surrogate. */
export const storableLiteralsRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  StringValue(node) {
    if (!storable(node.value)) {
      context.reportError(
        new GraphQLError(problem(node.value), {
          nodes: [node],
          extensions: { code: ErrorCode.BAD_USER_INPUT },
        }),
      );
    }
  },
});

/**
 * The path of the first string that is not storable text in `value`
 * (variables), with what is wrong with it, or undefined. Values nested deeper
 * than any input type of the schema are left to coercion, which refuses them.
 */
export function findUnstorableText(
  value: unknown,
  path = '',
  depth = 0,
): { path: string; message: string } | undefined {
  if (typeof value === 'string') return storable(value) ? undefined : { path, message: problem(value) };
  if (typeof value !== 'object' || value === null || depth > 32) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}[${i}]`, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const key in value) {
    if (!storable(key)) return { path: `${path}.${key}`, message: problem(key) };
    const found = findUnstorableText(
      (value as Record<string, unknown>)[key],
      path ? `${path}.${key}` : key,
      depth + 1,
    );
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Throws BAD_USER_INPUT naming the variable when one holds a NUL character or an unpaired surrogate. */
export function assertStorableVariables(variables: unknown): void {
  const found = findUnstorableText(variables);
  if (found) throw badInput(`${found.message}: $${found.path}`, { field: found.path });
}
