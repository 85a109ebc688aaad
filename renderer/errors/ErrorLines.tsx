/**
 * A message from describeError: its first line in the UI's language, the English
 * detail (if any) on a line of its own, marked as English for screen readers.
 */
export function ErrorLines({ text }: { text: string }) {
  const cut = text.indexOf('\n');
  if (cut < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, cut)}
      <br />
      <span className="error-detail" lang="en" data-testid="error-detail">
        {text.slice(cut + 1)}
      </span>
    </>
  );
}
