import { ApiError, type Api } from '../../api';
import type { CoreContext } from './core-context';

/** Assisted culling and per-camera clock fixes. */
export function cullApi(
  _ctx: CoreContext,
): Pick<Api, 'analyzeFolder' | 'getAnalysis' | 'getClockOffsets' | 'setClockOffsets'> {
  const todo = (): never => {
    throw new ApiError('not built yet', 'io');
  };
  return {
    analyzeFolder: async () => todo(),
    getAnalysis: async () => todo(),
    getClockOffsets: async () => todo(),
    setClockOffsets: async () => todo(),
  };
}
