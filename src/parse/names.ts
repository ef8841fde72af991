/**
 * Organisation and person names as senders write them: capitalised words,
 * connectors (of, and, &, de) and legal-form suffixes with their dots
 * (Inc., Co., Ltd., S.A de C.V, s.r.o.).
 */
const SUFFIX = String.raw`(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?,?|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|PLLC|P\.C\.|GmbH|AG|SE|S\.?A\.?(?:\s+de\s+C\.?V\.?)?|S\.?L\.?|B\.?V\.?|N\.?V\.?|s\.r\.o\.|Pvt\.?|Pte\.?|Sdn\.?\s+Bhd\.?|Bhd\.?|K\.?K\.?|Oy|AB|SAS|SARL|S\.p\.A\.?|Srl|PLC|plc|Pty\.?)`;
const WORD = String.raw`(?:[A-Z0-9][\w'’&.\-+]*|[a-z]+[A-Z][\w'’.\-]*|${SUFFIX})`;
const CONNECTOR = String.raw`(?:of|and|&|de|du|la|le|der|für|for|the|y|e)`;
export const ORG_NAME = String.raw`${WORD}(?:,?\s+(?:${CONNECTOR}\s+)?${WORD}){0,7}`;
/** Lower-case first word allowed (`client IO s.r.o.`): only when a legal suffix closes the name. */
export const ORG_WITH_SUFFIX = String.raw`[\w'’&.\-]+(?:\s+[\w'’&.\-]+){0,5}?\s+${SUFFIX}`;

const STOP_WORDS = /^(the|a|an|our|my|its|their|this|that|these|those|i|we|you|he|she|they|it|copyright|owner|holder|company|client|customer|github|dmca|yes|no|please|dear|hello|hi)$/i;
const GENERIC = /^(the )?(copyright|rights?|content|ip|intellectual property) (owner|holder)s?$|^(my|our|the) (company|client|employer|organi[sz]ation)$|\[(private|redacted)\]/i;

/** Cleans a captured name: trailing sentence punctuation goes, a legal suffix keeps its dot. */
export function cleanName(raw: string): string | null {
  let s = raw.trim().replace(/^["“'‘(]+|["”'’)]+$/g, '').trim();
  s = s.replace(/\s*\((?:f\/k\/a|formerly|hereinafter|the\b|“|")[^)]*\)?.*$/i, '');
  s = s.replace(/[,;:]+$/, '');
  if (/\.$/.test(s) && !new RegExp(`(${SUFFIX}|\\b[A-Z]\\.)$`).test(s)) s = s.slice(0, -1);
  s = s.replace(/\s+(and|&|of|the|for)$/i, '').trim();
  if (!s || s.length < 2 || s.length > 90) return null;
  const first = s.split(/\s+/)[0] ?? '';
  if (STOP_WORDS.test(s) || (STOP_WORDS.test(first) && s.split(/\s+/).length === 1) || GENERIC.test(s)) return null;
  if (/^(the|our|my)\s/i.test(s)) s = s.replace(/^the\s/i, '');
  if (/^(our|my)\s/i.test(s)) return null;
  return s;
}
