import { useMemo } from 'react';
import type { Article } from '../../electron/contract/api';
import { houseNames, packageFileName } from '../../common/naming/house-name';
import { photosInArticleOrder } from '../article/blocks';
import { intIn, type PackageForm } from './package-form';

/** The names the photos and the zip will get, as the form stands. */
export function usePackageNames(article: Article, form: PackageForm | null) {
  const order = useMemo(() => photosInArticleOrder(article.body), [article.body]);
  const names = useMemo(() => {
    if (!form) return [];
    const maxLength = intIn(form.maxNameLength, 16, 200) ?? 80;
    return houseNames(
      form.naming || '{fbas}',
      order.map((file, i) => ({
        outlet: form.outlet.trim(),
        initials: form.initials.trim(),
        file,
        seqn: i + 1,
        date: article.dateline.date || null,
      })),
      maxLength,
    );
  }, [form, order, article.dateline.date]);
  const zipName = form
    ? packageFileName(form.outlet.trim(), article.dateline.date, article.headline)
    : '';
  return { order, names, zipName };
}
