// Countdowns to legal deadlines, in whole units a caseworker reads at a glance.

export interface Remaining { overdue: boolean; days: number; hours: number; minutes: number }

export function remaining(dueIso: string, now: Date): Remaining | null {
  const due = Date.parse(dueIso);
  if (Number.isNaN(due)) return null;
  let ms = due - now.getTime();
  const overdue = ms < 0;
  ms = Math.abs(ms);
  const minutes = Math.floor(ms / 60000);
  return { overdue, days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

/** "3d 4h", "5h 12m", "12m"; the caller adds "left" or "overdue". */
export function compact(r: Remaining): string {
  if (r.days > 0) return `${r.days}d ${r.hours}h`;
  if (r.hours > 0) return `${r.hours}h ${r.minutes}m`;
  return `${r.minutes}m`;
}

export function when(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(locale);
}
