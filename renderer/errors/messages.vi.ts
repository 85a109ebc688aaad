/**
 * Vietnamese error sentences, one per code of common/errors/error-codes.ts. Spread into
 * i18n/vi.ts; messages.en.ts is typed by the same ErrorTexts.
 */
import type { ErrorTexts, ZipRefusalTexts } from './error-texts';

const zipVi: ZipRefusalTexts = {
  'not-a-zip': 'đây không phải tệp zip',
  unsupported: 'tệp zip dùng một dạng không được hỗ trợ (ZIP64, mã hoá, liên kết…)',
  'too-big': 'tệp zip vượt giới hạn dung lượng an toàn',
  'too-many-entries': 'tệp zip có quá nhiều mục',
  'unsafe-name': 'tệp zip chứa một tên tệp không an toàn',
  'duplicate-name': 'tệp zip có hai mục trùng tên',
  damaged: 'tệp zip bị hỏng',
};

const errorTextsVi: ErrorTexts = {
  'invalid-args': () => 'Yêu cầu không hợp lệ.',
  'not-found': () => 'Không tìm thấy thứ được yêu cầu.',
  forbidden: () => 'Thao tác này không được phép.',
  io: () => 'Thao tác không thành công.',
  conflict: () => 'Dữ liệu đã bị thay đổi ở nơi khác.',
  'unknown-method': (p) => `Ứng dụng không biết thao tác “${p.method}”.`,
  unknown: () => 'Đã xảy ra lỗi không xác định.',
  'core-crashed': () =>
    'Bộ xử lý của CaptionDesk gặp sự cố và đã tự khởi động lại. Những gì đã lưu vẫn còn; hãy thử lại thao tác vừa rồi.',

  'folder-not-found': (p) => `Không tìm thấy thư mục ${p.path}.`,
  'not-a-folder': (p) => `${p.path} không phải là thư mục.`,
  'folder-not-open': (p) => `Thư mục ${p.path} chưa được mở.`,
  'file-not-found': (p) => `Không tìm thấy tệp ${p.path}.`,
  'disk-full': (p) => `Hết dung lượng ổ đĩa khi ghi ${p.path}.`,
  'permission-denied': (p) => `Không có quyền truy cập ${p.path}.`,
  'read-only': (p) => `Không ghi được ${p.path}: ổ đĩa hoặc thư mục chỉ cho đọc.`,
  'file-busy': (p) => `Tệp ${p.path} đang được chương trình khác dùng.`,
  'settings-damaged': (p) => `Tệp thiết lập ${p.path} bị hỏng.`,

  'photo-not-in-folder': (p) => `${p.file} không có trong thư mục ${p.folder}.`,
  'photo-unreadable': (p) => `Không đọc được ảnh ${p.file}.`,
  'photo-empty': (p) => `Tệp ảnh ${p.file} rỗng.`,
  'photo-format-unknown': (p) => `${p.file} không phải định dạng ảnh được hỗ trợ.`,
  'jpeg-broken': (p) => `Tệp JPEG ${p.file} bị hỏng.`,
  'photo-quarantined': (p) =>
    `Ảnh ${p.file} đã hai lần làm bộ xử lý ảnh gặp sự cố, nên CaptionDesk không mở ảnh này nữa. Các ảnh khác vẫn làm việc bình thường.`,
  'raw-no-preview': (p) => `Tệp RAW ${p.file} không có ảnh xem trước nhúng sẵn.`,
  'heic-not-decodable': (p) =>
    `Không giải mã được ảnh HEIC ${p.file} trên máy này; hãy chuyển sang JPEG.`,

  'caption-conflict': (p) => `Chú thích của ${p.file} vừa được sửa ở nơi khác.`,
  'sidecar-damaged': (p) => `Tệp phụ XMP của ${p.file} bị hỏng.`,
  'template-not-found': (p) => `Không có mẫu nào tên “${p.name}”.`,
  'code-list-not-found': (p) => `Không có danh sách mã nào tên “${p.name}”.`,
  'code-list-invalid': (p) =>
    `“${p.name}” không có mã nào (mỗi dòng cần mã<TAB>nội dung thay thế).`,
  'find-pattern-invalid': () => 'Mẫu tìm kiếm không hợp lệ.',

  'article-not-found': (p) => `Thư mục này không có bài ${p.id}.`,
  'article-id-invalid': (p) => `“${p.id}” không phải mã bài hợp lệ.`,
  'article-damaged': (p) => `Tệp của bài ${p.id} bị hỏng.`,
  'structure-invalid': () => 'Tệp JSON của bài không đúng cấu trúc.',
  'preset-name-missing': () => 'Thiết lập xuất cần có tên.',

  'package-photo-missing': (p) => `Bài dùng ảnh ${p.file} nhưng ảnh không có trong thư mục.`,
  'package-export-failed': (p) => `Không xuất được ảnh ${p.file}.`,
  'package-cancelled': () => 'Đã huỷ đóng gói.',
  'pem-invalid': (p) => `Không đọc được ${p.what} trong tệp PEM.`,
  'signing-key-mismatch': () => 'Khoá riêng không khớp với chứng thư của người ký.',
  'signing-certificate-unusable': (p) =>
    `Chứng thư này không dùng để ký Content Credentials được: ${p.reason}.`,
  'signing-identity-missing': () =>
    'Chưa có danh tính ký: thêm chứng thư và khoá riêng trong Cài đặt › Content Credentials.',
  'signing-key-locked': () =>
    'Khoá ký được cất trong kho khoá của ứng dụng máy tính; dòng lệnh không mở được. Đặt CAPTIONDESK_SIGNING_KEY là đường dẫn tới tệp khoá PEM.',
  'signing-failed': (p) => `Không ký được ảnh ${p.file}.`,
  'package-busy': () => 'Bài này đang được đóng gói.',
  'package-invalid': (p) => `Gói ${p.file} không hợp lệ.`,
  'package-member-unexpected': (p) => `Gói có tệp lạ: ${p.member}.`,
  'package-member-missing': (p) => `Gói thiếu tệp ${p.member} mà bản kê khai liệt kê.`,
  'package-member-corrupt': (p) =>
    `Tệp ${p.member} trong gói không khớp với bản kê khai (bị hỏng hoặc bị sửa).`,
  'package-changed': (p) => `Tệp ${p.member} trong gói bị thay đổi khi đang mở.`,
  'zip-refused': (p) =>
    p.entry
      ? `Từ chối mở gói: ${zipVi[p.reason] ?? zipVi.damaged} (${p.entry}).`
      : `Từ chối mở gói: ${zipVi[p.reason] ?? zipVi.damaged}.`,
  'version-exists': (p) => `${p.path} đã có; một phiên bản không bao giờ bị ghi đè.`,
  'review-edit-invalid': () => 'Bản duyệt chưa hợp lệ.',
  'review-newer-imported': (p) => `Đã nhập phiên bản ${p.version} của bài ${p.id}; gói này cũ hơn.`,
  'outlet-missing': () => 'Hãy điền tên toà soạn trong thiết lập xuất hoặc hộp thoại đóng gói.',
  'cli-only': () => 'Thao tác này chỉ có ở dòng lệnh.',

  'job-running': () => 'Việc này đang chạy.',
  'ingest-locked': (p) => `Một lần nhập ảnh khác đang ghi vào ${p.path}.`,
  'ingest-backup-same': () => 'Thư mục sao lưu phải khác thư mục đích.',
  'ingest-source-unreadable': (p) => `Không đọc được ${p.path} trên thẻ (thẻ đã bị rút?).`,
  'rename-pattern-invalid': (p) => `Mẫu đặt tên có biến không hợp lệ: ${p.variables}.`,
  'copy-mismatch': (p) => `Bản sao của ${p.file} không khớp với thẻ.`,
  'ingest-cancelled': (p) => `Đã huỷ trước khi chép ${p.file}.`,

  'outbox-failed': () => 'Không gửi được gói.',
  'destination-invalid': () => 'Địa chỉ nơi nhận không hợp lệ.',
  'destination-not-found': (p) => `Không có nơi nhận đã lưu “${p.id}”.`,
  'outbox-job-not-found': (p) => `Không có việc gửi “${p.id}”.`,
};

export const errorsVi = {
  errorTexts: errorTextsVi,
  /** Heads the English detail, which stays on its own line below the sentence. */
  errorDetailLabel: 'Chi tiết kỹ thuật (tiếng Anh)',
};
