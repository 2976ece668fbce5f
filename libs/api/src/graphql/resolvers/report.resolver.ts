import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { ComplianceReports, ReportInputError } from '#reporting';
import { AuditTrail } from '../audit-trail.js';
import { requireRole, type GraphQLContext } from '../graphql-context.js';
import { apiError } from '../graphql-errors.js';

/** The compliance report (PPC-style periodic report): auditors for anyone, an organization for itself. */
@Resolver()
export class ReportResolver {
  constructor(
    private readonly reports: ComplianceReports,
    private readonly audit: AuditTrail,
  ) {}

  @Query('complianceReport')
  async complianceReport(
    @Args('from') from: string,
    @Args('to') to: string,
    @Args('organizationId') organizationId: string | null,
    @Context() context: GraphQLContext,
  ) {
    const principal = requireRole(context, 'AUDITOR', 'ORGANIZATION');
    if (principal.role === 'ORGANIZATION' && organizationId !== principal.organizationId) {
      throw apiError('FORBIDDEN', `an organization reports only on itself: organizationId must be ${JSON.stringify(principal.organizationId)}`);
    }
    try {
      const report = await this.reports.report({ from, to, organizationId });
      // Findings name subjects: an auditor's report is recorded in their histories like any other query of them.
      await this.audit.record(principal, 'complianceReport', report.findings.findings.flatMap((f) => f.subjectIds));
      return report;
    } catch (error) {
      if (error instanceof ReportInputError) throw apiError('BAD_USER_INPUT', error.reason, error.field);
      throw error;
    }
  }
}
