/**
 * 紐付け and 名寄せ exposure (PRODUCT §5–6): the linkage and exposure read models, the metrics as ARX,
 * sdcMicro and Splink define them, and the per-subject figures with their reasons in words.
 */
export { EXPOSURE_LEVELS, type ExposureLevel } from './domain/quasi-identifier.js';
export { datasetRisk, DEFAULT_RISK_THRESHOLD, type ClassSizeCount, type DatasetRisk } from './domain/dataset-risk.js';
export { M_PROBABILITIES, matchScore } from './domain/fellegi-sunter.js';
export type { Explanation } from './domain/explanations.js';
export { isLive, isOverdue, type Tie, type TieHygiene } from './domain/linkage.js';
export { exposureProjection } from './exposure.projection.js';
export { linkageProjection } from './linkage.projection.js';
export {
  ExposureQueries, UnknownDatasetError, type Bucket, type OrganizationNames, type DatasetInfo, type ExposureDistribution, type Matchability, type SubjectExposure, type SubjectLinkage,
} from './exposure.queries.js';
