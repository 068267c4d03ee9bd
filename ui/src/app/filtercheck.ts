import type { CaseSummary } from './api';
import type { QueueFilter } from './filters';
import type { Key } from './i18n';

export interface Ignored { label: Key; keeps(c: CaseSummary): boolean }

/**
 * Filters the server evidently did not apply: an answer that contains a case the filter excludes. An older server
 * ignores query parameters it does not know; the queue then says so and narrows the page it got by itself.
 */
export function contradicted(f: QueueFilter, items: CaseSummary[], now: Date): Ignored[] {
  const checks: Ignored[] = [];
  if (f.status) checks.push({ label: 'status', keeps: (c) => c.status === f.status });
  if (f.jurisdiction) checks.push({ label: 'jurisdiction', keeps: (c) => c.jurisdiction === f.jurisdiction });
  if (f.platform) checks.push({ label: 'platform', keeps: (c) => (c.platform ?? c.marketplace) === f.platform });
  if (f.minPriority && /^\d+$/.test(f.minPriority)) {
    const min = Number(f.minPriority);
    checks.push({ label: 'minPriority', keeps: (c) => c.priority == null || c.priority >= min });
  }
  if (f.dueWithinDays && /^\d+$/.test(f.dueWithinDays)) {
    const before = now.getTime() + Number(f.dueWithinDays) * 86400000;
    checks.push({ label: 'dueWithin', keeps: (c) => c.nextDeadline != null && Date.parse(c.nextDeadline) <= before });
  }
  return checks.filter((x) => items.some((c) => !x.keeps(c)));
}
