export * from './domain/merkle-tree.js';
