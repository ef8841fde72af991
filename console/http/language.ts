/**
 * The page's language: `?lang=` when it names one the page is written in,
 * else the browser's Accept-Language (highest weight first, `zh-CN` counts
 * as `zh`), else the first of `supported`.
 */
export function chooseLanguage<L extends string>(supported: readonly L[], query: string | undefined, acceptLanguage: string | undefined): L {
  const known = (tag: string) => supported.find((l) => l === tag.trim().toLowerCase().split('-')[0]);
  const asked = query ? known(query) : undefined;
  if (asked) return asked;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), weight: q === undefined ? 1 : Number(q), order };
    })
    .filter((x) => x.tag && x.weight > 0 && !Number.isNaN(x.weight))
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { tag } of ranked) {
    const match = known(tag);
    if (match) return match;
  }
  return supported[0]!;
}
