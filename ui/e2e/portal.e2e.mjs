// End-to-end test of the casework portal in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core)
// against a running local stack with demo data. Usage:
//   node e2e/portal.e2e.mjs --base-url http://127.0.0.1:8080 --out target/screenshots
// Prints "OK <check>" per check and "PORTAL E2E PASSED <n> checks" at the end; exit code 1 with "FAIL <why>" otherwise.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) =>
  (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const BASE = (args['base-url'] ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const OUT = resolve(args.out ?? 'target/screenshots');
const CHROMIUM = args.chromium ?? '/usr/bin/chromium';
const PATIENCE = Number(args['patience-ms'] ?? 120000);
mkdirSync(OUT, { recursive: true });

let checks = 0;
function ok(what) {
  checks += 1;
  console.log(`OK ${what}`);
}
function check(condition, what) {
  if (!condition) throw new Error(what);
  ok(what);
}

async function api(path, token, init = {}) {
  const r = await fetch(`${BASE}${path}`, { ...init, headers: { Accept: 'application/json',
    ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) } });
  return { status: r.status, body: await r.json().catch(() => null) };
}

async function eventually(what, fn) {
  const until = Date.now() + PATIENCE;
  let last;
  while (Date.now() < until) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`gave up waiting: ${what}`);
}

async function allCases(token) {
  const out = [];
  for (let page = 1; ; page++) {
    const r = await api(`/api/cases?page=${page}&size=100`, token);
    if (r.status !== 200) throw new Error(`GET /api/cases answered ${r.status}`);
    out.push(...r.body.items);
    if (out.length >= r.body.total || r.body.items.length === 0) return out;
  }
}

const userDataDir = mkdtempSync(join(tmpdir(), 'ipwatch-portal-e2e-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1360, height: 900 },
});
const pageErrors = [];

async function newPage(label) {
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  page.on('pageerror', (e) => pageErrors.push(`${label}: ${e.message}`));
  page.on('console', (m) => {
    // the snapshot's own scripts, styles and images are blocked on purpose (sandbox, inherited CSP)
    if (m.type() === 'error' && !/Content Security Policy|Failed to load resource|about:srcdoc/.test(m.text())) {
      pageErrors.push(`${label}: console: ${m.text()}`);
    }
  });
  return page;
}

async function signInAs(page, key) {
  await page.goto(`${BASE}/`);
  await page.click(`button[data-demo="${key}"]`);
  await page.waitForSelector('#org-name');
}

async function shot(page, name) {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  console.log(`SCREENSHOT ${join(OUT, `${name}.png`)}`);
}

/** Every form control on the page has a label a screen reader announces. */
async function everyControlLabelled(page, where) {
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((e) => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
      && !e.getAttribute('aria-labelledby'))
    .map((e) => e.id || e.name || e.outerHTML.slice(0, 60)));
  check(unlabelled.length === 0, `every form control on the ${where} has a label ${JSON.stringify(unlabelled)}`);
}

try {
  const demo = await api('/api/demo/tokens');
  check(demo.status === 200 && demo.body.tokens.length >= 4, 'the demo server offers demo tokens');
  const token = Object.fromEntries(demo.body.tokens.map((x) => [x.key, x.token]));

  // --- a rights holder sees only their own cases and cannot open another's by URL --------------------------------
  const lumora = await eventually('a case of the second rights holder', async () => (await allCases(token['rights-holder-2']))[0]);
  const nordvikCases = await eventually('cases of the first rights holder', async () => {
    const c = await allCases(token['rights-holder']);
    return c.length ? c : null;
  });
  const holder = await newPage('rights-holder');
  await signInAs(holder, 'rights-holder');
  await holder.waitForSelector('#case-rows tr');
  const shown = await holder.$$eval('#case-rows tr', (rows) => rows.map((r) => r.getAttribute('data-case-row')));
  const own = new Set(nordvikCases.map((c) => c.id));
  check(shown.length > 0 && shown.every((id) => own.has(id)), `the rights holder's queue lists only own cases (${shown.length} shown)`);
  check(!shown.includes(lumora.id), 'the other rights holder\'s case is not in the list');
  await everyControlLabelled(holder, 'rights holder\'s queue');
  await shot(holder, '01-rights-holder-queue');

  await holder.goto(`${BASE}/#/cases/${lumora.id}`);
  await holder.waitForSelector('#case-not-found');
  check(await holder.isVisible('#case-not-found'), 'opening another rights holder\'s case by URL shows "not found"');
  check(!(await holder.isVisible('[data-action]')), 'and offers no action on it');
  await shot(holder, '02-rights-holder-foreign-case-not-found');

  // the registry: add a mark in CN (re-matched against the crawled listings, it opens CN cases the regulator can take up)
  await holder.goto(`${BASE}/#/registry`);
  await holder.waitForSelector('#asset-form');
  await everyControlLabelled(holder, 'registry');
  await holder.fill('#a-id', 'tm-nordvik-cn');
  await holder.fill('#a-mark', 'NORDVIK');
  await holder.fill('#a-nice', '25');
  await holder.fill('#a-jur', 'CN');
  await holder.fill('#a-sellers', 'demo-market:nordvik-official');
  await holder.fill('#a-prices', 'Nordvik Fjell parka; 2099.00; CNY');
  await holder.click('#asset-save');
  await holder.waitForSelector('tr[data-asset="tm-nordvik-cn"]');
  ok('the rights holder registers a mark from the registry view');
  await shot(holder, '03-rights-holder-registry');

  await holder.goto(`${BASE}/#/accuracy`);
  await holder.waitForSelector('#accuracy');
  ok('the rights holder sees their notifier accuracy');
  await holder.goto(`${BASE}/#/subscriptions`);
  await holder.waitForSelector('#sub-form, #subs-unavailable');
  ok('the subscriptions view loads (or says the server lacks it)');

  // --- an official searches for a counterfeit, opens it, sees the evidence and sends a notice ---------------------
  const target = await eventually('a CN case of the new mark, visible to the regulator', async () =>
    (await allCases(token.regulator)).find((c) => c.assetId === 'tm-nordvik-cn' && c.jurisdiction === 'CN'
      && c.status === 'DETECTED'));
  const official = await newPage('regulator');
  await signInAs(official, 'regulator');
  await official.waitForSelector('#case-table');
  await everyControlLabelled(official, 'official\'s queue');
  // keyboard: arrow keys move between case links
  await official.focus('a.case-link');
  const before = await official.evaluate(() => document.activeElement?.textContent);
  await official.keyboard.press('ArrowDown');
  const after = await official.evaluate(() => document.activeElement?.textContent);
  check(before !== after && (await official.evaluate(() => document.activeElement?.classList.contains('case-link'))),
    'the down arrow moves the focus to the next case');
  // bulk action with progress: a legal hold on two cases at once
  const pick = await official.$$eval(`input[data-case]:not([data-case="${target.id}"])`,
    (boxes) => boxes.slice(0, 2).map((b) => b.getAttribute('data-case')));
  for (const id of pick) await official.check(`input[data-case="${id}"]`);
  await official.selectOption('#bulk-action', 'hold');
  await official.fill('#bulk-reason', 'Preserve while the bureau investigates the seller network');
  await official.click('#bulk-run');
  await official.waitForFunction((ids) => ids.every((id) => document.querySelector(`[data-hold-of="${id}"]`)), pick);
  check(await official.evaluate(() => document.querySelector('#bulk-progress')?.value === 2),
    'the bulk action\'s progress bar reached 2 of 2');
  for (const id of pick) {
    check(await official.isVisible(`[data-hold-of="${id}"]`), `the queue marks case ${id.slice(0, 8)} as on legal hold`);
    check((await api(`/api/cases/${id}`, token.regulator)).body.legalHold === true, `the bulk hold reached case ${id.slice(0, 8)}`);
  }
  await official.focus('#case-title, #queue-title');
  await official.keyboard.press('/');
  check(await official.evaluate(() => document.activeElement?.id === 'q'), 'the "/" key jumps to the search field');
  await shot(official, '04-official-queue');

  await eventually('the search finds the counterfeit', async () => {
    await official.fill('#q', target.title);
    await official.selectOption('#jurisdiction', 'CN');
    await official.click('#search-button');
    await official.waitForSelector('#case-table');
    return (await official.$(`tr[data-case-row="${target.id}"]`)) !== null;
  });
  ok('the official finds the counterfeit by full-text search with the CN filter');
  await shot(official, '05-official-search');

  await official.click(`tr[data-case-row="${target.id}"] a.case-link`);
  await official.waitForSelector('#chain-status');
  check((await official.textContent('#chain-status')).includes('✔'), 'the evidence hash chain verifies in the browser');
  check(await official.isVisible('#highlighted-title mark'), 'the match explanation highlights the matched span');
  const frame = await official.$('#snapshot-frame');
  if (frame) {
    check((await frame.getAttribute('sandbox')) === '', 'the snapshot is shown in a sandbox without scripts');
    const snapshot = await (await frame.contentFrame()).evaluate(() => document.body?.innerText ?? '');
    check(snapshot.trim().length > 0, 'the stored snapshot of the listing is rendered');
  } else {
    ok('the snapshot content endpoint is not on this server: the page says so');
  }
  const actions = await official.$$eval('[data-action]', (b) => b.map((x) => x.getAttribute('data-action')));
  check(actions.includes('take_up') && !actions.includes('confirm') && !actions.includes('remove'),
    `the official is offered only the actions the server allows (${actions.join(', ')})`);
  await everyControlLabelled(official, 'case page');
  await shot(official, '06-official-case');

  await official.click('button[data-action="take_up"]');
  await official.fill('#f-reason', 'Counterfeit NORDVIK parkas, own-initiative action (E-Commerce Law Art. 45)');
  await official.fill('#f-explanation', 'The listing sells counterfeit goods bearing the registered mark NORDVIK.');
  await official.fill('#f-primaFacieEvidence', 'Stored page snapshot, seller not authorised, price far below reference.');
  await everyControlLabelled(official, 'notice form');
  await shot(official, '07-official-notice-form');
  await official.click('#action-submit');
  await official.waitForFunction(() => document.querySelector('#case-status')?.textContent === 'NOTICE SENT');
  ok('the official sends the notice and the case shows NOTICE SENT');
  await shot(official, '08-official-notice-sent');

  await official.goto(`${BASE}/#/dashboard`);
  await official.waitForSelector('#c-flags');
  ok('the dashboard draws its charts');
  await shot(official, '09-official-dashboard');

  await official.goto(`${BASE}/#/cases`);
  await official.selectOption('#lang', 'zh');
  await official.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  check((await official.textContent('#queue-title')) === '案件队列', 'the portal switches to Chinese');
  await shot(official, '10-official-queue-zh');
  await official.selectOption('#lang', 'en');

  // --- a platform answers the notice ---------------------------------------------------------------------------
  const platform = await newPage('platform');
  await signInAs(platform, 'platform');
  await platform.waitForSelector('#case-table');
  check((await platform.$$eval('nav.nav a', (a) => a.map((x) => x.dataset.nav))).join() === 'notices',
    'the platform\'s navigation offers only its notices');
  check(await platform.isVisible('nav.nav a[data-nav="notices"][aria-current="page"]'), 'the notices tab is marked current');
  await platform.waitForSelector(`tr[data-case-row="${target.id}"]`);
  ok('the notice appears among the platform\'s notices');
  await shot(platform, '11-platform-notices');
  await platform.click(`tr[data-case-row="${target.id}"] a.case-link`);
  await platform.waitForSelector('#notice-fields');
  check((await platform.textContent('#notice-fields')).includes('NORDVIK'), 'the platform reads the notice');
  await platform.click('button[data-action="remove"]');
  await platform.selectOption('#f-measure', 'DELETE');
  await platform.fill('#f-reason', 'Listing deleted after the regulator\'s notice');
  await shot(platform, '12-platform-answer-form');
  await platform.click('#action-submit');
  await platform.waitForFunction(() => document.querySelector('#case-status')?.textContent === 'REMOVED');
  ok('the platform answers with a removal and the case shows REMOVED');
  await shot(platform, '13-platform-removed');
  const after2 = await api(`/api/cases/${target.id}`, token.regulator);
  check(after2.body.status === 'REMOVED', 'the server agrees: the case is REMOVED');

  check(pageErrors.length === 0, `no script errors in the pages ${JSON.stringify(pageErrors)}`);
  console.log(`PORTAL E2E PASSED ${checks} checks`);
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
  process.exit(0);
} catch (e) {
  console.log(`FAIL ${e instanceof Error ? e.message : e}`);
  if (pageErrors.length) console.log(`PAGE ERRORS ${JSON.stringify(pageErrors)}`);
  for (const p of context.pages()) {
    await p.screenshot({ path: join(OUT, `failure-${context.pages().indexOf(p)}.png`), fullPage: true }).catch(() => {});
  }
  await context.close().catch(() => {});
  rmSync(userDataDir, { recursive: true, force: true });
  process.exit(1);
}
