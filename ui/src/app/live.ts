import { t } from './i18n';

export interface CaseUpdate {
  caseId: string;
  status: string;
  version: number;
  listingId: string;
  assetId: string;
  marketplace: string;
  jurisdiction: string;
  createdAt: string;
}

type Listener = (u: CaseUpdate) => void;

/**
 * Server-sent events from GET /api/events (case.updated, alert). EventSource cannot send headers, so the token goes
 * in ?access_token= on this one route. A probe first tells "not offered by this server" (404/405) from a dropped
 * connection, which EventSource retries by itself (with Last-Event-ID).
 */
export class LiveUpdates {
  private source: EventSource | null = null;
  private listeners = new Set<Listener>();
  state: 'off' | 'on' | 'unavailable' = 'off';

  async start(token: string, say: (m: string, e?: boolean) => void): Promise<void> {
    this.stop();
    const url = `/api/events?access_token=${encodeURIComponent(token)}`;
    const probe = new AbortController();
    try {
      const r = await fetch('/api/events', { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        signal: probe.signal });
      const ok = r.ok && (r.headers.get('Content-Type') ?? '').startsWith('text/event-stream');
      probe.abort();
      if (!ok) {
        this.state = 'unavailable';
        return;
      }
    } catch {
      this.state = 'unavailable';
      return;
    }
    this.source = new EventSource(url);
    this.state = 'on';
    this.source.addEventListener('case.updated', (ev) => {
      try {
        const u = JSON.parse((ev as MessageEvent).data) as CaseUpdate;
        this.listeners.forEach((l) => l(u));
      } catch {
        /* a malformed event is ignored; the next one or a reload shows the truth */
      }
    });
    this.source.addEventListener('alert', (ev) => {
      try {
        const a = JSON.parse((ev as MessageEvent).data) as { type?: string; caseId?: string; title?: string };
        say(t('alert', { text: [a.type, a.title, a.caseId].filter(Boolean).join(' · ') }));
      } catch {
        /* ignored as above */
      }
    });
  }

  stop(): void {
    this.source?.close();
    this.source = null;
    this.state = 'off';
  }

  /** Subscribes; the returned function unsubscribes (views call it when they are replaced). */
  on(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Drops every listener: called on navigation so a replaced view stops reacting. */
  clear(): void {
    this.listeners.clear();
  }
}
