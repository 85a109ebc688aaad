import type { Api } from '../../api';
import type { outboxContract } from '../../api-outbox';
import type { CoreContext } from './core-context';

export function outboxApi(_ctx: CoreContext): Pick<Api, keyof typeof outboxContract> {
  return {};
}
