// The casework API client: one place that adds the bearer token, reads {type, message, correlationId} errors and
// tells "this server does not offer the endpoint" (404/405 on a route, not on an object) apart from other failures.

export type Role = 'REGULATOR' | 'COURT' | 'RIGHTS_HOLDER' | 'PLATFORM' | 'ADMIN';

export interface Me {
  userId: string;
  organisation: { id: string; name: string; role: Role; marketplace?: string | null; jurisdictions: string[] };
}

export interface CaseSummary {
  id: string;
  status: string;
  kind: string;
  score: number;
  title: string | null;
  url: string | null;
  marketplace: string;
  sellerId: string | null;
  sellerName: string | null;
  listingId: string;
  assetId: string;
  ownerOrg: string;
  jurisdiction: string;
  detectedAt: string | null;
  updatedAt?: string | null;
  version: number;
  priority?: number | null;
  legalHold?: boolean;
  nextDeadline?: string | null;
  platform?: string | null;
  networkId?: string | null;
  repeatInfringer?: boolean;
  relatedCaseId?: string | null;
}

export interface Span { field: string; start: number; end: number; text: string }
export interface ClaimElement { claim: number; element: string; listingText: string | null }
export interface Signal { type: string; weight: number; detail?: string | null }
export interface Deadline { kind: string; action: string; dueAt: string; latestAt?: string | null; basis: string }
export interface CaseEvent { at: string; actor: string; type: string; reason?: string | null }

export interface CaseDetail extends CaseSummary {
  signals: Signal[];
  evidence: { spans?: Span[]; claimChart?: ClaimElement[] } | null;
  snapshot: { sha256: string; bytes: number; contentType: string } | null;
  price: { amount: string; currency: string } | null;
  events: CaseEvent[];
  deadlines: Deadline[];
  allowedActions: string[];
  matcherVersion?: string;
  regulatorOrg?: string | null;
  referredToOrg?: string | null;
  outcome?: string | null;
}

export interface Page<T> { items: T[]; total: number; page: number; size: number }

export interface EvidenceLink {
  seq: number; kind: string; name: string; sha256: string; bytes: number; contentType: string; addedBy: string;
  addedAt: string; prevHash: string; entryHash: string;
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly type?: string, readonly correlationId?: string,
    readonly allowed?: string[]) {
    super(message);
  }

  /**
   * For endpoints that take no object id (or whose object is already known to be visible): the server does not
   * offer the route. The API answers an unknown route with the same 404 as a missing object, by design.
   */
  get unavailable(): boolean {
    return this.status === 404 || this.status === 405;
  }
}

export type TokenSource = () => string | null;

export class Api {
  constructor(private readonly token: TokenSource, private readonly fetchFn: typeof fetch = (...a) => fetch(...a)) {}

  get<T>(path: string, token?: string): Promise<T> {
    return this.send<T>('GET', path, undefined, token);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.send<T>('PUT', path, body, undefined, headers);
  }

  delete<T>(path: string): Promise<T> {
    return this.send<T>('DELETE', path);
  }

  /** The raw response, for bodies that are not JSON (the stored snapshot). */
  async raw(path: string): Promise<Response> {
    const t = this.token();
    const response = await this.fetchFn(path, { headers: t ? { Authorization: `Bearer ${t}` } : {} });
    if (!response.ok) throw await toError(response);
    return response;
  }

  private async send<T>(method: string, path: string, body?: unknown, token?: string,
    extra: Record<string, string> = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...extra };
    const t = token ?? this.token();
    if (t) headers.Authorization = `Bearer ${t}`;
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await this.fetchFn(path, init);
    } catch {
      throw new ApiError(0, 'network');
    }
    if (!response.ok) throw await toError(response);
    return (await response.json().catch(() => null)) as T;
  }
}

async function toError(response: Response): Promise<ApiError> {
  let body: { type?: string; message?: string; correlationId?: string; allowed?: string[] } | null = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return new ApiError(response.status, body?.message ?? `HTTP ${response.status}`, body?.type,
    body?.correlationId, body?.allowed);
}

/** A path segment, encoded. */
export const seg = (s: string): string => encodeURIComponent(s);
