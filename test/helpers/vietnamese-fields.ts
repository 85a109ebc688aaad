import type { EmbedFields } from '../../electron/core/metadata/embed';

/** Every embeddable field filled with real Vietnamese: the writer's oracle tests and its benchmark use it. */
export const VIETNAMESE_FIELDS = {
  caption:
    'Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu tại hội nghị Ban Chấp hành Liên đoàn Lao động tỉnh Lào Cai.',
  headline: 'Hội nghị Ban Chấp hành Liên đoàn Lao động tỉnh Lào Cai lần thứ 5',
  title: 'Hội nghị công đoàn',
  byline: ['Tùng Lâm'],
  credit: 'Báo Lào Cai',
  source: 'Báo Lào Cai',
  copyright: '© Báo Lào Cai',
  city: 'Lào Cai',
  province: 'Lào Cai',
  country: 'Việt Nam',
  countryCode: 'VNM',
  location: 'Hội trường Tỉnh ủy',
  dateCreated: '2024-12-26T14:30:00+07:00',
  jobId: 'LC-2024-1226',
  instructions: 'Ghi rõ nguồn: Báo Lào Cai',
  keywords: ['hội nghị', 'công đoàn'],
} satisfies EmbedFields;
