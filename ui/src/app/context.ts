import { Api, ApiError, type Me } from './api';
import { t } from './i18n';

/** What every view gets: the API client, the signed-in party, and the shared status line. */
export interface Ctx {
  api: Api;
  me: Me;
  token: string;
  say(message: string, isError?: boolean): void;
  fail(e: unknown): void;
  go(hash: string): void;
}

/** A user-facing sentence for an API failure, with the correlation id support staff ask for. */
export function describe(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return t('network');
    if (e.status === 404) return t('notFound');
    const allowed = e.allowed?.length ? ` (${e.allowed.join(', ')})` : '';
    return `${e.message}${allowed}${e.correlationId ? ` — ${t('reference')} ${e.correlationId}` : ''}`;
  }
  return e instanceof Error ? e.message : String(e);
}
