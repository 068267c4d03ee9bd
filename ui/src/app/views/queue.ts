import { ApiError, seg, type CaseSummary, type Page } from '../api';
import type { Ctx } from '../context';
import { h, safeUrl } from '../dom';
import { JURISDICTIONS, PAGE_SIZE, queuePath, STATUSES, type QueueFilter } from '../filters';
import { locale, t, type Key, enumLabel } from '../i18n';
import type { LiveUpdates } from '../live';
import { BULK_ACTIONS, mayBulk } from '../roles';
import { formatRoute } from '../router';
import { compact, remaining, when } from '../time';
import { contradicted } from '../filtercheck';

/** The case queue (officials, rights holders) and the platform's notices: filters, search, bulk actions. */
export async function queueView(ctx: Ctx, params: Record<string, string>, mode: 'queue' | 'notices',
  live: LiveUpdates): Promise<HTMLElement> {
  live.clear();
  const f: QueueFilter = { ...params };
  const role = ctx.me.organisation.role;
  const bulk = mode === 'queue' && mayBulk(role);
  let page: Page<CaseSummary>;
  try {
    page = await ctx.api.get<Page<CaseSummary>>(queuePath(f, new Date()));
  } catch (e) {
    ctx.fail(e);
    page = { items: [], total: 0, page: 1, size: PAGE_SIZE };
  }
  const ignored = contradicted(f, page.items, new Date());
  const items = page.items.filter((c) => ignored.every((x) => x.keeps(c)));

  const title = mode === 'notices' ? t('noticesTitle', { org: ctx.me.organisation.name })
    : t(role === 'RIGHTS_HOLDER' ? 'navMyCases' : 'navQueue');
  const section = h('section', { 'aria-labelledby': 'queue-title', className: 'queue' },
    h('div', { className: 'toolbar' }, h('h2', { id: 'queue-title' }, title),
      h('span', { className: `live ${live.state}` }, live.state === 'on' ? t('live') : t('liveOff'))));
  section.append(filterForm(ctx, f, mode));
  for (const x of ignored) section.append(h('p', { className: 'note' }, t('filterUnavailable', { what: t(x.label) })));

  const selected = new Set<string>();
  const bulkBar = bulk ? bulkForm(ctx, selected, role) : null;
  if (bulkBar) section.append(bulkBar.node);

  const caption = f.q ? t('captionSearch', { q: f.q, org: ctx.me.organisation.name })
    : t('caption', { org: ctx.me.organisation.name });
  const rows = items.map((c) => row(ctx, c, bulk, selected, () => bulkBar?.update()));
  const selectAll = h('input', { type: 'checkbox', id: 'select-all', 'aria-label': t('selectAll'),
    onchange: (ev: Event) => {
      const on = (ev.target as HTMLInputElement).checked;
      section.querySelectorAll<HTMLInputElement>('input[data-case]').forEach((b) => {
        b.checked = on;
        if (on) selected.add(b.dataset.case!);
        else selected.delete(b.dataset.case!);
      });
      bulkBar?.update();
    } });
  const cols: Key[] = ['colCase', 'colStatus', 'colKind', 'colScore', 'colPriority', 'colListing', 'colMarketplace',
    'colSeller', 'colJurisdiction', 'colDeadline', 'colDetected'];
  const table = h('table', { id: 'case-table' }, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, bulk ? h('th', { scope: 'col' }, selectAll) : null,
      ...cols.map((k) => h('th', { scope: 'col', className: k === 'colScore' || k === 'colPriority' ? 'num' : '' },
        t(k))))),
    h('tbody', { id: 'case-rows' }, ...rows));
  table.addEventListener('keydown', (ev) => arrowKeys(ev, table));
  section.append(h('div', { className: 'table-wrap' }, table));
  if (items.length === 0) section.append(h('p', { className: 'empty' }, t('noCases')));

  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  const to = (p: number) => formatRoute({ view: mode, params: { ...params, page: String(p) } });
  section.append(h('nav', { className: 'pager', 'aria-label': t('pages') },
    h('a', { href: to(page.page - 1), className: 'button-secondary', 'aria-disabled': page.page <= 1 ? 'true' : null,
      hidden: page.page <= 1 }, t('prev')),
    h('span', { 'aria-live': 'polite' }, t(page.total === 1 ? 'pageInfoOne' : 'pageInfo', { page: page.page, pages, total: page.total })),
    h('a', { href: to(page.page + 1), className: 'button-secondary', hidden: page.page >= pages }, t('next'))));

  live.on((u) => {
    const badge = section.querySelector<HTMLElement>(`[data-status-of="${CSS.escape(u.caseId)}"]`);
    // a change that leaves the status as it is (a hold, a comment) needs no announcement in the queue
    if (badge && !badge.classList.contains(u.status)) {
      badge.textContent = enumLabel(u.status);
      badge.className = `badge ${u.status}`;
      ctx.say(t('caseChanged', { id: u.caseId.slice(0, 8), status: u.status }));
    }
  });
  return section;
}

function filterForm(ctx: Ctx, f: QueueFilter, mode: 'queue' | 'notices'): HTMLElement {
  const select = (id: string, label: Key, values: string[], value?: string) => h('div', { className: 'filter' },
    h('label', { for: id }, t(label)), h('select', { id, name: id },
      h('option', { value: '' }, t('any')), ...values.map((v) => h('option', { value: v, selected: v === value },
        enumLabel(v)))));
  const number = (id: string, label: Key, value?: string) => h('div', { className: 'filter' },
    h('label', { for: id }, t(label)), h('input', { id, name: id, type: 'number', min: 0, max: 100, value: value ?? '',
      inputmode: 'numeric' }));
  const form = h('form', { className: 'filters', role: 'search', 'aria-label': t('filters'),
    onsubmit: (ev: Event) => {
      ev.preventDefault();
      const data = new FormData(form);
      const next: Record<string, string> = {};
      data.forEach((v, k) => {
        if (String(v).trim()) next[k] = String(v).trim();
      });
      ctx.go(formatRoute({ view: mode, params: next }));
    } },
  h('div', { className: 'filter grow' }, h('label', { for: 'q' }, t('searchLabel')),
    h('input', { id: 'q', name: 'q', type: 'search', maxlength: 256, placeholder: t('searchPlaceholder'),
      value: f.q ?? '' })),
  select('status', 'status', STATUSES, f.status),
  select('jurisdiction', 'jurisdiction', JURISDICTIONS, f.jurisdiction),
  mode === 'queue' ? h('div', { className: 'filter' }, h('label', { for: 'platform' }, t('platform')),
    h('input', { id: 'platform', name: 'platform', type: 'text', maxlength: 200, value: f.platform ?? '' })) : null,
  number('minPriority', 'minPriority', f.minPriority),
  number('dueWithinDays', 'dueWithin', f.dueWithinDays),
  h('div', { className: 'filter-actions' }, h('button', { type: 'submit', id: 'search-button' }, t('search')),
    h('a', { href: formatRoute({ view: mode, params: {} }), className: 'button-secondary' }, t('clear'))));
  return form;
}

function row(ctx: Ctx, c: CaseSummary, bulk: boolean, selected: Set<string>, changed: () => void): HTMLElement {
  const link = safeUrl(c.url);
  const due = c.nextDeadline ? remaining(c.nextDeadline, new Date()) : null;
  return h('tr', { 'data-case-row': c.id },
    bulk ? h('td', {}, h('input', { type: 'checkbox', 'data-case': c.id, 'aria-label': t('selectCase', { id: c.id.slice(0, 8) }),
      onchange: (ev: Event) => {
        if ((ev.target as HTMLInputElement).checked) selected.add(c.id);
        else selected.delete(c.id);
        changed();
      } })) : null,
    h('td', { className: 'id' }, h('a', { href: formatRoute({ view: 'case', id: c.id }), className: 'case-link',
      'aria-label': t('openCase', { id: c.id.slice(0, 8) }) }, c.id.slice(0, 8))),
    h('td', {}, h('span', { className: `badge ${c.status}`, 'data-status-of': c.id }, enumLabel(c.status)),
      c.legalHold ? holdBadge(c.id) : null),
    h('td', {}, enumLabel(c.kind)),
    h('td', { className: 'num' }, Number(c.score).toFixed(2)),
    h('td', { className: 'num' }, c.priority == null ? '' : Number(c.priority).toFixed(0)),
    h('td', { className: 'listing' }, link ? h('a', { href: link, target: '_blank', rel: 'noopener noreferrer nofollow' },
      c.title || link) : (c.title ?? ''),
    c.repeatInfringer ? h('span', { className: 'badge repeat' }, t('repeatInfringer')) : null),
    h('td', {}, c.marketplace),
    h('td', {}, c.sellerName || c.sellerId || ''),
    h('td', {}, c.jurisdiction),
    h('td', {}, due ? h('span', { className: due.overdue ? 'overdue' : '' },
      `${compact(due)} ${t(due.overdue ? 'overdue' : 'left')}`) : ''),
    h('td', {}, h('time', { datetime: c.detectedAt ?? '' }, when(c.detectedAt, locale()))));
  void ctx;
}

function holdBadge(caseId: string): HTMLElement {
  return h('span', { className: 'badge hold', title: t('legalHoldOn'), 'data-hold-of': caseId }, `⚖ ${t('holdBadge')}`);
}

/** Up/down arrows move between the rows' case links (one tab stop per row stays for screen-reader users). */
function arrowKeys(ev: KeyboardEvent, table: HTMLElement): void {
  if (ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp') return;
  const links = [...table.querySelectorAll<HTMLAnchorElement>('a.case-link')];
  const i = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (i < 0) return;
  ev.preventDefault();
  links[Math.min(links.length - 1, Math.max(0, i + (ev.key === 'ArrowDown' ? 1 : -1)))].focus();
}

interface BulkResult { caseId: string; ok: boolean; status?: string; error?: { type: string; message: string } }

function bulkForm(ctx: Ctx, selected: Set<string>, role: string): { node: HTMLElement; update(): void } {
  const count = h('span', { id: 'bulk-count', 'aria-live': 'polite' }, t('bulkSelected', { n: 0 }));
  const action = h('select', { id: 'bulk-action' }, ...(BULK_ACTIONS[role] ?? []).map((a) =>
    h('option', { value: a }, enumLabel(a))));
  const reason = h('input', { id: 'bulk-reason', type: 'text', maxlength: 2000 });
  const progress = h('progress', { id: 'bulk-progress', max: 1, value: 0, hidden: true });
  const run = h('button', { type: 'submit', id: 'bulk-run', disabled: true }, t('bulkRun'));
  const node = h('form', { className: 'bulk', 'aria-labelledby': 'bulk-title', onsubmit: async (ev: Event) => {
    ev.preventDefault();
    const ids = [...selected];
    if (!ids.length) return;
    run.disabled = true;
    progress.hidden = false;
    progress.max = ids.length;
    progress.value = 0;
    const results = await runBulk(ctx, ids, action.value, reason.value.trim(), (done) => {
      progress.value = done;
      ctx.say(t('bulkProgress', { done, total: ids.length }));
    });
    const ok = results.filter((r) => r.ok).length;
    ctx.say(t('bulkDone', { ok, failed: results.length - ok }), results.length !== ok);
    for (const r of results) {
      const badge = document.querySelector<HTMLElement>(`[data-status-of="${CSS.escape(r.caseId)}"]`);
      if (r.ok && r.status && badge) {
        badge.textContent = enumLabel(r.status);
        badge.className = `badge ${r.status}`;
      }
      // hold and release_hold leave the status as it is; the row's hold badge shows the change
      const hold = document.querySelector(`[data-hold-of="${CSS.escape(r.caseId)}"]`);
      if (r.ok && action.value === 'hold' && !hold) badge?.after(holdBadge(r.caseId));
      if (r.ok && action.value === 'release_hold') hold?.remove();
    }
    run.disabled = false;
  } },
  h('h3', { id: 'bulk-title' }, t('bulkTitle')), count,
  h('label', { for: 'bulk-action' }, t('bulkAction')), action,
  h('label', { for: 'bulk-reason' }, t('reason')), reason, run, progress);
  return { node, update: () => {
    count.textContent = t('bulkSelected', { n: selected.size });
    run.disabled = selected.size === 0 || action.options.length === 0;
  } };
}

/**
 * One request to the bulk endpoint when the server has it; otherwise the same actions one by one, so the progress
 * bar moves per case. Each case is authorised by the server exactly as a single transition.
 */
async function runBulk(ctx: Ctx, ids: string[], action: string, reason: string,
  progress: (done: number) => void): Promise<BulkResult[]> {
  const body = { caseIds: ids, action, ...(reason ? { reason } : {}) };
  try {
    const r = await ctx.api.post<{ results: BulkResult[] }>('/api/cases/bulk/transitions', body);
    progress(ids.length);
    return r.results;
  } catch (e) {
    if (!(e instanceof ApiError && e.unavailable)) {
      ctx.fail(e);
      return [];
    }
  }
  const out: BulkResult[] = [];
  for (const id of ids) {
    try {
      const r = await ctx.api.post<{ status: string }>(`/api/cases/${seg(id)}/transitions`,
        { action, ...(reason ? { reason } : {}) });
      out.push({ caseId: id, ok: true, status: r.status });
    } catch (e) {
      out.push({ caseId: id, ok: false, error: { type: 'error', message: e instanceof Error ? e.message : String(e) } });
    }
    progress(out.length);
  }
  return out;
}
