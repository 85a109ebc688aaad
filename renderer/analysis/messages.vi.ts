/** Assisted culling: badges on the tiles, their "why", filters and progress. */
export const analysisVi = {
  anSoft: 'Mềm',
  anSoftWhy: (sharpness: number, rankPct: number, thresholdPct: number, absolute: number) =>
    `Ảnh mềm, có thể trượt nét. Độ nét ${sharpness} (phương sai Laplace trên ô nét nhất), bằng ${rankPct}% độ nét của các ảnh nét trong thư mục. Mềm khi dưới ${thresholdPct}% hoặc dưới ${absolute}.`,
  anOver: 'Cháy sáng',
  anUnder: 'Thiếu sáng',
  anExposureWhy: (highlightsPct: string, shadowsPct: string, meanLuma: number) =>
    `Vùng sáng bị cháy (≥ 250): ${highlightsPct}% · vùng tối mất chi tiết (≤ 5): ${shadowsPct}% · độ sáng trung bình ${meanLuma}/255.`,
  anStack: (size: number) => `Chùm ${size}`,
  anStackWhy: (size: number, distance: number | null) =>
    `Chùm ${size} ảnh chụp liên tiếp hoặc gần giống nhau.` +
    (distance === null ? '' : ` Khác ảnh nét nhất của chùm ${distance}/64 bit mã băm ảnh.`),
  anBest: 'Nét nhất',
  anBestWhy: (size: number, sharpness: number) =>
    `Ảnh nét nhất trong chùm ${size} ảnh (độ nét ${sharpness}).`,
  anProgress: (done: number, total: number) => `Đang phân tích ảnh ${done}/${total}`,
  anFailed: (message: string) => `Không phân tích được ảnh: ${message}`,
  anHideSoft: 'Ẩn ảnh mềm',
  anOnePerStack: 'Mỗi chùm một ảnh',
  anBadgesLabel: 'Gợi ý chọn ảnh',
};
