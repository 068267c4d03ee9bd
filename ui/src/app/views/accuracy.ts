import type { Ctx } from '../context';
import { describe } from '../context';
import { h } from '../dom';
import { t, type Key } from '../i18n';

interface Accuracy { notices: number; removed: number; rejected: number; countered: number; undone: number;
  accuracy: number | null; counterRate: number | null }

/** A rights holder's own notifier record (GET /api/notifiers/{own org}/accuracy). */
export async function accuracyView(ctx: Ctx): Promise<HTMLElement> {
  const box = h('section', { className: 'panel', 'aria-labelledby': 'acc-title' }, h('h2', { id: 'acc-title' },
    t('accuracyTitle')));
  try {
    const a = await ctx.api.get<Accuracy>(`/api/notifiers/${encodeURIComponent(ctx.me.organisation.id)}/accuracy`);
    const pct = (x: number | null) => (x == null ? '—' : `${(x * 100).toFixed(1)} %`);
    const rows: [Key, string][] = [['accNotices', String(a.notices)], ['accRemoved', String(a.removed)],
      ['accRejected', String(a.rejected)], ['accCountered', String(a.countered)], ['accUndone', String(a.undone)],
      ['accAccuracy', pct(a.accuracy)], ['accCounterRate', pct(a.counterRate)]];
    box.append(h('dl', { className: 'fields big', id: 'accuracy' }, ...rows.flatMap(([k, v]) => [h('dt', {}, t(k)),
      h('dd', {}, v)])));
  } catch (e) {
    box.append(h('p', { className: 'unavailable' }, describe(e)));
  }
  return box;
}
