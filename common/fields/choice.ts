/** Values of a catalog field with a controlled vocabulary (its `choice`): held as the term's URI. */
import type { FieldSpec } from './field-spec';

type Choice = NonNullable<FieldSpec['choice']>;

/**
 * The URI a typed value stands for: a code of the list or any term of the vocabulary (a file
 * may carry one the list leaves out) is kept, written as its URI; an empty value clears the
 * field; anything else is not a term (null).
 */
export function choiceUri(choice: Choice, value: string): string | null {
  const v = value.trim();
  if (v === '') return '';
  if (v.startsWith(choice.uri) && /^[A-Za-z][A-Za-z0-9]*$/.test(v.slice(choice.uri.length)))
    return v;
  return choice.codes.includes(v) ? choice.uri + v : null;
}

/** The code of a URI of the vocabulary, or null for a value from elsewhere. */
export function choiceCode(choice: Choice, uri: string | null | undefined): string | null {
  if (!uri?.startsWith(choice.uri)) return null;
  return uri.slice(choice.uri.length) || null;
}
