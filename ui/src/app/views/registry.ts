import { seg } from '../api';
import { describe, type Ctx } from '../context';
import { h } from '../dom';
import { t } from '../i18n';
import { assetFromForm } from '../asset';

interface Versioned { version: number; asset: Record<string, unknown> & { assetId: string; type: string } }

/** A rights holder's registry: their marks and patents, and a form to add or replace one. */
export async function registryView(ctx: Ctx): Promise<HTMLElement> {
  const box = h('section', { className: 'registry', 'aria-labelledby': 'reg-title' },
    h('h2', { id: 'reg-title' }, t('registryTitle')));
  let items: Versioned[] = [];
  try {
    items = (await ctx.api.get<{ items: Versioned[] }>('/api/registry/assets')).items;
  } catch (e) {
    ctx.fail(e);
  }
  box.append(h('div', { className: 'table-wrap' }, h('table', { id: 'assets' },
    h('caption', {}, t('registryTitle')),
    h('thead', {}, h('tr', {}, ...['assetId', 'assetType', 'mark', 'jurisdictions', 'authorizedSellers',
      'referencePrices', 'removeAsset'].map((k) => h('th', { scope: 'col' }, t(k as Parameters<typeof t>[0]).split(' (')[0])))),
    h('tbody', {}, ...items.map((v) => {
      const a = v.asset;
      const prices = (a.referencePrices as { product: string; amount: string; currency: string }[] | undefined) ?? [];
      return h('tr', { 'data-asset': a.assetId }, h('td', {}, `${a.assetId} (v${v.version})`), h('td', {}, a.type),
        h('td', {}, String(a.mark ?? a.title ?? '')), h('td', {}, ((a.jurisdictions as string[]) ?? []).join(', ')),
        h('td', {}, ((a.authorizedSellers as string[]) ?? []).join(', ')),
        h('td', {}, prices.map((p) => `${p.product}: ${p.amount} ${p.currency}`).join('; ')),
        h('td', {}, h('button', { type: 'button', className: 'button-secondary', onclick: async () => {
          try {
            await ctx.api.delete(`/api/registry/assets/${seg(a.assetId)}`);
            ctx.go(location.hash);
            setTimeout(() => ctx.say(t('removed', { id: a.assetId })), 50);
          } catch (e) {
            ctx.fail(e);
          }
        } }, t('removeAsset'))));
    })))));
  if (!items.length) box.append(h('p', { className: 'empty' }, t('noAssets')));

  const field = (id: string, label: Parameters<typeof t>[0], long = false, extra: Record<string, string> = {}) =>
    h('div', {}, h('label', { for: id }, t(label)), long ? h('textarea', { id, name: id, rows: 3 })
      : h('input', { id, name: id, type: 'text', ...extra }));
  const type = h('select', { id: 'a-type', name: 'a-type' }, h('option', { value: 'TRADEMARK' }, 'TRADEMARK'),
    h('option', { value: 'PATENT' }, 'PATENT'));
  const form: HTMLFormElement = h('form', { className: 'panel asset-form', id: 'asset-form', 'aria-labelledby': 'add-title',
    onsubmit: async (ev: Event) => {
      ev.preventDefault();
      const values: Record<string, string> = {};
      new FormData(form).forEach((v, k) => {
        values[k] = String(v);
      });
      const parsed = assetFromForm(values);
      if ('error' in parsed) {
        ctx.say(parsed.error, true);
        return;
      }
      try {
        const r = await ctx.api.put<Versioned>(`/api/registry/assets/${seg(parsed.id)}`, parsed.body);
        ctx.go(location.hash);
        setTimeout(() => ctx.say(t('saved', { id: parsed.id, version: r.version })), 50);
      } catch (e) {
        ctx.say(describe(e), true);
      }
    } },
  h('h3', { id: 'add-title' }, t('registryAdd')),
  field('a-id', 'assetId', false, { required: 'true', pattern: '[A-Za-z0-9._:\\-]{1,100}' }),
  h('div', {}, h('label', { for: 'a-type' }, t('assetType')), type),
  field('a-mark', 'mark'), field('a-nice', 'niceClasses'), field('a-jur', 'jurisdictions', false, { required: 'true' }),
  field('a-sellers', 'authorizedSellers', true), field('a-prices', 'referencePrices', true),
  field('a-title', 'patentTitle'), field('a-claims', 'claims', true), field('a-expires', 'expires'),
  h('button', { type: 'submit', id: 'asset-save' }, t('save')));
  box.append(form);
  return box;
}
