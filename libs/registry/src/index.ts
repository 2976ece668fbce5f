export { RegisteredDataset, RegisteredOrganization } from './registry.entities.js';
export { registryProjection } from './registry.projection.js';
