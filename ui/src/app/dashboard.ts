import type { CaseSummary } from './api';

export interface Dashboard {
  flagsPerDay: { day: string; marketplace: string; count: number }[];
  detectionToTakedown: { count: number; p50Hours: number | null; p90Hours: number | null } | null;
  counterNoticeRate: number | null;
  casesByStatus: Record<string, number>;
}

/**
 * What can be computed from case summaries alone, for a server without GET /api/dashboard: flags per day per
 * marketplace (a case is one flag) and cases by status. Takedown times and counter-notice rates need the audit
 * trail and stay null.
 */
export function dashboardFromCases(cases: CaseSummary[], days: number, now: Date): Dashboard {
  const since = now.getTime() - days * 86400000;
  const perDay = new Map<string, { day: string; marketplace: string; count: number }>();
  const byStatus: Record<string, number> = {};
  for (const c of cases) {
    byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
    const at = c.detectedAt ? Date.parse(c.detectedAt) : NaN;
    if (Number.isNaN(at) || at < since) continue;
    const day = new Date(at).toISOString().slice(0, 10);
    const key = `${day}|${c.marketplace}`;
    const entry = perDay.get(key) ?? { day, marketplace: c.marketplace, count: 0 };
    entry.count += 1;
    perDay.set(key, entry);
  }
  return { flagsPerDay: [...perDay.values()].sort((a, b) => a.day.localeCompare(b.day)),
    detectionToTakedown: null, counterNoticeRate: null, casesByStatus: byStatus };
}
