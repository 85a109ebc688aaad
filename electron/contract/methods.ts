/**
 * The contract's method names as a plain list, with no runtime imports.
 *
 * The preload runs in a sandbox and is bundled on its own: importing `methodNames`
 * from api.ts would pull zod and every schema into it. The type check below and
 * api-methods.test.ts keep this list equal to the contract's keys.
 */
import type { MethodName } from './api';

export const apiMethodNames = [
  'openFolder',
  'openSample',
  'listPhotos',
  'scan',
  'photoDetails',
  'setCaption',
  'setFields',
  'getEvent',
  'saveEvent',
  'applyTemplate',
  'listTemplates',
  'saveTemplate',
  'loadTemplate',
  'deleteTemplate',
  'codeReplacements',
  'importCodeList',
  'exportCodeList',
  'removeCodeList',
  'findReplace',
  'getSettings',
  'saveSettings',
  'embed',
  'listArticles',
  'createArticle',
  'getArticle',
  'saveArticle',
  'deleteArticle',
  'importArticle',
  'articleChecks',
  'getPresets',
  'savePreset',
  'buildPackage',
  'cancelJob',
  'verifyPackage',
  'listPackages',
  'buildThumbnails',
  'appInfo',
  'listDestinations',
  'saveDestination',
  'deleteDestination',
  'acceptHostKey',
  'outboxList',
  'outboxEnqueue',
  'outboxRetry',
  'outboxCancel',
  'openPackage',
  'saveReview',
  'diffPackages',
  'importReview',
  'getReview',
  'setCulling',
  'analyzeFolder',
  'getAnalysis',
  'getClockOffsets',
  'setClockOffsets',
  'ingest',
  'logInfo',
  'credentials',
  'getTrustList',
  'setTrustList',
  'getSigningIdentity',
  'setSigningIdentity',
  'clearSigningIdentity',
] as const satisfies readonly MethodName[];

type Missing = Exclude<MethodName, (typeof apiMethodNames)[number]>;
type MustBeNever<T extends never> = T;
/** Fails to compile, naming the method, when the contract gains one the list lacks. */
export type EveryMethodListed = MustBeNever<Missing>;
