/** PEM text split into its blocks, so a bundle can hold certificates and CRLs together. */
export interface PemBlock {
  label: string;
  der: Buffer;
  /** The block as text, for APIs that take PEM. */
  text: string;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

export function pemBlocks(pem: string): PemBlock[] {
  return [...pem.matchAll(BLOCK)].map((m) => ({
    label: m[1]!,
    der: Buffer.from(m[2]!.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'),
    text: m[0],
  }));
}

export function toPem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}
