import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { ApiError, errorInfo, type Api } from '../../contract/api';
import { embedMetadata } from '../metadata/embed';
import { writeFileAtomic } from '../fs/atomic-write';
import type { CoreContext } from './core-context';

export function embedApi(ctx: CoreContext): Pick<Api, 'embed'> {
  return {
    async embed({ input, output, fields }) {
      // It reads and writes any path it is given, so only the CLI, run by the user, offers it.
      if (ctx.opts.mode !== 'cli')
        throw new ApiError('embed writes arbitrary paths, so only the CLI offers it', 'cli-only');
      const inPath = isAbsolute(input) ? input : resolve(input);
      const outPath = isAbsolute(output) ? output : resolve(output);
      if (inPath === outPath)
        throw new ApiError(
          'embed never overwrites its input: give another output file',
          'invalid-args',
        );
      let bytes: Buffer;
      try {
        bytes = await readFile(inPath);
      } catch (err) {
        const info = errorInfo(err, input);
        throw new ApiError(
          `Cannot read ${input}: ${(err as Error).message}`,
          info.code,
          info.params as never,
        );
      }
      let result;
      try {
        result = embedMetadata(bytes, fields);
      } catch (err) {
        throw new ApiError(`${input}: ${(err as Error).message}`, 'jpeg-broken', { file: input });
      }
      await writeFileAtomic(outPath, result.jpeg);
      return { output: outPath, truncated: result.report.truncated };
    },
  };
}
