import type { Api } from '../../api';
import type { reviewContract } from '../../api-review';
import type { CoreContext } from './core-context';

export function reviewApi(_ctx: CoreContext): Pick<Api, keyof typeof reviewContract> {
  return {};
}
