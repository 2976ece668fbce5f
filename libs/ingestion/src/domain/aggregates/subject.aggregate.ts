import type { Aggregate } from './aggregate.js';

export interface ConsentState {
  organizationId: string;
  scope: string;
  purpose: string;
  granted: boolean;
}

export interface SubjectState {
  enrolled: boolean;
  consents: Record<string, ConsentState>;
}

/** 本人 — a subject and the consents they gave (and withdrew). */
export const Subject: Aggregate<SubjectState> = {
  streamOf: (subjectId) => `subject-${subjectId}`,
  initial: { enrolled: false, consents: {} },
  evolve: (state, event) => {
    switch (event.type) {
      case 'SubjectEnrolled':
        return { ...state, enrolled: true };
      case 'ConsentGranted':
      case 'ConsentWithdrawn': {
        const { consentId, organizationId, scope, purpose } = event.data;
        const granted = event.type === 'ConsentGranted';
        return { ...state, consents: { ...state.consents, [consentId]: { organizationId, scope, purpose, granted } } };
      }
      default:
        return state;
    }
  },
};
