/** Who a request acts as, from its bearer token. */
export type Principal =
  | { role: 'AUDITOR'; id: string; organizationId: string }
  | { role: 'ORGANIZATION'; id: string; organizationId: string }
  | { role: 'SUBJECT'; id: string; subjectId: string }
  | { role: 'OPERATOR'; id: string };

