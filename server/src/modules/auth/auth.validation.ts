import { AppError, type ErrorCode } from '../../graphql/errors.ts';

/**
 * One problem with one input field, as listed in `extensions.fieldErrors`
 * (documented on `Mutation.register` in schema.graphql).
 */
export interface FieldProblem {
  /** The input field's name, e.g. `username`. */
  field: string;
  /** Safe to show under that field. */
  message: string;
  /** BAD_USER_INPUT for an invalid value, CONFLICT for a value another account holds. */
  code: ErrorCode;
}

/**
 * Runs one field's check; a failure naming its field (`badInput(…, { field })`)
 * is noted in `problems` and gives undefined, so the next field is checked too.
 * Any other error is thrown.
 */
export function checkField<T>(problems: FieldProblem[], check: () => T): T | undefined {
  try {
    return check();
  } catch (err) {
    const field = err instanceof AppError ? err.details?.field : undefined;
    if (!(err instanceof AppError) || typeof field !== 'string') throw err;
    problems.push({ field, message: err.message, code: err.code });
    return undefined;
  }
}

/**
 * Every problem of a form in one error, or undefined when there are none. The
 * error itself is the first problem (its message, code and `extensions.field`,
 * as when only one was reported); `extensions.fieldErrors` lists all of them,
 * the first included.
 */
export function fieldProblemsError(problems: readonly FieldProblem[]): AppError | undefined {
  const [first] = problems;
  if (!first) return undefined;
  return new AppError(first.code, first.message, {
    field: first.field,
    fieldErrors: problems.map(({ field, message, code }) => ({ field, message, code })),
  });
}
