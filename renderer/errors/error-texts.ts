import type { ErrorCode, ErrorParams, ZipRefusal } from '../../common/errors/error-codes';

/**
 * One sentence per error code, typed from the catalog: a code without a text in
 * either language is a compile error (and a runtime test checks the tables too).
 */
export type ErrorTexts = { readonly [C in ErrorCode]: (p: ErrorParams[C]) => string };

export type ZipRefusalTexts = Readonly<Record<ZipRefusal, string>>;
