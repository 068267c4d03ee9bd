// Charts as inline SVG, drawn here: a stacked bar chart (flags per day per marketplace) and horizontal bars. The
// layout is pure (tested); rendering only turns rectangles into elements.

export interface Bar { x: number; y: number; width: number; height: number; key: string; series: string; value: number }

export interface StackedInput { key: string; series: string; value: number }

/** Lays out stacked bars: one column per key (in first-seen order), series stacked bottom-up in a fixed order. */
export function stackedBars(data: StackedInput[], width: number, height: number, gap = 2, maxBar = 48):
  { bars: Bar[]; keys: string[]; series: string[]; max: number } {
  const keys = [...new Set(data.map((d) => d.key))].sort();
  const series = [...new Set(data.map((d) => d.series))].sort();
  const totals = new Map<string, number>();
  for (const d of data) totals.set(d.key, (totals.get(d.key) ?? 0) + Math.max(0, d.value));
  const max = Math.max(1, ...totals.values());
  const col = keys.length === 0 ? 0 : width / keys.length;
  const bars: Bar[] = [];
  keys.forEach((key, i) => {
    let base = height;
    for (const name of series) {
      const value = data.filter((d) => d.key === key && d.series === name).reduce((a, d) => a + Math.max(0, d.value), 0);
      if (value === 0) continue;
      const h = (value / max) * height;
      base -= h;
      const w = Math.max(1, Math.min(maxBar, col - gap));
      bars.push({ x: i * col + (col - w) / 2, y: base, width: w, height: h, key, series: name, value });
    }
  });
  return { bars, keys, series, max };
}

/** Horizontal bars scaled to the largest value. */
export function horizontalBars(data: { label: string; value: number }[], width: number):
  { label: string; value: number; length: number }[] {
  const max = Math.max(1, ...data.map((d) => d.value));
  return data.map((d) => ({ ...d, length: (Math.max(0, d.value) / max) * width }));
}

/** Nodes on a circle (the seller network): stable positions for a stable node order. */
export function circleLayout(ids: string[], cx: number, cy: number, r: number): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  if (ids.length === 1) {
    out.set(ids[0], { x: cx, y: cy });
    return out;
  }
  ids.forEach((id, i) => {
    const a = (2 * Math.PI * i) / ids.length - Math.PI / 2;
    out.set(id, { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) });
  });
  return out;
}
