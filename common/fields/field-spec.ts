/** The shape of one row of the field catalog (catalog.ts): every home and name a field has. */

/** How a value is held: one line of text, a list, a short code, an ISO 8601 date. */
export type FieldKind = 'text' | 'list' | 'code' | 'date';

/** The XMP namespaces a field can live in (the core holds their URIs). */
export type FieldNs = 'dc' | 'photoshop' | 'Iptc4xmpCore' | 'Iptc4xmpExt';

/** simple: a plain property; langAlt: rdf:Alt of xml:lang items (x-default written); bag, seq: lists. */
export type XmpShape = 'simple' | 'langAlt' | 'bag' | 'seq';

export interface FieldSpec {
  /** The name in the API, the CLI's fields.json, the sidecar reader and the export writer. */
  readonly key: string;
  readonly kind: FieldKind;
  /**
   * Its IPTC IIM dataset (record 2) and the byte limit of IIM 4.2. A date also names the
   * dataset of its time (2:55 DateCreated + 2:60 TimeCreated); a repeatable one holds a list.
   */
  readonly iim: {
    readonly record: 2;
    readonly dataset: number;
    readonly maxBytes: number;
    readonly repeatable: boolean;
    readonly timeDataset?: number;
  } | null;
  readonly xmp: { readonly ns: FieldNs; readonly property: string; readonly shape: XmpShape };
  /** The IFD0 tag that also holds it, which EXIF-only tools show. */
  readonly exif: 'ImageDescription' | 'Artist' | 'Copyright' | null;
  /**
   * A field of the event template (`default` pre-fills a new event). `since` marks a field
   * added after events were first saved: an event or saved template without it reads it as
   * empty and not applied, rather than as damaged.
   */
  readonly template:
    | false
    | {
        readonly default?: string;
        readonly placeholder?: 'date' | 'countryCode';
        readonly since?: number;
      };
  /** `caption <folder> <file> --<flag> …`; `split` turns the flag's text into a list. */
  readonly cli: { readonly flag: string; readonly split?: string } | null;
  /** Its name in the UI: a key of the i18n dictionaries. */
  readonly labelKey: `field${string}`;
  /** A row in the UI's field editor (`multiline` for a textarea, `select` for a `choice`). */
  readonly editor: false | 'line' | 'multiline' | 'select';
  /**
   * A controlled vocabulary (a code): the value held and written is the term's URI, the
   * vocabulary's `uri` followed by the code; the editor offers `codes` by the labels under
   * `labelsKey` in the i18n dictionaries, and the contract also takes a bare code.
   */
  readonly choice?: {
    readonly uri: string;
    readonly codes: readonly string[];
    readonly labelsKey: `choice${string}`;
  };
  /** Shown in the field editor only while another field holds one of these values. */
  readonly shownWhen?: { readonly field: string; readonly oneOf: readonly string[] };
  /** Where a limit is advised but IIM sets none: characters (IPTC's alt text: 250). */
  readonly maxChars?: number;
  /** Characters the contract accepts for the value (or each item of a list); 20,000 when unset. */
  readonly inputMax?: number;
  /** A list that also accepts one string (a by-line typed whole). */
  readonly acceptsText?: boolean;
  /** On a listed photo a list is its first item (the grid shows one by-line). */
  readonly photoValue?: 'first';
  /** Copied from the photo into an exported package JPEG. */
  readonly exported: boolean;
  /** Matched by the grid's search box. */
  readonly searchable: boolean;
  /** A camera or a buggy tool leaves boilerplate here that must not pass for content. */
  readonly placeholderProne?: boolean;
  /**
   * The caption {variable} that shows it (the photo's value, else the event template's),
   * its other spellings, and the key of its hint in the variables menu.
   */
  readonly variable?: {
    readonly name: string;
    readonly aliases?: readonly string[];
    readonly hintKey: `var${string}`;
  };
  /** A place a caption should name: the checks want one of these in the text. */
  readonly place?: true;
}
