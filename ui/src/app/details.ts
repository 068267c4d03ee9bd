// A transition's details from the action form's values: empty fields left out (the server names what a jurisdiction
// requires), URLs one per line, the EU statement of reasons assembled from its explanation.

export type FieldValues = Record<string, string | boolean>;

export function detailsFrom(values: FieldValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'boolean') {
      if (v) out[k] = true;
      continue;
    }
    const text = v.trim();
    if (!text) continue;
    if (k === 'urls') {
      const urls = text.split(/\s+/).filter((u) => /^https?:\/\//.test(u));
      if (urls.length) out.urls = urls;
    } else if (k === 'sorExplanation') {
      out.statementOfReasons = { decisionGround: 'DECISION_GROUND_ILLEGAL_CONTENT', explanation: text,
        automatedDetection: true, automatedDecision: 'AUTOMATED_DECISION_NOT_AUTOMATED' };
    } else {
      out[k] = text;
    }
  }
  return out;
}
