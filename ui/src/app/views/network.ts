import { ApiError, seg, type CaseDetail } from '../api';
import { circleLayout } from '../charts';
import { describe, type Ctx } from '../context';
import { h, s } from '../dom';
import { t } from '../i18n';

interface Network {
  networkId: string;
  nodes: { id: string; platform: string; seller: string; caseCount: number; repeatInfringer: boolean }[];
  edges: { from: string; to: string; reason: string; score: number }[];
}

/** The seller network of the case's seller (GET /api/cases/{id}/network), as an SVG graph plus a text list. */
export async function networkSection(ctx: Ctx, c: CaseDetail): Promise<HTMLElement> {
  const box = h('section', { className: 'panel network', 'aria-labelledby': 'network-title' },
    h('h3', { id: 'network-title' }, t('sectionNetwork')));
  let n: Network;
  try {
    n = await ctx.api.get<Network>(`/api/cases/${seg(c.id)}/network`);
  } catch (e) {
    box.append(h('p', { className: 'unavailable', id: 'network-unavailable' },
      e instanceof ApiError && e.unavailable ? t('unavailable') : describe(e)));
    return box;
  }
  if (n.nodes.length <= 1) {
    box.append(h('p', {}, t('networkEmpty')));
  }
  const W = 360;
  const H = 240;
  const pos = circleLayout(n.nodes.map((x) => x.id), W / 2, H / 2, Math.min(W, H) / 2 - 36);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'network-title',
    className: 'graph' });
  for (const e of n.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    svg.append(s('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, className: 'edge', 'stroke-width': 1 + 3 * e.score },
      s('title', {}, `${e.reason} (${e.score.toFixed(2)})`)));
  }
  for (const node of n.nodes) {
    const p = pos.get(node.id)!;
    svg.append(s('g', {}, s('circle', { cx: p.x, cy: p.y, r: 8 + Math.min(12, node.caseCount * 2),
      className: node.repeatInfringer ? 'node repeat' : 'node' }),
    s('text', { x: p.x, y: p.y + 26, 'text-anchor': 'middle', className: 'node-label' }, node.seller)));
  }
  box.append(svg, h('ul', { className: 'network-list' }, ...n.nodes.map((x) => h('li', {},
    `${x.seller} (${x.platform}) · ${x.caseCount} ${t('cases')}`,
    x.repeatInfringer ? h('span', { className: 'badge repeat' }, t('repeatInfringer')) : null))));
  return box;
}
