import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// ISO 8601 date-time with an explicit offset (Z or ±hh:mm); seconds and fractions optional.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function parse(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value)) {
    throw new GraphQLError(
      'DateTime must be an ISO 8601 string with an offset, e.g. 2026-03-09T09:00:00-04:00',
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) {
    throw new GraphQLError(`Invalid DateTime: ${value}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return d;
}

/** Instants: serialised as ISO 8601 UTC strings, accepted with any explicit offset. */
export const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in time, ISO 8601 with offset.',
  serialize(value) {
    const d = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(d.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date');
    return d.toISOString();
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('DateTime must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return parse(ast.value);
  },
});
