/** The core's per-key locks are the same keyed queue the contract's dispatch uses. */
export { KeyedQueue as KeyedLocks } from '../../../common/util/keyed-queue';
