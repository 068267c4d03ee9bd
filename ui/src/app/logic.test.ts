import { describe, expect, it } from 'vitest';
import { canonical, GENESIS, sha256Hex, verifyChain } from './chain';
import { segments } from './highlight';
import { formatRoute, parseRoute } from './router';
import { queuePath } from './filters';
import { contradicted } from './filtercheck';
import { compact, remaining } from './time';
import { circleLayout, horizontalBars, stackedBars } from './charts';
import { TABLES, format } from './i18n';
import { navFor } from './roles';
import { detailsFrom } from './details';
import { assetFromForm } from './asset';
import { dashboardFromCases } from './dashboard';
import type { CaseSummary, EvidenceLink } from './api';

const summary = (o: Partial<CaseSummary>): CaseSummary => ({ id: 'c1', status: 'DETECTED', kind: 'BRAND_USE', score: 0.9,
  title: 't', url: null, marketplace: 'demo-market', sellerId: null, sellerName: null, listingId: 'l', assetId: 'a',
  ownerOrg: 'o', jurisdiction: 'US', detectedAt: '2026-11-20T10:00:00Z', version: 1, ...o });

describe('highlighted spans', () => {
  it('marks the matched characters of the field and keeps the rest as plain text', () => {
    const s = segments('Cheap NORDVlK parka', [{ field: 'title', start: 6, end: 13, text: 'NORDVlK' }], 'title');
    expect(s).toEqual([{ text: 'Cheap ', hit: false }, { text: 'NORDVlK', hit: true }, { text: ' parka', hit: false }]);
  });

  it('skips spans of other fields, out of range or overlapping, so the text is never garbled', () => {
    const s = segments('abcdef', [{ field: 'description', start: 0, end: 2, text: 'ab' },
      { field: 'title', start: 4, end: 99, text: '' }, { field: 'title', start: 1, end: 3, text: 'bc' },
      { field: 'title', start: 2, end: 4, text: 'cd' }], 'title');
    expect(s.map((x) => x.text).join('')).toBe('abcdef');
    expect(s.filter((x) => x.hit).map((x) => x.text)).toEqual(['bc']);
  });
});

describe('evidence chain check', () => {
  async function link(caseId: string, seq: number, prevHash: string): Promise<EvidenceLink> {
    const e: EvidenceLink = { seq, kind: 'SNAPSHOT', name: `page-${seq}.html`, sha256: 'ab'.repeat(32), bytes: 10 + seq,
      contentType: 'text/html', addedBy: 'system:ingest', addedAt: '2026-11-20T10:00:00.123Z', prevHash, entryHash: '' };
    return { ...e, entryHash: await sha256Hex(canonical(caseId, e)) };
  }

  it('accepts a chain whose links hash to their fields and bind to their predecessors', async () => {
    const a = await link('case-1', 1, GENESIS);
    const b = await link('case-1', 2, a.entryHash);
    expect(await verifyChain('case-1', [b, a])).toEqual({ intact: true, checked: 2, problems: [] });
  });

  it('names the link whose fields were changed and the one cut loose from its predecessor', async () => {
    const a = await link('case-1', 1, GENESIS);
    const b = await link('case-1', 2, a.entryHash);
    const status = await verifyChain('case-1', [{ ...a, bytes: 999 }, { ...b, prevHash: GENESIS }]);
    expect(status.intact).toBe(false);
    expect([...new Set(status.problems.map((p) => p.seq))]).toEqual([1, 2]);
  });

  it('hashes the canonical text exactly as SHA-256 does', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('routes', () => {
  it('round-trips the queue with filters and a case id', () => {
    const q = { view: 'queue' as const, params: { status: 'DETECTED', q: 'nordvik parka' } };
    expect(parseRoute(formatRoute(q))).toEqual(q);
    expect(parseRoute(formatRoute({ view: 'case', id: 'a/b' }))).toEqual({ view: 'case', id: 'a/b' });
  });

  it('falls back to the queue for an unknown path', () => {
    expect(parseRoute('#/nowhere')).toEqual({ view: 'queue', params: {} });
  });
});

describe('queue filters', () => {
  const now = new Date('2026-11-20T00:00:00Z');

  it('sends text searches to /api/search and the rest to /api/cases, with dueBefore as an instant', () => {
    expect(queuePath({ q: ' parka ', status: 'DETECTED' }, now)).toBe('/api/search?page=1&size=25&q=parka&status=DETECTED');
    expect(queuePath({ dueWithinDays: '2', minPriority: 'x' }, now))
      .toBe(`/api/cases?page=1&size=25&dueBefore=${encodeURIComponent('2026-11-22T00:00:00.000Z')}`);
  });

  it('notices a filter the server ignored and narrows the page by itself', () => {
    const items = [summary({ id: 'a', jurisdiction: 'CN' }), summary({ id: 'b', jurisdiction: 'US' })];
    const ignored = contradicted({ jurisdiction: 'CN', status: 'DETECTED' }, items, now);
    expect(ignored.map((x) => x.label)).toEqual(['jurisdiction']);
    expect(items.filter((c) => ignored.every((x) => x.keeps(c))).map((c) => c.id)).toEqual(['a']);
  });
});

describe('countdowns', () => {
  it('says how long is left and when a deadline has passed', () => {
    const now = new Date('2026-11-20T00:00:00Z');
    expect(compact(remaining('2026-11-23T04:30:00Z', now)!)).toBe('3d 4h');
    const late = remaining('2026-11-19T23:48:00Z', now)!;
    expect(late.overdue).toBe(true);
    expect(compact(late)).toBe('12m');
    expect(remaining('not a date', now)).toBeNull();
  });
});

describe('charts', () => {
  it('stacks each day\'s marketplaces and scales the tallest day to the full height', () => {
    const { bars, keys, max } = stackedBars([{ key: '2026-11-20', series: 'a', value: 3 },
      { key: '2026-11-20', series: 'b', value: 1 }, { key: '2026-11-19', series: 'a', value: 2 }], 100, 40);
    expect(keys).toEqual(['2026-11-19', '2026-11-20']);
    expect(max).toBe(4);
    const day2 = bars.filter((b) => b.key === '2026-11-20');
    expect(day2.reduce((s, b) => s + b.height, 0)).toBeCloseTo(40);
    expect(Math.min(...day2.map((b) => b.y))).toBeCloseTo(0);
  });

  it('scales horizontal bars and places network nodes on a circle', () => {
    expect(horizontalBars([{ label: 'x', value: 5 }, { label: 'y', value: 10 }], 200).map((b) => b.length)).toEqual([100, 200]);
    const p = circleLayout(['a', 'b'], 50, 50, 10);
    expect(p.get('a')).toEqual({ x: 50, y: 40 });
    expect(p.get('b')!.y).toBeCloseTo(60);
  });
});

describe('strings', () => {
  it('has every English string in Chinese too, with the same placeholders', () => {
    for (const [key, en] of Object.entries(TABLES.en)) {
      const zh = TABLES.zh[key as keyof typeof TABLES.en];
      expect(zh, key).toBeTruthy();
      expect((zh.match(/\{\w+\}/g) ?? []).sort(), key).toEqual((en.match(/\{\w+\}/g) ?? []).sort());
    }
    expect(format('{n} of {m}', { n: 1 })).toBe('1 of {m}');
  });
});

describe('role views', () => {
  it('offers platforms only their notices and rights holders their registry', () => {
    expect(navFor('PLATFORM')).toEqual(['notices']);
    expect(navFor('RIGHTS_HOLDER')).toContain('registry');
    expect(navFor('REGULATOR')).not.toContain('registry');
  });
});

describe('form bodies', () => {
  it('leaves empty details out and turns URL lines and the EU statement into their schema shapes', () => {
    expect(detailsFrom({ explanation: ' fake ', signature: '', goodFaith: true, goodFaithMistake: false,
      urls: 'http://a.example/1\nftp://x https://b.example/2', sorExplanation: 'illegal' })).toEqual({
      explanation: 'fake', goodFaith: true, urls: ['http://a.example/1', 'https://b.example/2'],
      statementOfReasons: { decisionGround: 'DECISION_GROUND_ILLEGAL_CONTENT', explanation: 'illegal',
        automatedDetection: true, automatedDecision: 'AUTOMATED_DECISION_NOT_AUTOMATED' } });
  });

  it('builds a trademark body and refuses a mark without Nice classes', () => {
    const ok = assetFromForm({ 'a-id': 'tm-x', 'a-type': 'TRADEMARK', 'a-mark': 'X', 'a-nice': '25, 18', 'a-jur': 'cn',
      'a-sellers': 'demo-market:x\n', 'a-prices': 'Parka; 289.00; usd' });
    expect(ok).toEqual({ id: 'tm-x', body: { type: 'TRADEMARK', mark: 'X', niceClasses: [25, 18], jurisdictions: ['CN'],
      authorizedSellers: ['demo-market:x'], referencePrices: [{ product: 'Parka', amount: '289.00', currency: 'USD' }] } });
    expect('error' in assetFromForm({ 'a-id': 'tm-x', 'a-type': 'TRADEMARK', 'a-mark': 'X', 'a-jur': 'CN' })).toBe(true);
  });
});

describe('dashboard without the server endpoint', () => {
  it('counts flags per day and marketplace within the period and cases by status', () => {
    const d = dashboardFromCases([summary({ detectedAt: '2026-11-19T10:00:00Z' }), summary({ detectedAt: '2026-11-19T11:00:00Z' }),
      summary({ detectedAt: '2026-09-01T00:00:00Z', status: 'CLOSED' })], 30, new Date('2026-11-20T00:00:00Z'));
    expect(d.flagsPerDay).toEqual([{ day: '2026-11-19', marketplace: 'demo-market', count: 2 }]);
    expect(d.casesByStatus).toEqual({ DETECTED: 2, CLOSED: 1 });
    expect(d.detectionToTakedown).toBeNull();
  });
});
