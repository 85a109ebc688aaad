/**
 * An embedded camera preview is stored as the sensor saw it; EXIF orientation says how
 * to turn it upright. Each value maps to a CSS class (ui/orientation.css) rather than an inline
 * style, which the CSP forbids. In a square box, 5–8 swap the picture's aspect by rotation.
 */
export function orientationClass(orientation: number | null, needsRotation: boolean): string {
  if (!needsRotation || orientation === null) return '';
  return Number.isInteger(orientation) && orientation >= 2 && orientation <= 8
    ? `orient-${orientation}`
    : '';
}
