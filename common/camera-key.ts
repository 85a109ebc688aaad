/** One camera body: its serial when the file has one, else make and model. */
export function cameraKey(p: {
  make: string | null;
  model: string | null;
  serial: string | null;
}): string {
  const model = p.model ?? p.make ?? '?';
  return p.serial ? `${model} #${p.serial}` : model;
}
