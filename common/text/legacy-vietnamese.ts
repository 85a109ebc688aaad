/**
 * TCVN3 (ABC) and VNI still arrive in text pasted from old documents: the 8-bit
 * bytes show up as Latin-1 letters, "B¶o Th¾ng" for "Bảo Thắng". Both are
 * recognisable and convertible by table.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

// TCVN3 groups each vowel's five tones as: grave, hook, tilde, acute, dot.
const TCVN3_GROUPS: [string, string][] = [
  ['µ¶·¸¹', 'àảãáạ'],
  ['»¼½¾Æ', 'ằẳẵắặ'],
  ['ÇÈÉÊË', 'ầẩẫấậ'],
  ['ÌÎÏÐÑ', 'èẻẽéẹ'],
  ['ÒÓÔÕÖ', 'ềểễếệ'],
  ['×ØÜÝÞ', 'ìỉĩíị'],
  ['ßáâãä', 'òỏõóọ'],
  ['åæçèé', 'ồổỗốộ'],
  ['êëìíî', 'ờởỡớợ'],
  ['ïñòóô', 'ùủũúụ'],
  ['õö÷øù', 'ừửữứự'],
  ['úûüýþ', 'ỳỷỹýỵ'],
  ['¨©ª«¬\u00ad®', 'ăâêôơưđ'],
  ['¡¢£¤¥¦§', 'ĂÂÊÔƠƯĐ'],
];

const TCVN3 = new Map<string, string>();
for (const [from, to] of TCVN3_GROUPS) [...from].forEach((c, i) => TCVN3.set(c, [...to][i]!));

// VNI writes a base letter then mark characters; combining marks compose them under NFC.
const VNI_TONES: Record<string, string> = {
  ø: '\u0300',
  Ø: '\u0300', // huyền
  ù: '\u0301',
  Ù: '\u0301', // sắc
  û: '\u0309',
  Û: '\u0309', // hỏi
  õ: '\u0303',
  Õ: '\u0303', // ngã
  ï: '\u0323',
  Ï: '\u0323', // nặng
};
// Circumflex (with an optional tone folded in) after a, e, o.
const VNI_CIRCUMFLEX: Record<string, string> = {
  â: '',
  Â: '',
  à: '\u0300',
  À: '\u0300',
  á: '\u0301',
  Á: '\u0301',
  å: '\u0309',
  Å: '\u0309',
  ã: '\u0303',
  Ã: '\u0303',
  ä: '\u0323',
  Ä: '\u0323',
};
// Breve (with an optional tone) after a.
const VNI_BREVE: Record<string, string> = {
  ê: '',
  Ê: '',
  è: '\u0300',
  È: '\u0300',
  é: '\u0301',
  É: '\u0301',
  ú: '\u0309',
  Ú: '\u0309',
  ü: '\u0303',
  Ü: '\u0303',
  ë: '\u0323',
  Ë: '\u0323',
};
const VNI_SINGLE: Record<string, string> = {
  ô: 'ơ',
  Ô: 'Ơ',
  ö: 'ư',
  Ö: 'Ư',
  ñ: 'đ',
  Ñ: 'Đ',
  ì: 'ì',
  Ì: 'Ì',
  í: 'í',
  Í: 'Í',
  æ: 'ỉ',
  Æ: 'Ỉ',
  ó: 'ĩ',
  Ó: 'Ĩ',
  ò: 'ị',
  Ò: 'Ị',
  î: 'ỵ',
  Î: 'Ỵ',
};

export function tcvn3ToUnicode(s: string): string {
  let out = '';
  for (const ch of s) out += TCVN3.get(ch) ?? ch;
  return out.normalize('NFC');
}

export function vniToUnicode(s: string): string {
  const chars = [...s];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    const lower = c.toLowerCase();
    let base = c;
    let consumed = 0;
    if (next !== undefined && 'aeo'.includes(lower) && next in VNI_CIRCUMFLEX) {
      base = c + '\u0302' + VNI_CIRCUMFLEX[next]!;
      consumed = 1;
    } else if (next !== undefined && lower === 'a' && next in VNI_BREVE) {
      base = c + '\u0306' + VNI_BREVE[next]!;
      consumed = 1;
    } else if (c in VNI_SINGLE) {
      base = VNI_SINGLE[c]!;
    }
    const after = chars[i + 1 + consumed];
    const isVowel = /[aeiouyơư]/i.test(base.normalize('NFD')[0] ?? '');
    if (after !== undefined && isVowel && after in VNI_TONES) {
      base += VNI_TONES[after]!;
      consumed++;
    }
    out += base;
    i += consumed;
  }
  return out.normalize('NFC');
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const NUCLEI = [
  'a',
  'ă',
  'â',
  'e',
  'ê',
  'i',
  'o',
  'ô',
  'ơ',
  'u',
  'ư',
  'y',
  'ai',
  'ao',
  'au',
  'ay',
  'âu',
  'ây',
  'eo',
  'êu',
  'ia',
  'iê',
  'iu',
  'oa',
  'oă',
  'oe',
  'oi',
  'ôi',
  'ơi',
  'oo',
  'ua',
  'uâ',
  'uê',
  'ui',
  'uô',
  'uơ',
  'uy',
  'ưa',
  'ưi',
  'ươ',
  'ưu',
  'yê',
  'iêu',
  'yêu',
  'oai',
  'oay',
  'oao',
  'oeo',
  'uây',
  'uôi',
  'ươi',
  'ươu',
  'uya',
  'uyê',
  'uyu',
  'uêu',
].sort((a, b) => b.length - a.length);
const SYLLABLE = new RegExp(
  `^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?(${NUCLEI.join('|')})(ch|ng|nh|[cmnpt])?$`,
  'u',
);

/** One Vietnamese syllable at most carries one tone, and has a fixed shape. */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  if ((nfd.match(TONES)?.length ?? 0) > 1) return false;
  return SYLLABLE.test(nfd.replace(TONES, '').normalize('NFC'));
}

/**
 * Words a conversion changed, scored by whether they became real syllables. German
 * or Spanish Latin-1 text turns into nonsense under either table and scores below 0.
 */
function plausibility(before: string, after: string): number {
  const a = before.split(/[^\p{L}\u00a1-\u00ff]+/u);
  const b = after.split(/[^\p{L}]+/u);
  if (a.length !== b.length) return -1;
  let score = 0;
  a.forEach((w, i) => {
    const converted = b[i]!;
    if (w === converted) return;
    score += isVietnameseSyllable(converted) ? 1 : -2;
  });
  return score;
}

export interface LegacyDetection {
  encoding: LegacyEncoding;
  repaired: string;
}

/**
 * Say whether text is really TCVN3 or VNI mojibake, and give the repair. Text with
 * any character beyond Latin-1 is already Unicode (ơ, ư, ạ… do not exist in the legacy
 * renderings), so it is left alone; otherwise the table whose repair turns the changed
 * words into real Vietnamese syllables wins.
 */
export function detectLegacyVietnamese(s: string): LegacyDetection | null {
  const text = s.normalize('NFC');
  if ([...text].some((c) => c.codePointAt(0)! > 0xff)) return null;
  if (![...text].some((c) => c.codePointAt(0)! >= 0xa0)) return null;
  const candidates: LegacyDetection[] = [
    { encoding: 'tcvn3', repaired: tcvn3ToUnicode(text) },
    { encoding: 'vni', repaired: vniToUnicode(text) },
  ];
  let best: LegacyDetection | null = null;
  let bestScore = 0;
  for (const c of candidates) {
    if (c.repaired === text) continue;
    const score = plausibility(text, c.repaired);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** The reverse of tcvn3ToUnicode, for tests and for making examples. */
export function unicodeToTcvn3(s: string): string {
  const reverse = new Map<string, string>();
  for (const [k, v] of TCVN3) reverse.set(v, k);
  return [...s.normalize('NFC')].map((c) => reverse.get(c) ?? c).join('');
}
