/**
 * THE contract between every front (Electron IPC, local HTTP, CLI) and the core.
 *
 * A method is declared once here, with a schema for its arguments and its result.
 * The core implements `Api`; the fronts are generic over `contract`, so adding a
 * method means editing this file and the core, nothing else.
 *
 * No Electron import here (lint-enforced): the renderer imports types from this file,
 * and the CLI and browser mode run it in plain Node.
 */
import type { z } from 'zod';

import { appContract } from './app';
import { articleContract } from './article';
import { captioningContract } from './captioning';
import { credentialsContract } from './credentials';
import { cullContract } from './cull';
import { ingestContract } from './ingest';
import { logContract } from './log';
import { outboxContract } from './outbox';
import { packageContract } from './package';
import { photosContract } from './photos';
import { reviewContract } from './review';

export { cullingSchema, templateSchema, type Template } from './kit';
export * from './app';
export * from './article';
export * from './captioning';
export * from './credentials';
export * from './errors';
export * from './events';
export * from './log';
export * from './media-path';
export * from './package';
export * from './photos';

export const contract = {
  ...photosContract,
  ...captioningContract,
  ...articleContract,
  ...packageContract,
  ...appContract,
  ...outboxContract,
  ...reviewContract,
  ...cullContract,
  ...ingestContract,
  ...logContract,
  ...credentialsContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>;
export type ResultOf<M extends MethodName> = z.output<Contract[M]['result']>;

/** What the core implements. */
export type Api = { [M in MethodName]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>> };

/** What a front hands the renderer: the same methods, arguments not yet validated. */
export type ClientApi = { [M in MethodName]: (args: ArgsOf<M>) => Promise<ResultOf<M>> };

export const methodNames = Object.keys(contract) as MethodName[];
