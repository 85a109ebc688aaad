import type { Api, ApiEvent, MethodName, ParsedArgsOf, ResultOf } from '../../contract/api';
import type { CoreContext } from './core-context';

/**
 * The core announces its own writes with their data, as it does for photos
 * (photosChanged): every window, tab and the writer itself learn the new state from
 * the event, never by reading it back. Each entry turns a successful call into its event.
 */
type Announcer<M extends MethodName> = (
  ctx: CoreContext,
  args: ParsedArgsOf<M>,
  result: ResultOf<M>,
) => Promise<ApiEvent | null>;

/** The folder as the core names it in events (the path the UI opened), not as the caller spelled it. */
const folderOf = async (ctx: CoreContext, folder: string) =>
  (await ctx.folders.require(folder, [])).info.path;

const article =
  <M extends 'createArticle' | 'saveArticle' | 'importArticle'>(): Announcer<M> =>
  async (ctx, args, result) => ({
    type: 'articleChanged',
    folder: await folderOf(ctx, args.folder),
    id: result.id,
    article: result,
  });

const templates = async (ctx: CoreContext): Promise<ApiEvent> => ({
  type: 'templatesChanged',
  names: await ctx.templates.list(),
});

const codeLists = async (ctx: CoreContext): Promise<ApiEvent> => ({
  type: 'codeListsChanged',
  lists: (await ctx.codeLists.lists()).map((l) => ({ name: l.name, count: l.entries.length })),
  entries: [...(await ctx.codeLists.merged()).values()],
});

const credentials = async (ctx: CoreContext): Promise<ApiEvent> => ({
  type: 'credentialsChanged',
  trust: (await ctx.credentials.trust.load()).view,
  identity: await ctx.credentials.identity.get(),
});

const announcers: { [M in MethodName]?: Announcer<M> } = {
  createArticle: article(),
  saveArticle: article(),
  importArticle: article(),
  deleteArticle: async (ctx, args) => ({
    type: 'articleChanged',
    folder: await folderOf(ctx, args.folder),
    id: args.id,
    article: null,
  }),
  saveEvent: async (ctx, args, result) => ({
    type: 'eventChanged',
    folder: await folderOf(ctx, args.folder),
    event: result.event,
  }),
  saveSettings: async (_ctx, _args, settings) => ({ type: 'settingsChanged', settings }),
  saveTemplate: templates,
  deleteTemplate: templates,
  importCodeList: codeLists,
  removeCodeList: codeLists,
  setTrustList: credentials,
  setSigningIdentity: credentials,
  clearSigningIdentity: credentials,
};

/** Methods that announce their write here (photo writes announce photosChanged instead). */
export const announcedMethods = new Set(Object.keys(announcers) as MethodName[]);

/** Wrap the API so each write above announces itself before it answers. */
export function announcingWrites(ctx: CoreContext, api: Api): Api {
  const out = { ...api } as Record<string, (args: unknown) => Promise<unknown>>;
  for (const [name, announce] of Object.entries(announcers)) {
    const call = out[name]!;
    const toEvent = announce as Announcer<MethodName>;
    out[name] = async (args) => {
      const result = await call(args);
      // The write is done; failing to describe it must not turn it into an error.
      const event = await toEvent(ctx, args as never, result as never).catch(() => null);
      if (event) ctx.emit(event);
      return result;
    };
  }
  return out as Api;
}
