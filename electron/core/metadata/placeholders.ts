/**
 * Text that cameras and buggy tools write where a caption belongs. Showing it as a
 * caption would make a reporter think the photo was captioned.
 */
const BOILERPLATE = [
  'olympus digital camera',
  'samsung',
  'sony dsc',
  'digital camera',
  'kodak digital still camera',
  'minolta digital camera',
  'konica minolta digital camera',
  'exif_jpeg_picture',
  'default',
  'image',
  'picture',
  'description',
  'image description',
  'created with gimp',
  'lead technologies inc. v1.01',
  'null',
  'undefined',
  'none',
];

export function isPlaceholder(value: string, make?: string | null): boolean {
  const v = value.trim().toLowerCase();
  if (v === '') return true;
  if (BOILERPLATE.includes(v)) return true;
  return !!make && v === make.trim().toLowerCase();
}
