import { jest } from '@jest/globals';
import { kurrentDbTarget } from '../support/event-store-targets.js';
import { eventStoreContract } from './event-store.contract.js';

// Every call crosses gRPC and the client's native bridge: the 10,000-event catch-up takes longer than on SQL.
jest.setTimeout(240_000);

eventStoreContract(kurrentDbTarget);
