/** A run, step or token status as a coloured label (colours in styles.css). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <mark class={`status status-${status.toLowerCase()}`} data-status={status}>
      {status}
    </mark>
  );
}
