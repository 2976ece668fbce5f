export { registryProjection } from './registry.projection.js';
export {
  InvalidRegistryCursorError, RegistryLookup, RegistryQueries, type DatasetFilter, type DatasetRow, type OrganizationFilter, type OrganizationRow, type OrganizationView, type RegistryPage, type RegistryVisibility,
} from './registry.queries.js';
export { KNOWN_AUTHORITIES, knownAuthority, type KnownAuthority } from './domain/known-authorities.js';
