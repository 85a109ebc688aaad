import type { ChangeEvent, Ref } from 'react';

/** A label over a one-line box of Vietnamese text (search, event name, keywords), in the kit's field look. */
export function TextBox({
  id,
  label,
  value,
  onChange,
  testId,
  placeholder,
  inputRef,
  autoFocus,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  testId: string;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
}) {
  return (
    <>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="text"
        className="field-input"
        lang="vi"
        spellCheck={false}
        autoFocus={autoFocus}
        placeholder={placeholder}
        data-testid={testId}
        value={value}
        onChange={onChange}
      />
    </>
  );
}
