// The case queue's filters: what the form holds, and the query string the API understands.

export interface QueueFilter {
  q?: string;
  status?: string;
  jurisdiction?: string;
  platform?: string;
  minPriority?: string;
  dueWithinDays?: string;
  page?: string;
}

export const PAGE_SIZE = 25;

/**
 * The API path for a filter. Text search goes to /api/search, everything else to /api/cases; both take the same
 * filters. "Due within n days" becomes dueBefore, an instant, computed from the given clock.
 */
export function queuePath(f: QueueFilter, now: Date): string {
  const p = new URLSearchParams();
  p.set('page', f.page && /^\d+$/.test(f.page) ? f.page : '1');
  p.set('size', String(PAGE_SIZE));
  if (f.q?.trim()) p.set('q', f.q.trim());
  if (f.status) p.set('status', f.status);
  if (f.jurisdiction) p.set('jurisdiction', f.jurisdiction);
  if (f.platform) p.set('platform', f.platform);
  if (f.minPriority && /^\d+$/.test(f.minPriority)) p.set('minPriority', f.minPriority);
  if (f.dueWithinDays && /^\d+$/.test(f.dueWithinDays)) {
    p.set('dueBefore', new Date(now.getTime() + Number(f.dueWithinDays) * 86400000).toISOString());
  }
  return `${f.q?.trim() ? '/api/search' : '/api/cases'}?${p}`;
}

export const STATUSES = ['DETECTED', 'CONFIRMED', 'DISMISSED', 'NOTICE_SENT', 'REMOVED', 'REJECTED', 'COUNTER_NOTICE',
  'COMPLAINT', 'ESCALATED', 'REFERRED', 'RESTORED', 'CLOSED'];
export const JURISDICTIONS = ['CN', 'US', 'EU'];
