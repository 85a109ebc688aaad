import { ApiError, type Api } from '../../api';
import type { CoreContext } from './core-context';

export function embedApi(ctx: CoreContext): Pick<Api, 'embed'> {
  return {
    async embed() {
      if (ctx.opts.mode !== 'cli')
        throw new ApiError('embed writes arbitrary paths, so only the CLI offers it', 'forbidden');
      throw new ApiError('the lossless writer is not wired yet', 'io');
    },
  };
}
