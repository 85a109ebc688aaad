/**
 * Reading and validating a manifest store is c2pa-rs's job: the Content Authenticity
 * Initiative's reference implementation, compiled to WebAssembly and shipped in the npm
 * package itself (nothing downloaded at install or run time). It checks the signature,
 * the hard binding to the file's bytes, the certificate profile, its validity at signing
 * time, and the chain against the trust anchors we give it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync, WasmReader } from '@contentauth/c2pa-wasm';

let ready = false;

function init(): void {
  if (ready) return;
  const wasm = createRequire(import.meta.url).resolve('@contentauth/c2pa-wasm/c2pa.wasm');
  initSync({ module: readFileSync(wasm) });
  ready = true;
}

export interface StatusEntry {
  code: string;
  explanation?: string;
  url?: string;
}
export interface ValidationResults {
  activeManifest?: {
    success?: StatusEntry[];
    informational?: StatusEntry[];
    failure?: StatusEntry[];
  };
  ingredientDeltas?: {
    ingredientAssertionURI: string;
    validationDeltas: { failure?: StatusEntry[] };
  }[];
}
export interface ReaderIngredient {
  title?: string;
  format?: string;
  relationship?: string;
  active_manifest?: string;
  validation_results?: ValidationResults;
  validation_status?: StatusEntry[];
}
export interface ReaderManifest {
  label?: string;
  title?: string;
  format?: string;
  claim_generator?: string;
  claim_generator_info?: { name?: string; version?: string }[];
  assertions?: { label: string; data: unknown }[];
  ingredients?: ReaderIngredient[];
  signature_info?: {
    alg?: string;
    issuer?: string;
    common_name?: string;
    cert_serial_number?: string;
    time?: string;
  };
}
export interface ReaderStore {
  active_manifest?: string;
  manifests: Record<string, ReaderManifest>;
  validation_state?: 'Invalid' | 'Valid' | 'Trusted';
  validation_results?: ValidationResults;
  validation_status?: StatusEntry[];
}

/** "Found no manifest" in c2pa-rs's words: a file that only looked like it had one. */
export const NO_MANIFEST = /JumbfNotFound|no JUMBF data found|ProvenanceMissing|not found/i;

/**
 * Validate a file's manifest store. `anchorsPem`: the trust list's certificates; with
 * none, every signer reads as untrusted (valid, but nobody vouches for it).
 */
export async function readManifestStore(
  bytes: Uint8Array,
  mime: string,
  anchorsPem: string,
): Promise<ReaderStore> {
  init();
  const settings = {
    verify: { verify_trust: true, ocsp_fetch: false, remote_manifest_fetch: false },
    ...(anchorsPem ? { trust: { trust_anchors: anchorsPem } } : {}),
  };
  const reader = await WasmReader.fromBytes(mime, bytes, JSON.stringify(settings));
  try {
    return JSON.parse(reader.json()) as ReaderStore;
  } finally {
    reader.free();
  }
}

/** The media type c2pa-rs wants, from the file's first bytes. */
export function mimeOf(head: Uint8Array): string | null {
  if (head[0] === 0xff && head[1] === 0xd8) return 'image/jpeg';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47)
    return 'image/png';
  const box = Buffer.from(head.subarray(4, 12)).toString('latin1');
  if (box.startsWith('ftyp')) return /avif/.test(box) ? 'image/avif' : 'image/heic';
  return null;
}
