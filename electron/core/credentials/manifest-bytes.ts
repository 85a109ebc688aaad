/**
 * The manifest store as c2pa-ts sees it: the raw JUMBF of a file, the store parsed from
 * it, and its active manifest's signing certificate. Used to carry a parent's manifests
 * into a derivative byte for byte, and to check the signer against revocation lists.
 */
import { BMFF, JPEG, PNG, type Asset } from '@trustnxt/c2pa-ts/asset';
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import { ManifestStore } from '@trustnxt/c2pa-ts/manifest';

export function assetOf(input: Uint8Array): Asset | null {
  // c2pa-ts takes an ArrayBuffer-backed array, not a Buffer from Node's pool.
  const bytes = new Uint8Array(input);
  if (JPEG.canRead(bytes)) return new JPEG(bytes);
  if (BMFF.canRead(bytes)) return new BMFF(bytes);
  if (PNG.canRead(bytes)) return new PNG(bytes);
  return null;
}

/** The file's manifest store, or null when it has none or it does not parse. */
export function manifestStoreOf(bytes: Uint8Array): ManifestStore | null {
  try {
    const jumbf = assetOf(bytes)?.getManifestJUMBF();
    return jumbf ? ManifestStore.read(SuperBox.fromBuffer(new Uint8Array(jumbf))) : null;
  } catch {
    return null;
  }
}

/** The active manifest's signing certificate (DER) and its issuer's common name. */
export function signerCertificateOf(
  store: ManifestStore | null,
): { der: Uint8Array; issuer: string | null } | null {
  const cert = store?.getActiveManifest()?.signature?.signatureData.certificate;
  if (!cert) return null;
  return {
    der: new Uint8Array(cert.rawData),
    issuer: cert.issuerName.getField('CN')[0]?.normalize('NFC') ?? null,
  };
}
