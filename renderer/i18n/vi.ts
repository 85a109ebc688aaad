/**
 * Vietnamese is the source dictionary: its keys and argument lists define `Messages`,
 * so a key missing from another language is a type error.
 */
import { articleVi } from '../article/messages.vi';
import { captioningVi } from '../caption-workspace/messages.vi';
import { cullingVi } from '../culling/messages.vi';
import { reviewVi } from '../review/messages.vi';
import { outboxVi } from '../outbox/messages.vi';
import { analysisVi } from '../analysis/messages.vi';
import { ingestVi } from '../ingest/messages.vi';
import { errorsVi } from '../errors/messages.vi';
import { credentialsVi } from '../credentials/messages.vi';

export const vi = {
  ...articleVi,
  ...captioningVi,
  ...reviewVi,
  ...outboxVi,
  ...analysisVi,
  ...ingestVi,
  ...cullingVi,
  ...errorsVi,
  ...credentialsVi,
  appName: 'CaptionDesk',
  openFolder: 'Mở thư mục…',
  openFolderTitle: 'Chọn thư mục sự kiện chứa ảnh từ máy ảnh',
  openPathLabel: 'Đường dẫn thư mục',
  openPathPlaceholder: 'Đường dẫn thư mục sự kiện, ví dụ /home/phong-vien/the-nho',
  openPathButton: 'Mở',
  language: 'Ngôn ngữ',
  themeLabel: 'Giao diện',
  themeDark: 'Tối',
  themeLight: 'Sáng',
  photoCount: (n: number) => `${n} ảnh`,
  captionedCount: (done: number, total: number) => `${done}/${total} đã có chú thích`,
  sampleBadge: 'Sự kiện mẫu',
  readOnlyNote: (stateDir: string) =>
    `Thư mục chỉ đọc — chú thích được lưu trong dữ liệu ứng dụng: ${stateDir}`,
  opening: 'Đang mở thư mục…',
  openFailed: (message: string) => `Không mở được thư mục: ${message}`,
  thumbnailsFailed: (message: string) => `Không tạo được ảnh thu nhỏ: ${message}`,
  dismiss: 'Đóng',
  logTitle: 'Nhật ký lỗi và công việc',
  logHint:
    'Lỗi và kết quả các việc dài (đóng gói, nhập thẻ, gửi bài), không có mật khẩu. Gửi cho bộ phận kỹ thuật khi cần.',
  logShow: 'Xem nhật ký',
  logRefresh: 'Tải lại',
  logEmpty: 'Nhật ký còn trống.',
  logDropped: (n: number) => `${n} dòng không ghi được (ổ đĩa đầy?)`,
  coreRestarted:
    'Bộ xử lý của CaptionDesk vừa gặp sự cố và đã tự khởi động lại. Những gì đã lưu vẫn còn; chú thích đang gõ dở được lưu lại.',
  coreQuarantined: (files: string[]) =>
    `Không mở ảnh ${files.join(', ')} nữa vì đã hai lần làm bộ xử lý gặp sự cố.`,
  emptyFolder: 'Thư mục này không có ảnh.',
  thumbnailsProgress: (done: number, total: number) => `Đang tạo ảnh thu nhỏ ${done}/${total}`,
  gridLabel: 'Ảnh trong thư mục',
  captionedMark: 'Đã có chú thích',
  ratingMark: (stars: number) => `${stars} sao`,
  noSelection: 'Chưa chọn ảnh nào.',
  previewAlt: (file: string) => `Xem trước ${file}`,

  infoTitle: 'Thông tin ảnh',
  infoLoading: 'Đang đọc thông tin…',
  infoFailed: (message: string) => `Không đọc được thông tin: ${message}`,
  fileLabel: 'Tệp',
  formatLabel: 'Định dạng',
  capturedAtLabel: 'Thời điểm chụp',
  cameraLabel: 'Máy ảnh',
  lensLabel: 'Ống kính',
  exposureLabel: 'Phơi sáng',
  dimensionsLabel: 'Kích thước',
  fileSizeLabel: 'Dung lượng',
  modifiedAtLabel: 'Sửa đổi lần cuối',
  gpsLabel: 'Vị trí GPS',
  bylineLabel: 'Tác giả',
  captionSourceLabel: 'Nguồn chú thích',
  sidecarLabel: 'Tệp phụ (sidecar)',
  placeholderValue: (raw: string) => `Giá trị gốc: ${raw}`,
  placeholderHint: 'Máy ảnh hoặc phần mềm đã ghi giá trị này; đây không phải chú thích.',
  warningsLabel: 'Cảnh báo',
  errorLabel: 'Lỗi',
  none: '—',
  sourceSidecar: 'Tệp phụ XMP của CaptionDesk',
  sourceXmp: 'XMP trong ảnh',
  sourceIptc: 'IPTC trong ảnh',
  sourceExif: 'EXIF trong ảnh',
  sourceNone: 'Chưa có chú thích',
  north: 'B',
  south: 'N',
  east: 'Đ',
  west: 'T',
  megapixels: (mp: string) => `${mp} MP`,

  captionLabel: 'Chú thích',
  captionPlaceholder: 'Ai, làm gì, ở đâu, khi nào…',
  saving: 'Đang lưu…',
  saved: 'Đã lưu',
  saveFailed: (message: string) => `Lỗi khi lưu: ${message}`,
  captionBudget: (chars: number, bytes: number, limit: number) =>
    `${chars} ký tự · ${bytes}/${limit} byte IPTC`,
  captionOverBudget: 'Quá giới hạn IPTC: bản đầy đủ vẫn được giữ trong XMP.',

  helpLabel: 'Phím tắt',
  keyArrows: 'chọn ảnh',
  keyHomeEnd: 'ảnh đầu/cuối',
  keyEnter: 'viết chú thích',
  keyEscape: 'về lưới ảnh (lưu)',
  keySaveNext: 'lưu và sang ảnh sau',
} as const;

// Tables typed on their own (errorTexts) keep their type.
type Widen<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : T;

export type Messages = { readonly [K in keyof typeof vi]: Widen<(typeof vi)[K]> };
