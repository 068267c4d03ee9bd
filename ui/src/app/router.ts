// Hash routes: the server serves one page, so deep links (#/cases/<id>) survive a reload without server routes.

export type Route =
  | { view: 'login' }
  | { view: 'queue'; params: Record<string, string> }
  | { view: 'case'; id: string }
  | { view: 'registry' }
  | { view: 'subscriptions' }
  | { view: 'dashboard' }
  | { view: 'accuracy' }
  | { view: 'notices'; params: Record<string, string> };

const SIMPLE = ['login', 'registry', 'subscriptions', 'dashboard', 'accuracy'] as const;

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const [path, query = ''] = h.split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params: Record<string, string> = {};
  new URLSearchParams(query).forEach((v, k) => {
    if (v !== '') params[k] = v;
  });
  if (parts[0] === 'cases' && parts.length === 2) return { view: 'case', id: parts[1] };
  if (parts[0] === 'cases' || parts.length === 0) return { view: 'queue', params };
  if (parts[0] === 'notices') return { view: 'notices', params };
  const simple = SIMPLE.find((s) => s === parts[0]);
  return simple ? ({ view: simple } as Route) : { view: 'queue', params };
}

export function formatRoute(r: Route): string {
  switch (r.view) {
    case 'case':
      return `#/cases/${encodeURIComponent(r.id)}`;
    case 'queue':
    case 'notices': {
      const q = new URLSearchParams(Object.entries(r.params).filter(([, v]) => v !== '')).toString();
      return `#/${r.view === 'queue' ? 'cases' : 'notices'}${q ? `?${q}` : ''}`;
    }
    default:
      return `#/${r.view}`;
  }
}
