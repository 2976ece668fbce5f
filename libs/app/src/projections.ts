import { accessHistoryProjection } from '#access-history';
import { exposureProjection, linkageProjection } from '#exposure';
import { FINDINGS_PROJECTION } from '#findings';
import type { Projection } from '#projections';
import { registryProjection } from '#registry';
import { reportingProjection } from '#reporting';

/** Every projection the app keeps. */
export const PROJECTIONS: readonly Projection[] = [accessHistoryProjection, registryProjection, linkageProjection, exposureProjection, FINDINGS_PROJECTION, reportingProjection];
