/**
 * The rule that makes electronegativity a gate: every finding must be on the
 * accepted list with a reason, and every entry on the list must still be found,
 * so the list never outlives the code it excuses. Pure: no scanner, no files.
 */

/** What the gate needs of an electronegativity issue. */
export interface Finding {
  check: string;
  /** Relative to the scanned folder, with forward slashes. */
  file: string;
  line: number;
  /** The source line the finding points at ('' when it points at no line). */
  code: string;
}

/** One entry of security/electronegativity-accepted.json. */
export interface AcceptedFinding {
  check: string;
  file: string;
  /** Text that must appear on the flagged line: survives lines moving, not the code changing. */
  code: string;
  reason: string;
}

export interface GateResult {
  unexplained: Finding[];
  stale: AcceptedFinding[];
  explained: { finding: Finding; reason: string }[];
}

function matches(entry: AcceptedFinding, finding: Finding): boolean {
  return (
    entry.check === finding.check &&
    entry.file === finding.file &&
    finding.code.includes(entry.code)
  );
}

export function gate(
  findings: readonly Finding[],
  accepted: readonly AcceptedFinding[],
): GateResult {
  const explained: GateResult['explained'] = [];
  const unexplained: Finding[] = [];
  for (const finding of findings) {
    const entry = accepted.find((a) => matches(a, finding));
    if (entry) explained.push({ finding, reason: entry.reason });
    else unexplained.push(finding);
  }
  const stale = accepted.filter((a) => !findings.some((f) => matches(a, f)));
  return { unexplained, stale, explained };
}

/** Reads the accepted list, refusing entries without a real reason. */
export function parseAccepted(json: string, source: string): AcceptedFinding[] {
  const data = JSON.parse(json) as { accepted?: unknown };
  if (!Array.isArray(data.accepted)) throw new Error(`${source}: "accepted" must be a list`);
  return data.accepted.map((raw: unknown, i: number) => {
    const e = raw as Partial<AcceptedFinding>;
    for (const key of ['check', 'file', 'code', 'reason'] as const) {
      if (typeof e[key] !== 'string' || e[key].trim() === '')
        throw new Error(`${source}: entry ${i + 1} needs a non-empty "${key}"`);
    }
    if (e.reason!.trim().length < 20)
      throw new Error(`${source}: entry ${i + 1} (${e.check}) needs a reason, not a word`);
    return e as AcceptedFinding;
  });
}
