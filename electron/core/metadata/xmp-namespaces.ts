export const NS = {
  x: 'adobe:ns:meta/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  Iptc4xmpCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
  Iptc4xmpExt: 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/',
  exif: 'http://ns.adobe.com/exif/1.0/',
  tiff: 'http://ns.adobe.com/tiff/1.0/',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmpNote: 'http://ns.adobe.com/xmp/note/',
  /** Photo Mechanic's own properties: its colour class and tag, which PM users expect to keep. */
  photomechanic: 'http://ns.camerabits.com/photomechanic/1.0/',
  /** Ours: the caption as typed, with its {variables}, beside the rendered dc:description. */
  captiondesk: 'https://captiondesk.app/ns/1.0/',
} as const;

export type NsPrefix = keyof typeof NS;
