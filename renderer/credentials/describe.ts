import type { Credentials } from '../../electron/contract/credentials';
import type { Messages } from '../i18n/vi';

type Problem = Credentials['problems'][number];

/** C2PA's action codes as a desk says them; others keep their code. */
export function actionName(m: Messages, action: string): string {
  switch (action) {
    case 'c2pa.created':
      return m.credActionCreated;
    case 'c2pa.opened':
      return m.credActionOpened;
    case 'c2pa.resized':
      return m.credActionResized;
    case 'c2pa.edited.metadata':
      return m.credActionEditedMetadata;
    case 'c2pa.edited':
      return m.credActionEdited;
    default:
      return action;
  }
}

export function relationshipName(m: Messages, relationship: string): string {
  switch (relationship) {
    case 'parentOf':
      return m.credRelParentOf;
    case 'componentOf':
      return m.credRelComponentOf;
    case 'inputTo':
      return m.credRelInputTo;
    default:
      return relationship;
  }
}

/**
 * What a validator status code means, in the UI's language for the common ones; the
 * validator's own (English) explanation otherwise, and the code is always shown beside.
 */
export function problemText(m: Messages, p: Problem): string {
  const code = p.code;
  if (/dataHash\.mismatch|bmffHash\.mismatch|boxesHash\.mismatch/.test(code))
    return m.credProblemDataHash;
  if (code.startsWith('claimSignature.') && code !== 'claimSignature.validated')
    return m.credProblemSignature;
  if (code === 'signingCredential.untrusted') return m.credProblemUntrusted;
  if (code === 'signingCredential.expired') return m.credProblemExpired;
  if (code === 'signingCredential.revoked') return m.credProblemRevoked;
  return p.explanation ?? code;
}

export function stateText(m: Messages, state: Credentials['state']): string {
  switch (state) {
    case 'trusted':
      return m.credStateTrusted;
    case 'untrusted':
      return m.credStateUntrusted;
    case 'broken':
      return m.credStateBroken;
    case 'revoked':
      return m.credStateRevoked;
    case 'expired':
      return m.credStateExpired;
    case 'none':
      return m.credStateNone;
  }
}
