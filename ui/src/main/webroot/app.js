// IPWatch casework portal. Plain browser JavaScript, no build step, no third-party code.
// Everything shown from the API is inserted as text (textContent), never as HTML, and only http(s) links are made.
'use strict';

(() => {
  const TOKEN_KEY = 'ipwatch.casework.token';
  const PAGE_SIZE = 20;
  const $ = (id) => document.getElementById(id);

  const state = { token: null, me: null, page: 1, total: 0, query: '', status: '' };

  // --- API ----------------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, body) {
      super(body && body.message ? body.message : `Request failed (${status})`);
      this.status = status;
      this.correlationId = body && body.correlationId;
    }
  }

  async function api(path, token = state.token, body = undefined) {
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const init = { headers, credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.method = 'POST';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, { message: 'The server cannot be reached. Check your connection and try again.' });
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }

  // --- small DOM helpers --------------------------------------------------------------------------------------

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'className') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c == null) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function safeUrl(url) {
    try {
      const u = new URL(url);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function when(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
  }

  function say(message, isError = false) {
    const s = $('status');
    s.textContent = message || '';
    s.classList.toggle('error', Boolean(isError));
  }

  function sayError(e) {
    const ref = e.correlationId ? ` (reference ${e.correlationId})` : '';
    say(`${e.message}${ref}`, true);
  }

  function show(section) {
    for (const id of ['signin', 'cases', 'detail']) $(id).hidden = id !== section;
  }

  // --- sign-in ------------------------------------------------------------------------------------------------

  async function signIn(token) {
    say('Signing in…');
    try {
      const me = await api('/api/me', token);
      state.token = token;
      state.me = me;
      sessionStorage.setItem(TOKEN_KEY, token);
      $('org-name').textContent = me.organisation.name;
      $('org-role').textContent = roleLabel(me.organisation.role);
      $('whoami').hidden = false;
      $('token-input').value = '';
      say('');
      show('cases');
      state.page = 1;
      await loadCases();
      $('main').focus();
    } catch (e) {
      if (e.status === 401) say('That token was not accepted. It may have expired; ask for a new one.', true);
      else sayError(e);
    }
  }

  function signOut(message) {
    state.token = null;
    state.me = null;
    sessionStorage.removeItem(TOKEN_KEY);
    $('whoami').hidden = true;
    $('case-rows').replaceChildren();
    show('signin');
    say(message || 'Signed out.');
    loadDemoRoles();
    $('token-input').focus();
  }

  function roleLabel(role) {
    return {
      REGULATOR: 'Regulator',
      COURT: 'Court',
      RIGHTS_HOLDER: 'Rights holder',
      PLATFORM: 'Platform',
      ADMIN: 'Administrator',
    }[role] || role;
  }

  // The demo endpoint exists only on a local demo server; anywhere else it answers 404 and nothing is shown.
  async function loadDemoRoles() {
    let data;
    try {
      data = await api('/api/demo/tokens', null);
    } catch (e) {
      $('demo').hidden = true;
      return;
    }
    const list = $('demo-roles');
    list.replaceChildren(...data.tokens.map((t) => el('button', {
      type: 'button',
      className: 'button-secondary',
      onclick: () => signIn(t.token),
    }, `${roleLabel(t.role)}`, el('small', {}, t.organisation))));
    $('demo').hidden = data.tokens.length === 0;
  }

  // --- case list and search -----------------------------------------------------------------------------------

  async function loadCases() {
    const params = new URLSearchParams({ page: String(state.page), size: String(PAGE_SIZE) });
    let path;
    if (state.query) {
      params.set('q', state.query);
      path = `/api/search?${params}`;
    } else {
      if (state.status) params.set('status', state.status);
      path = `/api/cases?${params}`;
    }
    say('Loading cases…');
    try {
      const page = await api(path);
      state.total = page.total;
      renderCases(page);
      say('');
    } catch (e) {
      if (e.status === 401) signOut('Your session has ended. Please sign in again.');
      else sayError(e);
    }
  }

  function renderCases(page) {
    const rows = page.items.map((c) => {
      const link = safeUrl(c.url);
      const title = link
        ? el('a', { href: link, target: '_blank', rel: 'noopener noreferrer nofollow' }, c.title || c.url,
          el('span', { className: 'visually-hidden' }, ' (opens the listing in a new tab)'))
        : (c.title || '');
      return el('tr', {},
        el('td', { className: 'id' }, el('button', {
          type: 'button',
          className: 'button-secondary',
          'aria-label': `Open case ${c.id}`,
          onclick: () => openCase(c.id),
        }, c.id.slice(0, 8))),
        el('td', {}, el('span', { className: `badge ${c.status}` }, c.status.replaceAll('_', ' '))),
        el('td', {}, c.kind.replaceAll('_', ' ')),
        el('td', { className: 'num' }, Number(c.score).toFixed(2)),
        el('td', {}, title),
        el('td', {}, c.marketplace),
        el('td', {}, c.sellerName || c.sellerId || ''),
        el('td', {}, el('time', { datetime: c.detectedAt || '' }, when(c.detectedAt))));
    });
    $('case-rows').replaceChildren(...rows);
    $('empty').hidden = rows.length > 0;
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    $('page-info').textContent = `Page ${page.page} of ${pages} · ${page.total} case${page.total === 1 ? '' : 's'}`;
    $('prev-page').disabled = page.page <= 1;
    $('next-page').disabled = page.page >= pages;
    $('case-caption').textContent = state.query
      ? `Search results for “${state.query}” among cases visible to ${state.me.organisation.name}`
      : `Cases visible to ${state.me.organisation.name}${state.status ? `, status ${state.status}` : ''}`;
    $('search-clear').hidden = !state.query;
    $('status-filter').disabled = Boolean(state.query);
  }

  // --- case detail --------------------------------------------------------------------------------------------

  async function openCase(id) {
    say('Loading case…');
    try {
      const c = await api(`/api/cases/${encodeURIComponent(id)}`);
      renderDetail(c);
      show('detail');
      say('');
      $('detail-title').focus();
    } catch (e) {
      if (e.status === 401) signOut('Your session has ended. Please sign in again.');
      else sayError(e);
    }
  }

  function renderDetail(c) {
    $('detail-title').textContent = `Case ${c.id}`;
    const link = safeUrl(c.url);
    const fields = [
      ['Status', c.status],
      ['Kind', c.kind],
      ['Score', Number(c.score).toFixed(2)],
      ['Listing', link ? el('a', { href: link, target: '_blank', rel: 'noopener noreferrer nofollow' }, c.title || link)
        : c.title],
      ['Marketplace', c.marketplace],
      ['Seller', [c.sellerName, c.sellerId].filter(Boolean).join(' · ')],
      ['Asset', c.assetId],
      ['Rights holder', c.ownerOrg],
      ['Jurisdiction', c.jurisdiction],
      ['Detected', when(c.detectedAt)],
      ['Matcher', c.matcherVersion],
      ['Snapshot SHA-256', c.snapshot && c.snapshot.sha256],
    ];
    $('detail-fields').replaceChildren(...fields.filter(([, v]) => v).flatMap(([k, v]) => [
      el('dt', {}, k), el('dd', {}, v)]));
    const signals = (c.signals || []).map((s) =>
      el('li', {}, `${s.type} (weight ${Number(s.weight).toFixed(2)})${s.detail ? `: ${s.detail}` : ''}`));
    $('detail-signals').replaceChildren(...(signals.length ? signals : [el('li', {}, 'No signals recorded.')]));
    $('detail-events').replaceChildren(...(c.events || []).map((e) => el('li', {},
      el('time', { datetime: e.at }, when(e.at)), `${e.type} by ${e.actor}${e.reason ? ` — ${e.reason}` : ''}`)));
    renderWorkflow(c);
  }

  function renderWorkflow(c) {
    const deadlines = (c.deadlines || []).map((d) => el('li', {},
      `${d.kind}: ${d.action} at `, el('time', { datetime: d.dueAt }, when(d.dueAt)), ` (${d.basis})`));
    if (c.legalHold) deadlines.unshift(el('li', {}, 'Legal hold: automatic restoration is stopped.'));
    $('detail-deadlines').replaceChildren(...(deadlines.length ? deadlines : [el('li', {}, 'No pending deadline.')]));
    const actions = c.allowedActions || [];
    $('action-form').hidden = actions.length === 0;
    $('no-actions').hidden = actions.length !== 0;
    $('action-buttons').replaceChildren(...actions.map((a) => {
      const b = el('button', { type: 'button' }, a.replace(/_/g, ' '));
      b.addEventListener('click', () => takeAction(c, a));
      return b;
    }));
  }

  async function takeAction(c, action) {
    let details;
    const text = $('action-details').value.trim();
    try {
      details = text ? JSON.parse(text) : undefined;
    } catch (e) {
      say('The details are not valid JSON.', true);
      return;
    }
    const body = { action, expectedVersion: c.version };
    const reason = $('action-reason').value.trim();
    if (reason) body.reason = reason;
    if (details !== undefined) body.details = details;
    say(`Taking action: ${action}…`);
    try {
      await api(`/api/cases/${encodeURIComponent(c.id)}/transitions`, state.token, body);
      $('action-reason').value = '';
      $('action-details').value = '';
      await openCase(c.id);
      say(`Done: ${action}.`);
    } catch (e) {
      if (e.status === 401) signOut('Your session has ended. Please sign in again.');
      else sayError(e);
    }
  }

  // --- wiring -------------------------------------------------------------------------------------------------

  function wire() {
    $('token-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const token = $('token-input').value.trim().replace(/^Bearer\s+/i, '');
      if (token) signIn(token);
    });
    $('sign-out').addEventListener('click', () => signOut());
    $('search-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      state.query = $('search-input').value.trim();
      state.page = 1;
      loadCases();
    });
    $('search-clear').addEventListener('click', () => {
      $('search-input').value = '';
      state.query = '';
      state.page = 1;
      loadCases();
      $('search-input').focus();
    });
    $('status-filter').addEventListener('change', (ev) => {
      state.status = ev.target.value;
      state.page = 1;
      loadCases();
    });
    $('prev-page').addEventListener('click', () => {
      if (state.page > 1) {
        state.page -= 1;
        loadCases();
      }
    });
    $('next-page').addEventListener('click', () => {
      state.page += 1;
      loadCases();
    });
    $('detail-close').addEventListener('click', () => {
      show('cases');
      $('case-rows').querySelector('button')?.focus();
    });
    document.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && !$('detail').hidden) $('detail-close').click();
    });
  }

  wire();
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) {
    signIn(saved);
  } else {
    show('signin');
    loadDemoRoles();
  }
})();
