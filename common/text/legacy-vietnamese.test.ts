import { describe, expect, it } from 'vitest';
import {
  detectLegacyVietnamese,
  tcvn3ToUnicode,
  unicodeToTcvn3,
  vniToUnicode,
} from './legacy-vietnamese';

describe('legacy Vietnamese encodings', () => {
  it('converts TCVN3 as it looks when pasted', () => {
    expect(tcvn3ToUnicode('B¶o Th¾ng')).toBe('Bảo Thắng');
    expect(tcvn3ToUnicode('M\u00adêng Kh\u00ad¬ng')).toBe('Mường Khương');
    expect(tcvn3ToUnicode('B¸t X¸t')).toBe('Bát Xát');
  });

  it('round-trips a whole caption through TCVN3', () => {
    const caption =
      'phó bí thư tỉnh ủy hoàng giang phát biểu tại hội nghị ban chấp hành liên đoàn lao động tỉnh lào cai.';
    expect(tcvn3ToUnicode(unicodeToTcvn3(caption))).toBe(caption);
  });

  it('converts VNI', () => {
    expect(vniToUnicode('Xin chaøo caùc baïn')).toBe('Xin chào các bạn');
    expect(vniToUnicode('Vieät Nam')).toBe('Việt Nam');
    expect(vniToUnicode('Ñaûng')).toBe('Đảng');
    expect(vniToUnicode('Möôøng Khöông')).toBe('Mường Khương');
    expect(vniToUnicode('Thaéng')).toBe('Thắng');
  });

  it('detects which encoding a paste is in', () => {
    expect(detectLegacyVietnamese('B¶o Th¾ng')).toEqual({
      encoding: 'tcvn3',
      repaired: 'Bảo Thắng',
    });
    expect(detectLegacyVietnamese('Xin chaøo caùc baïn')).toEqual({
      encoding: 'vni',
      repaired: 'Xin chào các bạn',
    });
    const tcvn = unicodeToTcvn3(
      'Đồng chí Thái Thu Xương, Phó Chủ tịch Tổng Liên đoàn Lao động Việt Nam.',
    );
    expect(detectLegacyVietnamese(tcvn)?.encoding).toBe('tcvn3');
  });

  it('leaves real Unicode Vietnamese and other languages alone', () => {
    expect(
      detectLegacyVietnamese('Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu tại hội nghị.'),
    ).toBeNull();
    expect(detectLegacyVietnamese('Lào Cai')).toBeNull();
    expect(detectLegacyVietnamese('mit blauem Kleid, Straße in München')).toBeNull();
    expect(detectLegacyVietnamese('Photo: Óscar Cañas/EUROPA PRESS')).toBeNull();
    expect(detectLegacyVietnamese('The Gateshead Angel')).toBeNull();
  });
});
