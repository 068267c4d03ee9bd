import type { Span } from './api';

export interface Segment { text: string; hit: boolean }

/**
 * Splits a field's text into plain and matched segments from the matcher's spans (character offsets). Spans of other
 * fields, out of range or overlapping an earlier one are skipped: a wrong offset must never garble the text shown.
 */
export function segments(text: string, spans: Span[], field: string): Segment[] {
  const mine = spans
    .filter((s) => s.field === field && s.start >= 0 && s.end > s.start && s.end <= text.length)
    .sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const s of mine) {
    if (s.start < at) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start), hit: false });
    out.push({ text: text.slice(s.start, s.end), hit: true });
    at = s.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), hit: false });
  return out;
}
