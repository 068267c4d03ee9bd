import type { Api } from '../api';
import { h } from '../dom';
import { t, type Key } from '../i18n';

interface DemoToken { key: string; organisation: string; role: string; token: string }

/** Sign-in: paste a token, or (local demo server only) pick a demo party. */
export async function loginView(api: Api, signIn: (token: string) => Promise<void>): Promise<HTMLElement> {
  const input = h('textarea', { id: 'token-input', rows: 4, spellcheck: 'false', autocomplete: 'off', required: true,
    'aria-describedby': 'token-help' });
  const form = h('form', { id: 'token-form', onsubmit: (ev: Event) => {
    ev.preventDefault();
    const v = input.value.trim().replace(/^Bearer\s+/i, '');
    if (v) void signIn(v);
  } }, h('label', { for: 'token-input' }, t('token')), h('p', { id: 'token-help', className: 'help' }, t('tokenHelp')),
  input, h('button', { type: 'submit' }, t('signIn')));
  const section = h('section', { className: 'panel', 'aria-labelledby': 'signin-title' },
    h('h2', { id: 'signin-title' }, t('signInTitle')), form);
  try {
    const demo = await api.get<{ tokens: DemoToken[] }>('/api/demo/tokens', '');
    if (demo.tokens.length) {
      section.append(h('fieldset', { className: 'demo' }, h('legend', {}, t('demoLegend')),
        h('p', { className: 'help' }, t('demoHelp')),
        h('div', { className: 'demo-roles' }, ...demo.tokens.map((d) => h('button', {
          type: 'button', className: 'button-secondary', 'data-demo': d.key, onclick: () => void signIn(d.token),
        }, t(`role${d.role}` as Key), h('small', {}, d.organisation))))));
    }
  } catch {
    // not a demo server: only the token form
  }
  return section;
}
