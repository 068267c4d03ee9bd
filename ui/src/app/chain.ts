import type { EvidenceLink } from './api';

export const GENESIS = '0'.repeat(64);

export interface ChainStatus { intact: boolean; checked: number; problems: { seq: number; problem: string }[] }

/** SHA-256 as lower-case hex (Web Crypto: in every browser and in Node 20). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The canonical text of a link, as casework-api's ChainEntry hashes it (format ipwatch-evidence-chain-v1). */
export function canonical(caseId: string, e: EvidenceLink): string {
  return ['ipwatch-evidence-chain-v1', caseId, String(e.seq), e.kind, e.name, e.sha256, String(e.bytes),
    e.contentType, e.addedBy, e.addedAt, e.prevHash].join('\n');
}

/**
 * Checks a case's evidence chain in the browser: every link's hash recomputed from its fields, every link bound to
 * the one before it, the first to the genesis hash. It proves the list shown is the list that was recorded.
 */
export async function verifyChain(caseId: string, links: EvidenceLink[]): Promise<ChainStatus> {
  const problems: { seq: number; problem: string }[] = [];
  const sorted = [...links].sort((a, b) => a.seq - b.seq);
  let prev = GENESIS;
  for (const e of sorted) {
    if (e.prevHash !== prev) problems.push({ seq: e.seq, problem: 'not bound to the previous link' });
    if ((await sha256Hex(canonical(caseId, e))) !== e.entryHash) {
      problems.push({ seq: e.seq, problem: 'hash does not match its fields' });
    }
    prev = e.entryHash;
  }
  return { intact: problems.length === 0, checked: sorted.length, problems };
}
