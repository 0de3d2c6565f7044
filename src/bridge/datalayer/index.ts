export { createModelLog, notAnArray, UNWATCHED, watchDataLayer, type DataLayerWatcher, type MessageKind, type MessageMeta, type ModelLog, type WatchDataLayerOptions } from './watch';
export type { ConsentValue } from './consent';
export type { Model } from '../../datalayer/model';
export { DEFAULT_LIMITS, type SnapshotLimits } from './snapshot';
