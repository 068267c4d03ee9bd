import { ApiError, type CaseSummary, type Page } from '../api';
import { horizontalBars, stackedBars } from '../charts';
import { dashboardFromCases, type Dashboard } from '../dashboard';
import { describe, type Ctx } from '../context';
import { h, s } from '../dom';
import { enumLabel, t } from '../i18n';

interface Networks { items: { networkId: string; sellers: number; cases: number; platforms: string[] }[] }

const PALETTE = ['#1f6feb', '#d97706', '#0f766e', '#9333ea', '#be123c', '#4d7c0f'];

/** Charts over the cases the caller may see: flags per day, takedown time, counter-notice rate, top networks. */
export async function dashboardView(ctx: Ctx): Promise<HTMLElement> {
  const days = 30;
  const box = h('section', { className: 'dashboard', 'aria-labelledby': 'dash-title' },
    h('h2', { id: 'dash-title' }, t('dashTitle')));
  let d: Dashboard;
  let partial = false;
  try {
    d = await ctx.api.get<Dashboard>(`/api/dashboard?days=${days}`);
  } catch (e) {
    if (!(e instanceof ApiError && e.unavailable)) {
      box.append(h('p', { className: 'unavailable' }, describe(e)));
      return box;
    }
    d = dashboardFromCases(await someCases(ctx), days, new Date());
    partial = true;
  }
  if (partial) box.append(h('p', { className: 'note', id: 'dash-partial' }, `/api/dashboard: ${t('unavailable')}`));
  const grid = h('div', { className: 'dash-grid' });
  box.append(grid);
  grid.append(flagsChart(d), takedownCard(d), counterCard(d), statusChart(d), await networksCard(ctx));
  return box;
}

async function someCases(ctx: Ctx): Promise<CaseSummary[]> {
  const out: CaseSummary[] = [];
  for (let page = 1; page <= 5; page++) {
    const p = await ctx.api.get<Page<CaseSummary>>(`/api/cases?page=${page}&size=100`);
    out.push(...p.items);
    if (out.length >= p.total || p.items.length === 0) break;
  }
  return out;
}

function card(id: string, title: string, ...body: (Node | string)[]): HTMLElement {
  return h('figure', { className: 'panel chart', 'aria-labelledby': id }, h('figcaption', { id }, title), ...body);
}

function flagsChart(d: Dashboard): HTMLElement {
  const W = 520;
  const H = 180;
  const data = d.flagsPerDay.map((x) => ({ key: x.day, series: x.marketplace, value: x.count }));
  if (!data.length) return card('c-flags', t('dashFlags'), h('p', {}, t('noData')));
  const { bars, keys, series, max } = stackedBars(data, W - 40, H - 30);
  const color = (name: string) => PALETTE[series.indexOf(name) % PALETTE.length];
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'c-flags', className: 'svg-chart' },
    s('line', { x1: 36, y1: H - 30, x2: W, y2: H - 30, className: 'axis' }),
    s('text', { x: 30, y: 12, 'text-anchor': 'end', className: 'tick' }, String(max)),
    s('text', { x: 30, y: H - 30, 'text-anchor': 'end', className: 'tick' }, '0'),
    ...bars.map((b) => s('rect', { x: 40 + b.x, y: b.y, width: b.width, height: b.height, fill: color(b.series) },
      s('title', {}, `${b.key} · ${b.series}: ${b.value}`))),
    s('text', { x: 40, y: H - 12, className: 'tick' }, keys[0] ?? ''),
    keys.length > 1 ? s('text', { x: W, y: H - 12, 'text-anchor': 'end', className: 'tick' }, keys[keys.length - 1]) : null);
  const legend = h('ul', { className: 'legend' }, ...series.map((name) => h('li', {},
    h('span', { className: 'swatch', 'data-color': color(name) }), name)));
  legend.querySelectorAll<HTMLElement>('.swatch').forEach((el) => {
    el.style.background = el.dataset.color ?? '';
  });
  const table = h('table', { className: 'visually-hidden' }, h('caption', {}, t('dashFlags')),
    h('tbody', {}, ...d.flagsPerDay.map((x) => h('tr', {}, h('td', {}, x.day), h('td', {}, x.marketplace),
      h('td', {}, x.count)))));
  return card('c-flags', t('dashFlags'), svg, legend, table);
}

function takedownCard(d: Dashboard): HTMLElement {
  const x = d.detectionToTakedown;
  if (!x) return card('c-takedown', t('dashTakedown'), h('p', { className: 'unavailable' }, t('unavailable')));
  if (!x.count) return card('c-takedown', t('dashTakedown'), h('p', {}, t('noData')));
  const bars = horizontalBars([{ label: t('median'), value: x.p50Hours ?? 0 }, { label: t('p90'), value: x.p90Hours ?? 0 }],
    300);
  const svg = s('svg', { viewBox: '0 0 420 70', role: 'img', 'aria-labelledby': 'c-takedown', className: 'svg-chart' },
    ...bars.flatMap((b, i) => [s('text', { x: 0, y: 22 + i * 30, className: 'tick' }, b.label),
      s('rect', { x: 110, y: 8 + i * 30, width: Math.max(1, b.length), height: 20, className: 'bar' }),
      s('text', { x: 116 + b.length, y: 22 + i * 30, className: 'tick' }, `${b.value.toFixed(1)} ${t('hours')}`)]));
  return card('c-takedown', t('dashTakedown'), svg, h('p', { className: 'help' }, `${x.count} ${t('takedowns')}`));
}

function counterCard(d: Dashboard): HTMLElement {
  if (d.counterNoticeRate == null) {
    return card('c-counter', t('dashCounter'), h('p', { className: 'unavailable' }, t('unavailable')));
  }
  const rate = Math.max(0, Math.min(1, d.counterNoticeRate));
  const r = 40;
  const len = 2 * Math.PI * r;
  const svg = s('svg', { viewBox: '0 0 120 120', role: 'img', 'aria-labelledby': 'c-counter', className: 'svg-chart donut' },
    s('circle', { cx: 60, cy: 60, r, className: 'donut-bg' }),
    s('circle', { cx: 60, cy: 60, r, className: 'donut-fg', 'stroke-dasharray': `${rate * len} ${len}`,
      transform: 'rotate(-90 60 60)' }),
    s('text', { x: 60, y: 66, 'text-anchor': 'middle', className: 'donut-label' }, `${(rate * 100).toFixed(0)}%`));
  return card('c-counter', t('dashCounter'), svg);
}

function statusChart(d: Dashboard): HTMLElement {
  const entries = Object.entries(d.casesByStatus).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return card('c-status', t('dashByStatus'), h('p', {}, t('noData')));
  const bars = horizontalBars(entries.map(([label, value]) => ({ label, value })), 260);
  const svg = s('svg', { viewBox: `0 0 420 ${bars.length * 24 + 8}`, role: 'img', 'aria-labelledby': 'c-status',
    className: 'svg-chart' }, ...bars.flatMap((b, i) => [
    s('text', { x: 0, y: 20 + i * 24, className: 'tick' }, enumLabel(b.label)),
    s('rect', { x: 120, y: 6 + i * 24, width: Math.max(1, b.length), height: 18, className: 'bar' }),
    s('text', { x: 126 + b.length, y: 20 + i * 24, className: 'tick' }, String(b.value))]));
  return card('c-status', t('dashByStatus'), svg);
}

async function networksCard(ctx: Ctx): Promise<HTMLElement> {
  try {
    const n = await ctx.api.get<Networks>('/api/networks?limit=10');
    if (!n.items.length) return card('c-networks', t('dashNetworks'), h('p', {}, t('noData')));
    const bars = horizontalBars(n.items.map((x) => ({ label: x.networkId.slice(0, 12), value: x.cases })), 160);
    const svg = s('svg', { viewBox: `0 0 440 ${bars.length * 24 + 8}`, role: 'img', 'aria-labelledby': 'c-networks',
      className: 'svg-chart' }, ...bars.flatMap((b, i) => [
      s('text', { x: 0, y: 20 + i * 24, className: 'tick' }, b.label),
      s('rect', { x: 120, y: 6 + i * 24, width: Math.max(1, b.length), height: 18, className: 'bar alt' }),
      s('text', { x: 126 + b.length, y: 20 + i * 24, className: 'tick' },
        t('networkBar', { cases: b.value, sellers: n.items[i].sellers }))]));
    return card('c-networks', t('dashNetworks'), svg);
  } catch (e) {
    return card('c-networks', t('dashNetworks'), h('p', { className: 'unavailable' },
      e instanceof ApiError && e.unavailable ? t('unavailable') : describe(e)));
  }
}
