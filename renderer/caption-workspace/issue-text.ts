import type { CaptionIssueWire } from '../../electron/contract/api';
import { fieldLabel } from '../fields/field-defs';
import type { Messages } from '../i18n/vi';

const str = (v: string | number | undefined) => (v === undefined ? '' : String(v));

/** A caption check in the reporter's language, with the values the core found. */
export function issueText(m: Messages, issue: CaptionIssueWire): string {
  const d = issue.detail ?? {};
  switch (issue.code) {
    case 'empty':
      return m.issueEmpty;
    case 'noPlaceOrDate':
      return d.missing === 'place'
        ? m.issueNoPlace
        : d.missing === 'date'
          ? m.issueNoDate
          : m.issueNoPlaceOrDate;
    case 'dateMismatch':
      return m.issueDateMismatch(str(d.found), str(d.captured));
    case 'doubleSpace':
      return m.issueDoubleSpace;
    case 'noFinalStop':
      return m.issueNoFinalStop;
    case 'overBudget':
      return (d.unit === 'chars' ? m.issueOverAdvised : m.issueOverBudget)(
        fieldLabel(m, str(d.field)),
        Number(d.used),
        Number(d.limit),
      );
    case 'unresolvedVariable':
      return m.issueUnresolved(
        str(d.names)
          .split(/,\s*/u)
          .filter(Boolean)
          .map((n) => `{${n}}`)
          .join(', '),
      );
    case 'legacyEncoding':
      return m.issueLegacy;
  }
}
