import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { EventSettings, ResultOf } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';
import { eventOf, formOf, sameEvent, type TemplateForm } from './template-form';

export type TemplateNote =
  | { kind: 'saved'; updated: number }
  | { kind: 'applied'; count: number; failed: ApplyFailure[] }
  | { kind: 'loaded'; name: string }
  | { kind: 'stored'; name: string }
  | { kind: 'deleted'; name: string }
  | { kind: 'error'; failure: Failure };

type ApplyFailure = ResultOf<'applyTemplate'>['failed'][number];

/** The folder's event template: the working copy, what is saved, and the calls that save it. */
export function useEventTemplate(folder: string) {
  const { api, onEvent } = useTransport();
  const [saved, setSaved] = useState<EventSettings | null>(null);
  const [form, setForm] = useState<TemplateForm | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<TemplateNote | null>(null);

  useEffect(() => {
    let live = true;
    api.getEvent({ folder }).then(
      (event) => {
        if (!live) return;
        setSaved(event);
        setForm(formOf(event));
      },
      (err: unknown) => live && setNote({ kind: 'error', failure: failureOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [api, folder]);

  const dirty = form !== null && saved !== null && !sameEvent(eventOf(form), saved);

  // What was typed and what the core last accepted, for the save on unmount below.
  const latest = useRef<{ form: TemplateForm | null; saved: EventSettings | null }>({
    form: null,
    saved: null,
  });
  useEffect(() => {
    latest.current.form = form;
  }, [form]);
  useEffect(() => {
    latest.current.saved = saved;
  }, [saved]);
  // Closed with T, or another folder opened: what was typed is saved all the same.
  useEffect(() => {
    const state = latest.current;
    return () => {
      const { form: last, saved: accepted } = state;
      if (!last || !accepted || sameEvent(eventOf(last), accepted)) return;
      api.saveEvent({ folder, event: eventOf(last) }).catch(() => undefined);
    };
  }, [api, folder]);

  // Another tab, window or the CLI saved this folder's event: the core says so with it. An
  // untouched form takes it; a form with typing keeps the typing, compared against the new one.
  const onEventChanged = useEffectEvent((event: EventSettings) => {
    if (saved && sameEvent(event, saved)) return;
    if (!dirty) setForm(formOf(event));
    setSaved(event);
  });
  useEffect(
    () =>
      onEvent((e) => {
        if (e.type === 'eventChanged' && e.folder === folder) onEventChanged(e.event);
      }),
    [onEvent, folder],
  );

  /** Saving re-renders every caption that uses the template's {variables}. */
  const save = useCallback(
    async (next: TemplateForm | null = form): Promise<boolean> => {
      if (!next) return false;
      const event = eventOf(next);
      setBusy(true);
      try {
        const r = await api.saveEvent({ folder, event });
        latest.current.saved = event;
        setSaved(event);
        setNote({ kind: 'saved', updated: r.updated.length });
        return true;
      } catch (err) {
        setNote({ kind: 'error', failure: failureOf(err) });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [api, folder, form],
  );

  const apply = async (files: string[] | null) => {
    if (dirty && !(await save())) return;
    setBusy(true);
    try {
      const r = await api.applyTemplate({ folder, files });
      setNote({ kind: 'applied', count: r.applied.length, failed: r.failed });
    } catch (err) {
      setNote({ kind: 'error', failure: failureOf(err) });
    } finally {
      setBusy(false);
    }
  };

  return { form, setForm, saved, dirty, busy, note, setNote, save, apply };
}
