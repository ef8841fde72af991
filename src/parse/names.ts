/**
 * Organisation and person names as senders write them: capitalised words,
 * connectors (of, and, &, de) and legal-form suffixes with their dots
 * (Inc., Co., Ltd., S.A de C.V, s.r.o.). Patterns use the `u` flag.
 */
const ONE_SUFFIX = String.raw`(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Ltd\.?|Limited|LLC\.?|L\.L\.C\.|LLP|PLLC|P\.C\.|GmbH|AG|SE|S\.?A\.?(?:[ \t]+de[ \t]+C\.?V\.?)?|S\.?L\.?|B\.?V\.?|N\.?V\.?|s\.r\.o\.|Pvt\.?|Pte\.?|Sdn\.?[ \t]+Bhd\.?|Bhd\.?|K\.?K\.?|Oy|AB|SAS|SARL|S\.p\.A\.?|Srl|SARL|PLC|plc|Pty\.?|SpA|UG(?:[ \t]+\(haftungsbeschränkt\))?|[Ss]\.[Rr]\.[Ll]\.?|(?:\p{Lu}\.){2,6})`;
// At most three suffixes in a row ("Co., Ltd.", "Pte. Ltd."): an open-ended run retried at every word of a suffix storm is quadratic.
export const SUFFIX = String.raw`${ONE_SUFFIX}(?![\p{L}])(?:(?:,?[ \t]+|,)${ONE_SUFFIX}(?![\p{L}])){0,3}`;
const WORD = String.raw`(?:${SUFFIX}|[\p{Lu}\d][\p{L}\p{N}'’&\-+]*(?:\.(?=[\p{L}])[\p{L}\p{N}'’&\-+]*)?|[\p{Ll}]+[\p{Lu}][\p{L}\p{N}'’\-]*)`;
const CONNECTOR = String.raw`(?:of|and|&|de|du|la|le|der|für|for|the|y|e)`;
export const ORG_NAME = String.raw`${WORD}(?:,?[ \t]+(?:${CONNECTOR}[ \t]+)?${WORD}){0,7}`;
/** Lower-case first word allowed (`client IO s.r.o.`): only when a legal suffix closes the name. */
export const ORG_WITH_SUFFIX = String.raw`[\p{L}\d][\p{L}\p{N}'’&\-]*(?:[ \t]+[\p{L}\d][\p{L}\p{N}'’&\-]*){0,5}?,?[ \t]+${SUFFIX}`;
export const ANY_ORG = String.raw`(?:${ORG_WITH_SUFFIX}|${ORG_NAME})`;

/** Case-insensitive letters inside an otherwise case-sensitive pattern (names must stay capitalised). */
export function ci(words: string): string {
  return words.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

const STOP_WORDS = /^(the|a|an|our|my|its|their|this|that|these|those|i|we|you|he|she|they|it|copyright|owner|holder|company|client|customer|github|dmca|yes|no|please|dear|hello|hi)$/i;
const GENERIC = /^(the )?(copyright|rights?|content|ip|intellectual property) (owner|holder)s?$|^(the )?(complaining|notifying|injured|reporting|requesting) party$|^(the )?(complainant|claimant|rightsholder|rights-holder|licensor|infringer|sender|party|parties)s?$|^(the )?(intellectual property|copyrighted (work|material|content)s?|source code|software|code|work|works|repository|content)$|^(my|our|the) (company|client|employer|organi[sz]ation)$|\[(private|redacted)\]/i;

const ENDS_WITH_SUFFIX_DOT = new RegExp(`(${ONE_SUFFIX}|\\b\\p{Lu}\\.)$`, 'u');
const ONLY_SUFFIX = new RegExp(`^(?:${SUFFIX})$`, 'u');

/** Cleans a captured name: trailing sentence punctuation goes, a legal suffix keeps its dot. */
export function cleanName(raw: string): string | null {
  let s = raw.trim().replace(/^["“'‘(]+|["”'’]+$/g, '').trim();
  // A closing parenthesis stays when it closes part of the name ("UG (haftungsbeschränkt)").
  while (s.endsWith(')') && (s.match(/\(/g)?.length ?? 0) < (s.match(/\)/g)?.length ?? 0)) s = s.slice(0, -1).replace(/["”'’]+$/, '').trim();
  s = s.replace(/^(我司|我公司|本公司|我方)/, '');
  s = s.replace(/^(yes|no|ok)[.,]\s*/i, '').replace(/^(our|my) (company|client|firm|organi[sz]ation|customer),?\s+/i, '');
  s = s.replace(/\s*\((?:f\/k\/a|formerly|hereinafter|the\b|“|")[^)]*\)?.*$/i, '');
  // A preposition or the sender's own pronoun caught before the name: "of OpenVPN, Inc.", "We, Lineto GmbH".
  s = s.replace(/^(?:(?:of|by|from|for)\s+|(?:We|I|we),\s*)(?=[\p{Lu}\d])/u, '');
  // Words of the sentence caught before the name ("am legal counsel for ISO Properties, Inc.").
  s = s.replace(/^(?:\p{Ll}[\p{Ll}'’-]*\s+){2,}(?:for|of|at|by|with|to)\s+(?=\p{Lu})/u, '');
  // "On behalf of Acme, I demand": the sender's pronoun after the name's comma is not part of the name.
  s = s.replace(/,\s*(?:I|We)$/, '');
  // "our client Acme's trademark": the possessive belongs to the sentence, not the name.
  s = s.replace(/(?<=\p{L}{2})['’]s$/u, '');
  s = s.replace(/[,;:]+$/, '');
  if (/\.$/.test(s) && !ENDS_WITH_SUFFIX_DOT.test(s)) s = s.slice(0, -1);
  s = s.replace(/\s+(and|&|of|the|for)$/i, '').trim();
  // "Acme and Acme": a name read twice across a connector is one name.
  const halves = s.split(/\s+(?:and|&)\s+/);
  if (halves.length === 2 && halves[0]!.toLowerCase() === halves[1]!.toLowerCase()) s = halves[0]!;
  if (!s || s.length < 2 || s.length > 90) return null;
  // A legal form alone ("Ltd.", "Inc.") is the tail of a name that was cut, never a name.
  if (ONLY_SUFFIX.test(s)) return null;
  const first = s.split(/\s+/)[0] ?? '';
  if (STOP_WORDS.test(s) || (STOP_WORDS.test(first) && s.split(/\s+/).length === 1) || GENERIC.test(s)) return null;
  s = s.replace(/^the\s(?=\p{Ll})/u, '');
  if (/^(our|my|its|their|this|that)\s/i.test(s)) return null;
  return s;
}
