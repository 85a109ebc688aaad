/** The two-photo conference article several browser tests package: its photos and its text. */

export const CONFERENCE_HEADLINE = 'Hội nghị Ban Chấp hành Liên đoàn Lao động tỉnh';

/** Name in the event folder → fixture. */
export const CONFERENCE_PHOTOS = {
  'DSC-2403.JPG': 'canon-eos1300d-18mp.jpg',
  'DSC-2409.JPG': 'leica-t-orient8.jpg',
};

export const conferenceStructure = () => ({
  headline: CONFERENCE_HEADLINE,
  sapo: 'Chiều 26/12, tại Lào Cai.',
  byline: 'Tùng Lâm',
  body: [
    { type: 'paragraph', text: 'Dự hội nghị có các đồng chí lãnh đạo tỉnh.' },
    { type: 'photo', source: 'DSC-2403.JPG', caption: 'Quang cảnh hội nghị.' },
    { type: 'photo', source: 'DSC-2409.JPG', caption: 'Đại biểu phát biểu.' },
  ],
});
