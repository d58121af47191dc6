// Learning Locker's xAPI statement validation (a CommonJS module whose function is its `default`).
import * as validation from '@learninglocker/xapi-validation';

type Validate = (statement: unknown) => Array<{ path: string[]; name: string }>;

const module_ = validation as unknown as { default: Validate | { default: Validate } };
const validate: Validate = typeof module_.default === 'function' ? module_.default : module_.default.default;

/** Every problem with a statement, as `path: Warning`; [] when it is valid xAPI. */
export function xapiProblems(statement: unknown): string[] {
  return validate(statement).map((w) => `${w.path.join('.')}: ${w.name}`);
}
