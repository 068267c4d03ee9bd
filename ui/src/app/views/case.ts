import { ApiError, seg, type CaseDetail, type EvidenceLink } from '../api';
import { verifyChain } from '../chain';
import { describe, type Ctx } from '../context';
import { h, safeUrl } from '../dom';
import { segments } from '../highlight';
import { locale, t, type Key, enumLabel } from '../i18n';
import type { LiveUpdates } from '../live';
import { formatRoute } from '../router';
import { compact, remaining, when } from '../time';
import { actionForm } from './actions';
import { networkSection } from './network';

/**
 * One case: the listing as captured (sandboxed snapshot), why it was flagged, claim chart, seller network, deadlines,
 * evidence with its hash-chain status, the timeline, and only the actions the server says this caller may take.
 */
export async function caseView(ctx: Ctx, id: string, live: LiveUpdates): Promise<HTMLElement> {
  live.clear();
  const back = formatRoute(ctx.me.organisation.role === 'PLATFORM' ? { view: 'notices', params: {} }
    : { view: 'queue', params: {} });
  let c: CaseDetail;
  try {
    c = await ctx.api.get<CaseDetail>(`/api/cases/${seg(id)}`);
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) ctx.fail(e);
    return h('section', { className: 'panel', 'aria-labelledby': 'case-title' },
      h('h2', { id: 'case-title' }, t('caseTitle', { id: id.slice(0, 36) })),
      h('p', { className: 'not-found', role: 'alert', id: 'case-not-found' }, t('notFound')),
      h('a', { href: back }, t('backToQueue')));
  }
  const section = h('section', { className: 'case', 'aria-labelledby': 'case-title', 'data-case-id': c.id },
    h('div', { className: 'toolbar' }, h('h2', { id: 'case-title' }, c.title || t('caseTitle', { id: c.id })),
      h('a', { href: back, className: 'button-secondary', id: 'back' }, t('backToQueue'))),
    fields(c));

  const isPlatform = ctx.me.organisation.role === 'PLATFORM';
  if (isPlatform) section.append(await noticeSection(ctx, c));
  section.append(actionsSection(ctx, c));
  const grid = h('div', { className: 'case-grid' });
  section.append(grid);
  grid.append(await snapshotSection(ctx, c), explanationSection(c));
  if (c.evidence?.claimChart?.length) grid.append(claimSection(c));
  grid.append(deadlineSection(c), await evidenceSection(ctx, c), await networkSection(ctx, c), timelineSection(c));

  live.on((u) => {
    if (u.caseId === c.id && u.version !== c.version && section.isConnected) {
      ctx.say(t('caseChanged', { id: c.id.slice(0, 8), status: u.status }));
      ctx.go(location.hash);
    }
  });
  return section;
}

function fields(c: CaseDetail): HTMLElement {
  const link = safeUrl(c.url);
  const rows: [Key, Node | string | null | undefined][] = [
    ['fieldStatus', h('span', { className: `badge ${c.status}`, id: 'case-status' }, enumLabel(c.status))],
    ['fieldKind', c.kind],
    ['fieldScore', Number(c.score).toFixed(2)],
    ['fieldPriority', c.priority == null ? null : Number(c.priority).toFixed(1)],
    ['fieldListing', link ? h('a', { href: link, target: '_blank', rel: 'noopener noreferrer nofollow' }, link) : c.url],
    ['fieldMarketplace', c.marketplace],
    ['fieldSeller', [c.sellerName, c.sellerId].filter(Boolean).join(' · ')],
    ['fieldPrice', c.price ? `${c.price.amount} ${c.price.currency}` : null],
    ['fieldAsset', c.assetId],
    ['fieldOwner', c.ownerOrg],
    ['fieldJurisdiction', c.jurisdiction],
    ['fieldDetected', when(c.detectedAt, locale())],
    ['fieldRelistingOf', c.relatedCaseId
      ? h('a', { href: formatRoute({ view: 'case', id: c.relatedCaseId }), id: 'related-case' }, c.relatedCaseId)
      : null],
    ['fieldRepeat', c.repeatInfringer ? h('span', { className: 'badge repeat' }, t('repeatInfringer')) : null],
  ];
  return h('dl', { className: 'fields' }, ...rows.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, t(k)),
    h('dd', {}, v as Node | string)]));
}

function actionsSection(ctx: Ctx, c: CaseDetail): HTMLElement {
  const box = h('section', { className: 'panel actions', 'aria-labelledby': 'actions-title' },
    h('h3', { id: 'actions-title' }, t('sectionActions')));
  if (!c.allowedActions.length) {
    box.append(h('p', { className: 'help', id: 'no-actions' }, t('noActions')));
    return box;
  }
  const formSlot = h('div', {});
  box.append(h('div', { className: 'action-buttons', role: 'group', 'aria-label': t('sectionActions') },
    ...c.allowedActions.map((a) => h('button', { type: 'button', 'data-action': a, onclick: () => {
      formSlot.replaceChildren(actionForm(ctx, c, a, () => formSlot.replaceChildren()));
      formSlot.querySelector<HTMLElement>('textarea, input, select')?.focus();
    } }, enumLabel(a)))), formSlot);
  return box;
}

async function snapshotSection(ctx: Ctx, c: CaseDetail): Promise<HTMLElement> {
  const box = h('section', { className: 'panel snapshot', 'aria-labelledby': 'snapshot-title' },
    h('h3', { id: 'snapshot-title' }, t('sectionListing')), h('p', { className: 'help' }, t('snapshotHelp')));
  let links: EvidenceLink[] = [];
  try {
    links = (await ctx.api.get<{ items: EvidenceLink[] }>(`/api/cases/${seg(c.id)}/evidence`)).items;
  } catch {
    links = [];
  }
  const snap = links.find((l) => l.kind === 'SNAPSHOT') ?? null;
  if (!snap) {
    box.append(h('p', { className: 'unavailable' }, t('unavailable')));
    return box;
  }
  try {
    const r = await ctx.api.raw(`/api/cases/${seg(c.id)}/evidence/${seg(String(snap.seq))}/content`);
    const html = await r.text();
    // No allow-scripts, no allow-same-origin: the page runs nothing and reaches nothing of ours. srcdoc (not a URL)
    // because the content needs the bearer token, which an iframe cannot send; the frame also inherits this page's
    // CSP, so the snapshot cannot load anything from the marketplace either.
    const frame = h('iframe', { sandbox: '', title: t('snapshotTitle'), id: 'snapshot-frame', referrerpolicy: 'no-referrer',
      loading: 'lazy' });
    frame.srcdoc = html;
    box.append(frame);
  } catch (e) {
    box.append(h('p', { className: 'unavailable', id: 'snapshot-unavailable' },
      e instanceof ApiError && e.unavailable ? t('unavailable') : describe(e)));
  }
  return box;
}

function explanationSection(c: CaseDetail): HTMLElement {
  const spans = c.evidence?.spans ?? [];
  const title = c.title ?? '';
  const box = h('section', { className: 'panel explanation', 'aria-labelledby': 'why-title' },
    h('h3', { id: 'why-title' }, t('sectionExplanation')));
  if (title) {
    box.append(h('p', { className: 'highlighted', id: 'highlighted-title' }, ...segments(title, spans, 'title').map((s) =>
      s.hit ? h('mark', {}, s.text) : s.text)));
  }
  const others = spans.filter((s) => s.field !== 'title');
  if (others.length) {
    box.append(h('ul', { className: 'spans' }, ...others.map((s) => h('li', {}, h('mark', {}, s.text), ' ',
      h('small', {}, t('matchedIn', { field: s.field }))))));
  }
  const signals = c.signals ?? [];
  box.append(h('ul', { className: 'signals' }, ...(signals.length ? signals.map((s) => h('li', {},
    h('strong', {}, enumLabel(s.type)), ` (${t('weight')} ${Number(s.weight).toFixed(2)})`,
    s.detail ? `: ${s.detail}` : '')) : [h('li', {}, t('noSignals'))])));
  return box;
}

function claimSection(c: CaseDetail): HTMLElement {
  const chart = c.evidence?.claimChart ?? [];
  return h('section', { className: 'panel claims', 'aria-labelledby': 'claims-title' },
    h('h3', { id: 'claims-title' }, t('sectionClaims')),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('claimNo')),
      h('th', { scope: 'col' }, t('claimElement')), h('th', { scope: 'col' }, t('claimListing')))),
    h('tbody', {}, ...chart.map((e) => h('tr', { className: e.listingText ? 'met' : 'unmet' },
      h('td', { className: 'num' }, e.claim), h('td', {}, e.element),
      h('td', {}, e.listingText ? h('mark', {}, e.listingText) : t('notMet')))))));
}

function deadlineSection(c: CaseDetail): HTMLElement {
  const list = h('ul', { className: 'deadlines', id: 'deadlines' });
  const draw = () => {
    const now = new Date();
    const items: HTMLElement[] = c.deadlines.map((d) => {
      const r = remaining(d.dueAt, now);
      return h('li', {}, h('strong', {}, `${enumLabel(d.kind)}: ${d.action}`), ' — ',
        h('time', { datetime: d.dueAt }, when(d.dueAt, locale())),
        r ? h('span', { className: `countdown ${r.overdue ? 'overdue' : ''}` },
          ` (${compact(r)} ${t(r.overdue ? 'overdue' : 'left')})`) : null,
        d.latestAt ? h('small', {}, ` · ${t('latest')} ${when(d.latestAt, locale())}`) : null,
        h('div', { className: 'help' }, d.basis));
    });
    if (c.legalHold) items.unshift(h('li', { className: 'hold' }, t('legalHoldOn')));
    list.replaceChildren(...(items.length ? items : [h('li', {}, t('noDeadline'))]));
  };
  draw();
  const timer = window.setInterval(() => (list.isConnected ? draw() : window.clearInterval(timer)), 30000);
  return h('section', { className: 'panel', 'aria-labelledby': 'deadlines-title' },
    h('h3', { id: 'deadlines-title' }, t('sectionDeadlines')), list);
}

async function evidenceSection(ctx: Ctx, c: CaseDetail): Promise<HTMLElement> {
  const box = h('section', { className: 'panel evidence', 'aria-labelledby': 'evidence-title' },
    h('h3', { id: 'evidence-title' }, t('sectionEvidence')));
  let links: EvidenceLink[];
  try {
    links = (await ctx.api.get<{ items: EvidenceLink[] }>(`/api/cases/${seg(c.id)}/evidence`)).items;
  } catch (e) {
    box.append(h('p', { className: 'unavailable' }, describe(e)));
    return box;
  }
  if (!links.length) {
    box.append(h('p', {}, t('chainEmpty')));
    return box;
  }
  const status = await verifyChain(c.id, links);
  box.append(h('p', { className: `chain ${status.intact ? 'intact' : 'broken'}`, id: 'chain-status', role: 'status' },
    status.intact ? `✔ ${t('chainIntact', { n: status.checked })}`
      : `✘ ${t('chainBroken', { problems: status.problems.map((p) => `#${p.seq} ${p.problem}`).join('; ') })}`));
  box.append(h('ol', { className: 'chain-links' }, ...links.map((l) => h('li', {},
    h('strong', {}, `${l.kind} · ${l.name}`), ` · ${l.contentType} · ${l.bytes} B · `,
    h('time', { datetime: l.addedAt }, when(l.addedAt, locale())), ` · ${l.addedBy}`,
    h('div', { className: 'hash' }, h('abbr', { title: 'SHA-256' }, 'sha256'), ` ${l.sha256}`),
    h('div', { className: 'hash' }, `entry ${l.entryHash}`)))));
  box.append(h('button', { type: 'button', className: 'button-secondary', id: 'export', onclick: async () => {
    try {
      const r = await ctx.api.raw(`/api/cases/${seg(c.id)}/evidence/export`);
      const url = URL.createObjectURL(await r.blob());
      const a = h('a', { href: url, download: `evidence-${c.id}.zip` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) {
      ctx.fail(e);
    }
  } }, t('exportBundle')));
  return box;
}

function timelineSection(c: CaseDetail): HTMLElement {
  return h('section', { className: 'panel', 'aria-labelledby': 'timeline-title' },
    h('h3', { id: 'timeline-title' }, t('sectionTimeline')),
    h('ol', { className: 'events', id: 'timeline' }, ...c.events.map((e) => h('li', {},
      h('time', { datetime: e.at }, when(e.at, locale())), ' ', h('strong', {}, e.type), ` — ${e.actor}`,
      e.reason ? h('div', { className: 'help' }, e.reason) : null))));
}

interface Notice {
  noticeId: string; sentAt: string; legalBasis: string; explanation?: string; urls?: string[];
  notifier?: { organisation?: string; name?: string; email?: string }; goodFaithStatement?: boolean;
  details?: Record<string, unknown>;
}

async function noticeSection(ctx: Ctx, c: CaseDetail): Promise<HTMLElement> {
  const box = h('section', { className: 'panel notice', 'aria-labelledby': 'notice-title' },
    h('h3', { id: 'notice-title' }, t('sectionNotice')));
  try {
    const n = await ctx.api.get<Notice>(`/api/cases/${seg(c.id)}/notice`);
    const rows: [Key, string][] = [
      ['noticeSent', when(n.sentAt, locale())],
      ['noticeFrom', [n.notifier?.organisation, n.notifier?.name, n.notifier?.email].filter(Boolean).join(' · ')],
      ['noticeBasis', n.legalBasis ?? ''],
      ['noticeExplanation', n.explanation ?? ''],
      ['noticeUrls', (n.urls ?? []).join(' ')],
      ['goodFaith', n.goodFaithStatement ? t('yes') : t('no')],
    ];
    box.append(h('dl', { className: 'fields', id: 'notice-fields' }, ...rows.filter(([, v]) => v).flatMap(([k, v]) =>
      [h('dt', {}, t(k)), h('dd', {}, v)])));
  } catch (e) {
    box.append(h('p', { className: 'unavailable' }, describe(e)));
  }
  return box;
}
