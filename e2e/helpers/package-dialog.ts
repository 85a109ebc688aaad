/** The article's package dialog as a test drives it: opened from the article view, and a build seen through. */
import type { Locator, Page } from 'playwright-core';

/** From the grid: the article view (Ctrl+2), then its package dialog. */
export async function openPackageDialog(page: Page): Promise<Locator> {
  await page.keyboard.press('Control+2');
  await page.getByTestId('field-headline').waitFor();
  await page.getByTestId('open-package').click();
  const dialog = page.getByTestId('package-dialog');
  await dialog.waitFor();
  return dialog;
}

/** Build, past the checks' warning if there is one, until verify says the package is valid; its path. */
export async function buildValidPackage(dialog: Locator): Promise<string> {
  await dialog.getByTestId('pkg-build').click();
  const confirmOrDone = dialog.locator('[data-testid="pkg-confirm"], [data-testid="pkg-verify"]');
  await confirmOrDone.first().waitFor({ timeout: 30_000 });
  if (await dialog.getByTestId('pkg-confirm').isVisible())
    await dialog.getByTestId('pkg-build-anyway').click();
  await dialog
    .getByTestId('pkg-verify')
    .filter({ hasText: 'Gói hợp lệ' })
    .waitFor({ timeout: 60_000 });
  return (await dialog.getByTestId('pkg-result-path').textContent()) ?? '';
}
