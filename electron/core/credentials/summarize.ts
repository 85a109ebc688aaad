/** c2pa-rs's report on a manifest store, turned into what a reporter needs to see. */
import type { Credentials, CredentialsState } from '../../contract/api';
import type { ReaderManifest, ReaderStore, StatusEntry } from './c2pa-reader';

type Status = Credentials['problems'][number];
type Signer = NonNullable<Credentials['signer']>;

/** Failures that say who signed, not whether the content holds. */
const SIGNER_CODES = new Set([
  'signingCredential.untrusted',
  'signingCredential.expired',
  'signingCredential.revoked',
  // Offline, an OCSP answer cannot be fetched; that is no failure of the photo.
  'signingCredential.ocsp.skipped',
  'signingCredential.ocsp.inaccessible',
  'timeStamp.untrusted',
]);

const status = (s: StatusEntry): Status => ({
  code: s.code,
  explanation: s.explanation ?? null,
});

const nfc = (s: string | undefined | null) => (s ? s.normalize('NFC') : null);

function generatorOf(m: ReaderManifest): string | null {
  const info = m.claim_generator_info?.[0];
  if (info?.name) return nfc([info.name, info.version].filter(Boolean).join(' '));
  return nfc(m.claim_generator?.split(' ')[0]?.replace(/\//g, ' '));
}

function signerOf(m: ReaderManifest, issuer: string | null = null): Signer | null {
  const s = m.signature_info;
  if (!s) return null;
  return {
    name: nfc(s.common_name),
    // c2pa-rs calls the signer's organization "issuer".
    organization: nfc(s.issuer),
    issuer,
    serial: s.cert_serial_number ?? null,
  };
}

function dataOf(m: ReaderManifest, label: RegExp): Record<string, unknown>[] {
  return (m.assertions ?? [])
    .filter((a) => label.test(a.label))
    .map((a) => (a.data ?? {}) as Record<string, unknown>);
}

function text(v: unknown): string | null {
  if (typeof v === 'string') return v.normalize('NFC');
  if (v && typeof v === 'object' && 'name' in v && typeof v.name === 'string')
    return [v.name, 'version' in v ? v.version : null].filter(Boolean).join(' ').normalize('NFC');
  return null;
}

function actionsOf(m: ReaderManifest): Credentials['actions'] {
  return dataOf(m, /^c2pa\.actions(\.v2)?$/).flatMap((d) =>
    ((d.actions as Record<string, unknown>[] | undefined) ?? []).map((a) => ({
      action: String(a.action ?? ''),
      description:
        text(a.description) ?? text((a.parameters as Record<string, unknown>)?.description),
      softwareAgent: text(a.softwareAgent),
      when: text(a.when),
      digitalSourceType: text(a.digitalSourceType),
    })),
  );
}

/** Make and model from an EXIF or metadata assertion ("exif:Make", "tiff:Model"). */
function cameraOf(m: ReaderManifest): string | null {
  for (const d of dataOf(m, /^(stds\.exif|c2pa\.metadata|cawg\.metadata|stds\.metadata)$/)) {
    const pick = (name: string) =>
      Object.entries(d).find(([k]) => k.endsWith(`:${name}`) || k === name)?.[1];
    const make = text(pick('Make'));
    const model = text(pick('Model'));
    if (make || model)
      return model?.startsWith(make ?? '\0') ? model : [make, model].filter(Boolean).join(' ');
  }
  return null;
}

function signedAtOf(m: ReaderManifest, actions: Credentials['actions']): string | null {
  return m.signature_info?.time ?? actions.find((a) => a.when)?.when ?? null;
}

/** What failed in the active manifest, in c2pa-rs's newer report or its older flat one. */
const activeFailures = (store: ReaderStore): StatusEntry[] =>
  store.validation_results?.activeManifest?.failure ?? store.validation_status ?? [];

/** The state of the active manifest from its failures (worst first) and the validator's verdict. */
function stateOf(store: ReaderStore, revoked: boolean): CredentialsState {
  const failures = activeFailures(store);
  if (
    failures.some((f) => !SIGNER_CODES.has(f.code)) ||
    (store.validation_state === 'Invalid' && !failures.length)
  )
    return 'broken';
  if (revoked || failures.some((f) => f.code === 'signingCredential.revoked')) return 'revoked';
  if (failures.some((f) => f.code === 'signingCredential.expired')) return 'expired';
  // The active signer's own verdict: an untrusted ingredient lowers c2pa-rs's overall
  // state to Valid, but it does not make this photo's signer less trusted.
  const success = store.validation_results?.activeManifest?.success ?? [];
  return store.validation_state === 'Trusted' ||
    success.some((s) => s.code === 'signingCredential.trusted')
    ? 'trusted'
    : 'untrusted';
}

/** The chain of ingredients, nearest first, following each one's own manifest in the store. */
function ingredientChain(
  store: ReaderStore,
  m: ReaderManifest,
  depth = 1,
  seen = new Set<string>(),
): Credentials['ingredients'] {
  if (depth > 8) return [];
  return (m.ingredients ?? []).flatMap((ing) => {
    const own = ing.active_manifest ? store.manifests[ing.active_manifest] : undefined;
    const problems = [
      ...(ing.validation_results?.activeManifest?.failure ?? []),
      ...(ing.validation_status ?? []).filter((s) => !/\.(match|validated|trusted)$/.test(s.code)),
    ]
      .filter((s) => !SIGNER_CODES.has(s.code))
      .map(status);
    const link = {
      depth,
      title: nfc(ing.title),
      format: ing.format ?? null,
      relationship: ing.relationship ?? 'componentOf',
      hasManifest: !!own,
      signer: own ? signerOf(own) : null,
      signedAt: own ? signedAtOf(own, actionsOf(own)) : null,
      generator: own ? generatorOf(own) : null,
      problems,
    };
    if (!own || seen.has(ing.active_manifest!)) return [link];
    return [
      link,
      ...ingredientChain(store, own, depth + 1, new Set([...seen, ing.active_manifest!])),
    ];
  });
}

export function summarize(
  file: string,
  store: ReaderStore,
  extra: { issuer: string | null; revokedAt: string | null },
): Credentials {
  const label = store.active_manifest ?? null;
  const m = label ? store.manifests[label] : undefined;
  const failures = activeFailures(store);
  if (!m)
    return {
      ...noCredentials(file),
      state: 'broken',
      problems: failures.length
        ? failures.map(status)
        : [{ code: 'claim.missing', explanation: 'the store has no active manifest' }],
    };
  const actions = actionsOf(m);
  const problems = failures.filter((f) => f.code !== 'signingCredential.untrusted').map(status);
  if (extra.revokedAt)
    problems.push({
      code: 'signingCredential.revoked',
      explanation: `revoked on ${extra.revokedAt} by a revocation list in the trust list`,
    });
  return {
    file,
    state: stateOf(store, !!extra.revokedAt),
    manifest: label,
    signer: signerOf(m, extra.issuer),
    signedAt: signedAtOf(m, actions),
    generator: generatorOf(m),
    camera: cameraOf(m),
    actions,
    ingredients: ingredientChain(store, m, 1, new Set([label!])),
    problems,
    revokedAt: extra.revokedAt,
    error: null,
  };
}

export function noCredentials(file: string): Credentials {
  return {
    file,
    state: 'none',
    manifest: null,
    signer: null,
    signedAt: null,
    generator: null,
    camera: null,
    actions: [],
    ingredients: [],
    problems: [],
    revokedAt: null,
    error: null,
  };
}

/** A manifest that does not parse: present, but proves nothing. */
export function corrupt(file: string, why: string): Credentials {
  return {
    ...noCredentials(file),
    state: 'broken',
    problems: [{ code: 'manifest.unreadable', explanation: why }],
  };
}
