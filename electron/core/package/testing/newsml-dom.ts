/**
 * For the newsml.xml tests: a strict parse, the DOM walks they share, and xmllint on a
 * rendered file (well-formed, or valid against an XSD).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { expect } from 'vitest';

/** A warning or error while parsing fails the test: what we write must be clean XML. */
export function parseXml(xml: string): Document {
  return new DOMParser({
    onError: (level, msg) => {
      throw new Error(`${level}: ${msg}`);
    },
  }).parseFromString(xml, 'text/xml');
}

export const kids = (e: Element, name?: string): Element[] =>
  Array.from(e.childNodes).filter(
    (n): n is Element =>
      n.nodeType === 1 && (name === undefined || (n as Element).localName === name),
  );

/** The one child of that name; the test fails when there is none or more than one. */
export const kid = (e: Element, name: string): Element => {
  const found = kids(e, name);
  expect(found, `one <${name}> in <${e.localName}>`).toHaveLength(1);
  return found[0]!;
};

export const items = (doc: Document) => kids(kid(doc.documentElement!, 'itemSet'));
export const itemClass = (item: Element) =>
  kid(kid(item, 'itemMeta'), 'itemClass').getAttribute('qcode');

export const HAS_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;

/** `xmllint --noout <args> newsml.xml` on the text, written to a temp folder removed after. */
export function xmllint(
  xml: string,
  args: string[] = [],
): { file: string; stderr: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'captiondesk-newsml-'));
  try {
    const file = join(dir, 'newsml.xml');
    writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', ...args, file], { encoding: 'utf8' });
    return { file, stderr: r.stderr, status: r.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
