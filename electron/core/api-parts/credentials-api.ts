import type { Api } from '../../contract/api';
import type { CoreContext } from './core-context';

/** Content Credentials: photos' states, the trust list, the signing identity. */
export function credentialsApi(
  ctx: CoreContext,
): Pick<
  Api,
  | 'credentials'
  | 'getTrustList'
  | 'setTrustList'
  | 'getSigningIdentity'
  | 'setSigningIdentity'
  | 'clearSigningIdentity'
> {
  const { trust, identity, cache } = ctx.credentials;
  // Verdicts reached by a package build or the checks are kept too.
  ctx.onClose(() => cache.save());
  return {
    async credentials({ folder, files }) {
      const f = await ctx.folders.require(folder, files);
      const loaded = await trust.load();
      const out = [];
      for (const file of files) {
        const p = ctx.folders.photo(f, file);
        const found = await cache.inspect(p.path, loaded, p.photo.credentials, () =>
          ctx.foreground.idle(),
        );
        out.push({ ...found, file });
      }
      cache.saveSoon();
      return out;
    },
    async getTrustList() {
      return (await trust.load()).view;
    },
    async setTrustList({ pem }) {
      return (await trust.save(pem)).view;
    },
    getSigningIdentity: () => identity.get(),
    setSigningIdentity: ({ certificatePem, privateKeyPem }) =>
      identity.set(certificatePem, privateKeyPem),
    async clearSigningIdentity() {
      await identity.clear();
      return null;
    },
  };
}
