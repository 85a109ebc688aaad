/** A small "×" button that closes or removes; its label names what it does, for screen readers and the tooltip. */
export function CrossButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      ×
    </button>
  );
}
