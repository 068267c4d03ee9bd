// The registry form's values as an Asset body (schema Asset): a trademark or a patent, nothing else.

export type AssetParse = { id: string; body: Record<string, unknown> } | { error: string };

const list = (s: string | undefined, sep: RegExp = /[,\s]+/): string[] =>
  (s ?? '').split(sep).map((x) => x.trim()).filter(Boolean);

export function assetFromForm(v: Record<string, string>): AssetParse {
  const id = (v['a-id'] ?? '').trim();
  if (!/^[A-Za-z0-9._:-]{1,100}$/.test(id)) return { error: 'Asset id: letters, digits and . _ : - only.' };
  const jurisdictions = list(v['a-jur']).map((j) => j.toUpperCase());
  if (!jurisdictions.length) return { error: 'Jurisdictions: at least one, e.g. CN.' };
  if (v['a-type'] === 'PATENT') {
    const claims = list(v['a-claims'], /\n/).map((text, i) => ({ number: i + 1, text, independent: i === 0 }));
    if (!v['a-title']?.trim() || !claims.length || !/^\d{4}-\d{2}-\d{2}$/.test(v['a-expires'] ?? '')) {
      return { error: 'A patent needs a title, at least one claim and an expiry date.' };
    }
    return { id, body: { type: 'PATENT', title: v['a-title'].trim(), claims, expires: v['a-expires'], jurisdictions } };
  }
  const mark = (v['a-mark'] ?? '').trim();
  const nice = list(v['a-nice']).map(Number);
  if (!mark || !nice.length || nice.some((n) => !Number.isInteger(n) || n < 1 || n > 45)) {
    return { error: 'A trademark needs the mark and its Nice classes (1-45).' };
  }
  const prices = list(v['a-prices'], /\n/).map((line) => line.split(';').map((x) => x.trim()));
  if (prices.some((p) => p.length !== 3)) return { error: 'Reference prices: product; amount; currency per line.' };
  return { id, body: { type: 'TRADEMARK', mark, niceClasses: nice, jurisdictions,
    authorizedSellers: list(v['a-sellers'], /\n/),
    referencePrices: prices.map(([product, amount, currency]) => ({ product, amount, currency: currency.toUpperCase() })) } };
}
