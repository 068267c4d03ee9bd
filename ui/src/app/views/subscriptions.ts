import { ApiError, seg } from '../api';
import { describe, type Ctx } from '../context';
import { h } from '../dom';
import { t, enumLabel } from '../i18n';

interface Subscription {
  id: string; assetIds?: string[]; minScore?: number; kinds?: string[]; marketplaces?: string[];
  jurisdictions?: string[]; events?: string[]; channel: string; endpointId?: string | null;
}

const EVENTS = ['CASE_OPENED', 'RELISTING', 'DEADLINE_APPROACHING'];
const csv = (s: FormDataEntryValue | null) => String(s ?? '').split(/[,\s]+/).map((x) => x.trim()).filter(Boolean);

/** A rights holder's alert subscriptions (GET/POST/DELETE /api/subscriptions). */
export async function subscriptionsView(ctx: Ctx): Promise<HTMLElement> {
  const box = h('section', { className: 'subscriptions', 'aria-labelledby': 'subs-title' },
    h('h2', { id: 'subs-title' }, t('subsTitle')));
  let items: Subscription[];
  try {
    items = (await ctx.api.get<{ items: Subscription[] }>('/api/subscriptions')).items;
  } catch (e) {
    box.append(h('p', { className: 'unavailable', id: 'subs-unavailable' },
      e instanceof ApiError && e.unavailable ? t('unavailable') : describe(e)));
    return box;
  }
  box.append(items.length ? h('ul', { className: 'subs' }, ...items.map((s) => h('li', {},
    h('strong', {}, `${s.channel}`), ` · ${(s.events ?? []).join(', ')} · ${(s.assetIds ?? []).join(', ')}`,
    s.minScore != null ? ` · ≥ ${s.minScore}` : '',
    ' ', h('button', { type: 'button', className: 'button-secondary', onclick: async () => {
      try {
        await ctx.api.delete(`/api/subscriptions/${seg(s.id)}`);
        ctx.go(location.hash);
      } catch (e) {
        ctx.fail(e);
      }
    } }, t('removeAsset'))))) : h('p', { className: 'empty' }, t('noSubs')));

  const form: HTMLFormElement = h('form', { className: 'panel', id: 'sub-form', 'aria-labelledby': 'sub-add',
    onsubmit: async (ev: Event) => {
      ev.preventDefault();
      const d = new FormData(form);
      const body: Record<string, unknown> = { assetIds: csv(d.get('s-assets')), events: d.getAll('s-events').map(String),
        channel: String(d.get('s-channel')), kinds: csv(d.get('s-kinds')), marketplaces: csv(d.get('s-markets')),
        jurisdictions: csv(d.get('s-jur')).map((j) => j.toUpperCase()) };
      const min = String(d.get('s-min') ?? '').trim();
      if (min) body.minScore = Number(min);
      const endpoint = String(d.get('s-endpoint') ?? '').trim();
      if (endpoint) body.endpointId = endpoint;
      try {
        await ctx.api.post('/api/subscriptions', body);
        ctx.go(location.hash);
      } catch (e) {
        ctx.say(describe(e), true);
      }
    } },
  h('h3', { id: 'sub-add' }, t('subsAdd')),
  h('label', { for: 's-assets' }, t('assets')), h('input', { id: 's-assets', name: 's-assets', type: 'text' }),
  h('label', { for: 's-min' }, t('minScore')), h('input', { id: 's-min', name: 's-min', type: 'number', min: 0, max: 1,
    step: 0.05, value: '0.8' }),
  h('label', { for: 's-kinds' }, t('kinds')), h('input', { id: 's-kinds', name: 's-kinds', type: 'text' }),
  h('label', { for: 's-markets' }, t('marketplaces')), h('input', { id: 's-markets', name: 's-markets', type: 'text' }),
  h('label', { for: 's-jur' }, t('jurisdictions')), h('input', { id: 's-jur', name: 's-jur', type: 'text' }),
  h('fieldset', {}, h('legend', {}, t('events')), ...EVENTS.map((e) => h('div', { className: 'check' },
    h('input', { type: 'checkbox', id: `s-ev-${e}`, name: 's-events', value: e, checked: true }),
    h('label', { for: `s-ev-${e}` }, enumLabel(e))))),
  h('label', { for: 's-channel' }, t('channel')), h('select', { id: 's-channel', name: 's-channel' },
    h('option', { value: 'sse' }, 'sse'), h('option', { value: 'webhook' }, 'webhook')),
  h('label', { for: 's-endpoint' }, t('endpointId')), h('input', { id: 's-endpoint', name: 's-endpoint', type: 'text' }),
  h('button', { type: 'submit' }, t('save')));
  box.append(form);
  return box;
}
