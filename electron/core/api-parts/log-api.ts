import { dirname } from 'node:path';
import type { Api } from '../../contract/api';
import type { CoreContext } from './core-context';

/** The log as every front shows it: the menu opens the file, browser mode and the CLI print it. */
export function logApi(ctx: CoreContext): Pick<Api, 'logInfo'> {
  return {
    async logInfo({ lines }) {
      return {
        path: ctx.log.path,
        dir: dirname(ctx.log.path),
        lines: lines > 0 ? await ctx.log.tail(lines) : [],
        dropped: ctx.log.dropped(),
      };
    },
  };
}
