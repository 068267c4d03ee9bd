import { seg, type CaseDetail } from '../api';
import { describe, type Ctx } from '../context';
import { h } from '../dom';
import { t, type Key, enumLabel } from '../i18n';
import { ACTION_FIELDS } from '../roles';
import { detailsFrom, type FieldValues } from '../details';

const LONG = new Set(['explanation', 'primaFacieEvidence', 'declaration', 'urls', 'sorExplanation']);
const CHOICES: Record<string, string[]> = {
  measure: ['DELETE', 'BLOCK', 'DISCONNECT_LINKS', 'TERMINATE_TRANSACTIONS'],
  outcome: ['INFRINGING', 'NOT_INFRINGING', 'SETTLED', 'WITHDRAWN'],
};
const FLAGS = new Set(['goodFaith', 'accuracyUnderPenaltyOfPerjury', 'goodFaithMistake', 'consentToJurisdiction']);

/** The form for one workflow action: a reason and the legal fields the action can carry. */
export function actionForm(ctx: Ctx, c: CaseDetail, action: string, close: () => void): HTMLElement {
  let names = ACTION_FIELDS[action] ?? [];
  if (names.includes('statementOfReasons')) {
    names = names.filter((n) => n !== 'statementOfReasons').concat(c.jurisdiction === 'EU' ? ['sorExplanation'] : []);
  }
  const prefill: Record<string, string> = {
    notifierName: ctx.me.organisation.name,
    urls: c.url ?? '',
  };
  const controls = names.map((name) => {
    const id = `f-${name}`;
    const caption = t(`f_${name}` as Key);
    if (FLAGS.has(name)) {
      return h('div', { className: 'check' }, h('input', { type: 'checkbox', id, name }), h('label', { for: id }, caption));
    }
    if (CHOICES[name]) {
      return h('div', {}, h('label', { for: id }, caption), h('select', { id, name }, h('option', { value: '' }, '—'),
        ...CHOICES[name].map((v) => h('option', { value: v }, enumLabel(v)))));
    }
    return h('div', {}, h('label', { for: id }, caption), LONG.has(name)
      ? h('textarea', { id, name, rows: 3, maxlength: 5000 }, prefill[name] ?? '')
      : h('input', { id, name, type: name === 'notifierEmail' ? 'email' : 'text', maxlength: 300,
        value: prefill[name] ?? '' }));
  });
  const form: HTMLFormElement = h('form', { className: 'action-form', id: 'action-form', 'data-action': action,
    'aria-labelledby': 'action-form-title', onsubmit: async (ev: Event) => {
      ev.preventDefault();
      const values: FieldValues = {};
      new FormData(form).forEach((v, k) => {
        values[k] = String(v);
      });
      for (const f of FLAGS) if (names.includes(f)) values[f] = (form.elements.namedItem(f) as HTMLInputElement).checked;
      const reason = String(values.reason ?? '').trim();
      delete values.reason;
      const details = detailsFrom(values);
      const body = { action, expectedVersion: c.version, ...(reason ? { reason } : {}),
        ...(Object.keys(details).length ? { details } : {}) };
      submit.disabled = true;
      ctx.say(t('actionRunning'));
      try {
        const r = await ctx.api.post<{ status: string }>(`/api/cases/${seg(c.id)}/transitions`, body);
        close();
        ctx.go(location.hash);
        setTimeout(() => ctx.say(t('actionDone', { action: enumLabel(action), status: r.status })), 50);
      } catch (e) {
        ctx.say(describe(e), true);
        submit.disabled = false;
      }
    } },
  h('h4', { id: 'action-form-title' }, t('fieldsFor', { action: enumLabel(action) })),
  h('label', { for: 'f-reason' }, t('reason')), h('input', { id: 'f-reason', name: 'reason', type: 'text', maxlength: 2000 }),
  ...controls);
  const submit = h('button', { type: 'submit', id: 'action-submit' }, t('submit'));
  form.append(h('div', { className: 'form-actions' }, submit,
    h('button', { type: 'button', className: 'button-secondary', onclick: close }, t('cancel'))));
  form.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') close();
  });
  return form;
}
