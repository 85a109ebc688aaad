import { ApiError, type Api } from '../../api';
import type { CoreContext } from './core-context';

/** Ingest: cards into the event folder. */
export function ingestApi(_ctx: CoreContext): Pick<Api, 'ingest'> {
  return {
    async ingest() {
      throw new ApiError('not built yet', 'io');
    },
  };
}
