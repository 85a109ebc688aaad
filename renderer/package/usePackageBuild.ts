import { useEffect, useRef, useState } from 'react';
import type { Article, ArticleIssue, ResultOf } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { describeError } from '../errors/describe-error';
import { useI18n } from '../i18n/context';
import { writeStored } from '../ui/storage';
import { OUTLET_KEY, PRESET_KEY, type PackageNote } from './package-form';
import type { PackagePresets } from './usePackagePresets';
import type { NewsMlBaseUrl } from './useNewsMlBaseUrl';

export type BuildResult = ResultOf<'buildPackage'>;
export type VerifyState = ResultOf<'verifyPackage'> | 'running' | { error: string } | null;
export type BuildPhase = 'edit' | 'confirm' | 'building' | 'done' | 'failed' | 'cancelled';
export interface BuildProgress {
  done: number;
  total: number;
  label: string;
}

interface BuildInput {
  folder: string;
  article: Article;
  presets: PackagePresets;
  issues: ArticleIssue[] | null;
  /** Writes what is still being typed: the core packages what is saved. */
  prepare: () => Promise<void>;
  setNote: (note: PackageNote | null) => void;
  focusOutlet: () => void;
  newsmlBaseUrl: NewsMlBaseUrl;
  focusNewsmlBaseUrl: () => void;
  /** Sign the photos with Content Credentials (false: unsigned derivatives, said so). */
  sign: boolean;
}

/**
 * One packaging: confirm when checks warn, build with progress, then verify the result.
 * The core records the package and its verdict in the folder's history itself.
 */
export function usePackageBuild({
  folder,
  article,
  presets,
  issues,
  prepare,
  setNote,
  focusOutlet,
  newsmlBaseUrl,
  focusNewsmlBaseUrl,
  sign,
}: BuildInput) {
  const { api, onEvent } = useTransport();
  const { m } = useI18n();
  const cancelled = useRef(false);
  const job = `package:${article.id}`;
  const [phase, setPhase] = useState<BuildPhase>('edit');
  const [progress, setProgress] = useState<BuildProgress | null>(null);
  const [result, setResult] = useState<BuildResult | null>(null);
  const [verify, setVerify] = useState<VerifyState>(null);

  useEffect(
    () =>
      onEvent((event) => {
        if (event.type !== 'progress' || event.job !== job) return;
        setProgress({ done: event.done, total: event.total, label: event.label });
      }),
    [onEvent, job],
  );

  const build = async (anyway: boolean) => {
    const { form, preset } = presets;
    if (!form) return;
    if (!form.outlet.trim()) {
      setNote({ kind: 'error', text: m.pkgNeedOutlet });
      focusOutlet();
      return;
    }
    if (!preset) {
      setNote({ kind: 'error', text: m.pkgBadNumber });
      return;
    }
    if (newsmlBaseUrl.problem) {
      setNote({ kind: 'error', text: m.pkgNewsmlBaseUrlProblem(newsmlBaseUrl.problem) });
      focusNewsmlBaseUrl();
      return;
    }
    if (!anyway && issues && issues.length > 0) {
      setPhase('confirm');
      return;
    }
    setNote(null);
    setPhase('building');
    setProgress(null);
    setResult(null);
    setVerify(null);
    cancelled.current = false;
    try {
      await prepare();
      await presets.saveIfChanged();
      const built = await api.buildPackage({
        folder,
        articleId: article.id,
        preset: preset.name,
        outlet: preset.outlet,
        initials: preset.initials,
        ...(newsmlBaseUrl.sent ? { newsmlBaseUrl: newsmlBaseUrl.sent } : {}),
        sign,
      });
      writeStored(OUTLET_KEY, preset.outlet);
      newsmlBaseUrl.remember();
      writeStored(PRESET_KEY, preset.name);
      setResult(built);
      setPhase('done');
      setVerify('running');
      try {
        setVerify(await api.verifyPackage({ path: built.path }));
      } catch (err) {
        setVerify({ error: describeError(err, m) });
      }
    } catch (err) {
      if (cancelled.current) setPhase('cancelled');
      else {
        setPhase('failed');
        setNote({ kind: 'error', text: m.pkgFailed(describeError(err, m)) });
      }
    }
  };

  const cancel = () => {
    cancelled.current = true;
    void api.cancelJob({ job });
  };

  return { phase, setPhase, progress, result, verify, build, cancel };
}
