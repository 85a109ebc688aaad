import type { ReactNode } from 'react';

/** A checkbox with its words beside it, the whole line clickable. */
export function CheckLine({
  checked,
  onChange,
  testId,
  className,
  children,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <label className={className}>
      <input
        type="checkbox"
        checked={checked}
        data-testid={testId}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      {children}
    </label>
  );
}
