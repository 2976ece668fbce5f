export { RegisteredDataset, RegisteredOrganization } from './registry.entities.js';
export { registryProjection } from './registry.projection.js';
export {
  InvalidRegistryCursorError, RegistryQueries, type DatasetFilter, type DatasetRow, type OrganizationFilter, type OrganizationRow, type RegistryPage, type RegistryVisibility,
} from './registry.queries.js';
export { KNOWN_AUTHORITIES, knownAuthority, type KnownAuthority } from './domain/known-authorities.js';
