import type { Api } from '../../contract/api';
import type { CoreContext } from './core-context';

export function libraryApi(
  ctx: CoreContext,
): Pick<
  Api,
  | 'listTemplates'
  | 'saveTemplate'
  | 'loadTemplate'
  | 'deleteTemplate'
  | 'codeReplacements'
  | 'importCodeList'
  | 'exportCodeList'
  | 'removeCodeList'
  | 'getSettings'
  | 'saveSettings'
> {
  return {
    listTemplates: () => ctx.templates.list(),
    async saveTemplate({ name, template }) {
      await ctx.templates.save(name, template);
      return { name };
    },
    loadTemplate: ({ name }) => ctx.templates.load(name),
    async deleteTemplate({ name }) {
      await ctx.templates.remove(name);
      return { name };
    },
    async codeReplacements() {
      const lists = await ctx.codeLists.lists();
      return {
        lists: lists.map((l) => ({ name: l.name, count: l.entries.length })),
        entries: [...(await ctx.codeLists.merged()).values()],
      };
    },
    importCodeList: ({ name, text }) => ctx.codeLists.import(name, text),
    async exportCodeList({ name }) {
      return { text: await ctx.codeLists.export(name) };
    },
    async removeCodeList({ name }) {
      await ctx.codeLists.remove(name);
      return { name };
    },
    getSettings: () => ctx.settings.get(),
    saveSettings: ({ settings }) => ctx.settings.save(settings),
  };
}
