import { graphql } from '../gql';

/*
 * Every question the console asks, over the public GraphQL API (schema/*.graphql). Organizations and datasets
 * are read with their names where the API gives them; the pages fall back to the code where it gives none.
 */

export const HistoryLineFields = graphql(`
  fragment HistoryLine on AccessHistoryEntry {
    id
    occurredAt
    kind
    organization { id name }
    staffCode
    counterparty { id name }
    datasets
    items
    purpose
    legalBasis
    outcome
    nonDisclosure
    globalPosition
  }
`);

export const HistoryPageFields = graphql(`
  fragment HistoryPage on AccessHistoryConnection {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ...HistoryLine } }
  }
`);

/** The signed-in citizen's own lines (non-disclosed ones never come back). */
export const MyHistory = graphql(`
  query MyHistory($filter: AccessHistoryFilter, $first: Int, $after: String) {
    me(filter: $filter, first: $first, after: $after) { ...HistoryPage }
  }
`);

/** A subject's lines as an auditor or an organization reads them. */
export const SubjectHistory = graphql(`
  query SubjectHistory($subjectId: ID!, $filter: AccessHistoryFilter, $first: Int, $after: String) {
    accessHistory(subjectId: $subjectId, filter: $filter, first: $first, after: $after) { ...HistoryPage }
  }
`);

export const ExposureInWords = graphql(`
  query ExposureInWords($subjectId: ID!) {
    exposure(subjectId: $subjectId) {
      asOf
      measuredAt
      uniquelyMatchableDatasets
      lowestUniqueLevel
      explanations { topic ja en }
      records {
        recordId
        dataset { id name holder { id name } }
        classSizes { level classSize }
        uniquelyMatchableIn { dataset { id name holder { id name } } lowestLevel fields }
      }
      bestMatch { from { id name } to { id name } probability agreeingFields }
      linkage {
        ties { linkId datasetA { id name } datasetB { id name } keyBy identifierKind organization { id name } purpose legalBasis linkedAt expectedCutOffAt unlinkedAt live overdue }
      }
    }
  }
`);

export const InclusionProof = graphql(`
  query InclusionProof($eventId: ID!) {
    inclusionProof(eventId: $eventId) { eventId leafIndex leaf head { treeSize timestamp keyId } document }
  }
`);

export const FindSubject = graphql(`
  query FindSubject($identifier: IdentifierInput!) {
    subject(identifier: $identifier) { id }
  }
`);

export const WhoAccessed = graphql(`
  query WhoAccessed($subjectId: ID!, $item: String!, $from: DateTime, $to: DateTime) {
    whoAccessed(subjectId: $subjectId, item: $item, from: $from, to: $to) {
      organization { id name }
      staffCode
      occurredAt
      kind
      purpose
      outcome
    }
  }
`);

export const Findings = graphql(`
  query Findings($filter: FindingFilter, $first: Int, $after: String) {
    findings(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          rule
          severity
          reason
          organization { id name }
          subjectId
          subjectCount
          staffCode
          occurredAt
          detectedAt
          events { eventId globalPosition }
        }
      }
    }
  }
`);

export const DatasetRisk = graphql(`
  query DatasetRisk($datasetId: ID!, $level: ExposureLevel) {
    dataset(id: $datasetId) { id name purpose legalBasis domain keyedBy basic4Fields holder { id name } }
    datasetRisk(datasetId: $datasetId, level: $level) {
      level
      records
      classes
      k
      sampleUniqueness
      expectedReidentifications
      prosecutor { threshold recordsAtRisk highestRisk }
    }
  }
`);

export const Matchability = graphql(`
  query Matchability($datasetA: ID!, $datasetB: ID!, $level: ExposureLevel) {
    matchability(datasetA: $datasetA, datasetB: $datasetB, level: $level) {
      datasetA { id name }
      datasetB { id name }
      level
      fields
      matchableRecords
      shareOfA
      shareOfB
    }
  }
`);

export const Status = graphql(`
  query Status {
    projections { name state position lagEvents lagSeconds error }
    journal { keyId sealedSize latestHead { treeSize rootHash timestamp } }
  }
`);

/** The whole report, every field the renderers (libs/reporting/src/rendering) print. */
export const ComplianceReportQuery = graphql(`
  query ComplianceReport($from: DateTime!, $to: DateTime!, $organizationId: ID) {
    complianceReport(from: $from, to: $to, organizationId: $organizationId) {
      period { from to }
      organization { id name }
      generatedAt
      activity {
        totals { provisions provisionsRefused provisionsNoData nonDisclosed ties cuts accesses accessesDenied }
        months { month provisions ties cuts accesses }
        rows { organization { id name } counterparty { id name } kind procedure month count refused nonDisclosed }
      }
      findings {
        available
        note
        asOf
        groups { rule severity organization { id name } count }
        findings { rule severity organization { id name } subjectIds staffCode occurredAt lastOccurredAt detectedAt title titleEn description descriptionEn statute party evidence }
      }
      tieHygiene {
        asOf
        tiesMadeInPeriod
        tiesCutInPeriod
        liveTies
        overdueTies
        liveTiesThroughMyNumber
        lifetimes { label fromDays toDays cutInPeriod live }
        overdue { tieId organization { id name } datasets key linkedAt expectedCutOffAt daysOverdue }
      }
      exposure {
        available
        note
        distribution { label subjects }
        riskyDatasets { dataset { id name holder { id name } } records k sampleUniqueness reason }
        matchablePairs { datasetA { id name holder { id name } } datasetB { id name holder { id name } } matchability shareOfA shareOfB reason }
      }
      privacyImpactAssessments {
        source
        rules
        measures
        datasets { dataset { id name holder { id name } } specificPersonalInformationFile peopleCovered staffWithAccess seriousIncidentsPastYear level assessments reason }
      }
      breachReports {
        complete
        note
        categories { code basis name english }
        signals
        pastYear { organization { id name } categories peopleAffected firstOccurredAt lastOccurredAt draftedInPeriod }
        drafts {
          organization { id name }
          categories
          summary
          items
          peopleAffected
          signals { source count }
          firstOccurredAt
          lastOccurredAt
          evidence
          cause { text toFill asks }
          secondaryHarm { text toFill asks }
          responseToPeople { text toFill asks }
          publication { text toFill asks }
          prevention { text toFill asks }
        }
      }
    }
  }
`);
