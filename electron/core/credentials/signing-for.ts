import { ApiError } from '../../contract/errors';
import type { CoreContext } from '../api-parts/core-context';
import type { Signing } from './export-credentials';

/**
 * What a package build or a review signs with. `sign` absent: the identity when one is
 * set; true: refuse without one (the CLI's --sign); false: unsigned on purpose.
 */
export async function signingFor(ctx: CoreContext, sign: boolean | undefined): Promise<Signing> {
  const { trust, identity, cache } = ctx.credentials;
  const loadedTrust = await trust.load();
  const loaded = sign === false ? null : await identity.load();
  if (sign === true && !loaded)
    throw new ApiError(
      'No signing identity is set: add a certificate and private key first',
      'signing-identity-missing',
    );
  return {
    identity: loaded,
    trust: loadedTrust,
    source: (path, carries) => cache.inspect(path, loadedTrust, carries),
    softwareAgent: { name: 'CaptionDesk', version: ctx.opts.version },
  };
}
