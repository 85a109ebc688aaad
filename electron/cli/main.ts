#!/usr/bin/env node
/**
 * The CLI front: the same contract as IPC and HTTP. stdout carries results,
 * stderr diagnostics. Exit 0 ok, 1 usage error, 2 some files failed.
 */
import '../core/util/threadpool';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contract, methodNames, type ClientApi } from '../contract/api';
import { dispatch, isMethodName, toWireError } from '../contract/dispatch';
import { kindOf } from '../../common/errors/error-codes';
import { createCore } from '../core/app-core';
import { userDirs } from '../core/user-dirs';
import { APP_VERSION } from '../core/app-version';
import { commands, commandUsage, type Command } from './commands';
import { HELP_OPTION, parseArgv, UsageError, type ParsedArgv } from './parse-args';
import { watchProcessErrors } from '../core/log/process-errors';

const here = fileURLToPath(new URL('.', import.meta.url));

function usage(): string {
  const lines = [
    `CaptionDesk ${APP_VERSION}`,
    '',
    'Usage: captiondesk <command> [options]',
    '',
    ...commands.map((c) => commandLine(commandUsage(c), c.summary)),
    commandLine('call <method> [json-args]', 'Call any API method with JSON arguments.'),
    commandLine('methods', 'List the API methods.'),
    '',
    'Options: "captiondesk <command> --help" shows one command\'s usage; an unknown option is an error.',
    'Exit codes: 0 success, 1 usage error, 2 some files failed (named on stderr).',
  ];
  return lines.join('\n');
}

/** The usage, then the summary beside it, or under it when the usage is long. */
function commandLine(usageText: string, summary: string): string {
  const column = 40;
  return usageText.length <= column
    ? `  ${usageText.padEnd(column)} ${summary}`
    : `  ${usageText}\n  ${' '.repeat(column)} ${summary}`;
}

/** A usage error is its one line, then the usage of the command it was about (or all of them). */
function usageFailure(message: string, cmd: Command | undefined): string {
  const help = cmd ? `Usage: captiondesk ${commandUsage(cmd)}` : `\n${usage()}`;
  return `captiondesk: ${message}\n${help}\n`;
}

export async function runCli(
  argv: string[],
  out = process.stdout,
  err = process.stderr,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out.write(usage() + '\n');
    return name ? 0 : 1;
  }
  if (name === '--version') {
    out.write(APP_VERSION + '\n');
    return 0;
  }
  if (name === 'methods') {
    out.write(methodNames.map((m) => `${m.padEnd(20)} ${contract[m].doc}`).join('\n') + '\n');
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (name !== 'call' && !cmd) {
    err.write(usageFailure(`unknown command ${name}`, undefined));
    return 1;
  }
  // Options are judged before the core opens: a misspelt flag touches nothing.
  let parsed: ParsedArgv | undefined;
  try {
    parsed = cmd && parseArgv(rest, cmd.options);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(usageFailure(e.message, cmd));
    return 1;
  }
  if (cmd && parsed?.flags.has(HELP_OPTION)) {
    out.write(`Usage: captiondesk ${commandUsage(cmd)}\n\n${cmd.summary}\n`);
    return 0;
  }
  const dirs = userDirs();
  const core = createCore({
    ...dirs,
    sampleDir: resolve(here, '../../assets/sample-event'),
    mode: 'cli',
    version: APP_VERSION,
  });
  const unwatch = watchProcessErrors(core.log);
  try {
    if (name === 'call') {
      const [method, json] = rest;
      if (!isMethodName(method))
        throw new UsageError(`unknown method ${method ?? ''}; see "captiondesk methods"`);
      let args: unknown = {};
      try {
        args = json ? JSON.parse(json) : {};
      } catch {
        throw new UsageError('the arguments must be JSON');
      }
      out.write(JSON.stringify(await dispatch(core.api, method, args), null, 2) + '\n');
      return 0;
    }
    if (!cmd || !parsed) throw new UsageError(`unknown command ${name}`);
    const args = cmd.args(parsed);
    const client = new Proxy({} as ClientApi, {
      get: (_t, m) => (a: unknown) => dispatch(core.api, m, a),
    });
    // Before `before`: what it starts (an outbox retry that waits) reports through events too.
    if (cmd.onEvent) core.on(cmd.onEvent);
    await cmd.before?.(client, args as never, parsed);
    const result = await dispatch(core.api, cmd.method, args);
    const text = cmd.print(result as never, parsed);
    if (text) out.write(text + '\n');
    const failures = cmd.failures?.(result as never) ?? [];
    for (const f of failures) err.write(`captiondesk: ${f}\n`);
    return failures.length ? 2 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(usageFailure(e.message, cmd));
      return 1;
    }
    const w = toWireError(e);
    err.write(`captiondesk: ${w.message}\n`);
    return kindOf(w.code) === 'invalid-args' ? 1 : 2;
  } finally {
    unwatch();
    await core.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
