import type { Role } from './api';

export type NavItem = 'queue' | 'notices' | 'dashboard' | 'registry' | 'subscriptions' | 'accuracy';

/** What each role's navigation offers; the server enforces the same split (403/404 for anything else). */
export function navFor(role: Role): NavItem[] {
  switch (role) {
    case 'REGULATOR':
    case 'COURT':
    case 'ADMIN':
      return ['queue', 'dashboard'];
    case 'RIGHTS_HOLDER':
      return ['queue', 'registry', 'subscriptions', 'accuracy', 'dashboard'];
    case 'PLATFORM':
      return ['notices'];
  }
}

/** Officials work the queue in bulk; rights holders and platforms act case by case. */
export function mayBulk(role: Role): boolean {
  return role === 'REGULATOR' || role === 'COURT' || role === 'ADMIN';
}

/** The actions shown in the bulk bar: those an official may take on many cases at once. */
export const BULK_ACTIONS: Record<string, string[]> = {
  REGULATOR: ['hold', 'release_hold', 'close'],
  COURT: ['hold', 'release_hold'],
  ADMIN: [],
};

/** Fields of a transition's details each action can carry (the jurisdiction decides which are required). */
export const ACTION_FIELDS: Record<string, string[]> = {
  send_notice: ['explanation', 'primaFacieEvidence', 'urls', 'notifierName', 'notifierEmail', 'signature',
    'goodFaith', 'accuracyUnderPenaltyOfPerjury'],
  take_up: ['explanation', 'primaFacieEvidence', 'urls'],
  remove: ['measure', 'statementOfReasons'],
  counter_notice: ['declaration', 'primaFacieEvidence', 'declarantName', 'declarantAddress', 'declarantPhone',
    'signature', 'goodFaithMistake', 'consentToJurisdiction'],
  decide: ['outcome', 'explanation'],
};
