import { describe, expect, it } from 'vitest';
import { houseNames, packageFileName } from './house-name';

const ctx = (file: string, seqn = 1) => ({
  outlet: 'baolaocai',
  initials: 'tl',
  file,
  seqn,
  date: '2024-12-26',
});

describe('house naming', () => {
  it('gives the seed article’s names', () => {
    expect(
      houseNames('{outlet}-{initials}_{fbas}', [ctx('DSC-2409.JPG'), ctx('DSC-2403.JPG')], 80),
    ).toEqual(['baolaocai-tl_dsc-2409.jpg', 'baolaocai-tl_dsc-2403.jpg']);
  });
  it('folds Vietnamese, maps đ to d, and keeps names ASCII', () => {
    expect(
      houseNames(
        '{outlet}-{initials}_{fbas}',
        [{ ...ctx('Đại hội Đảng bộ.JPG'), outlet: 'Báo Lào Cai', initials: 'Đức' }],
        80,
      ),
    ).toEqual(['bao-lao-cai-duc_dai-hoi-dang-bo.jpg']);
  });
  it('suffixes collisions deterministically and respects the length limit', () => {
    const names = houseNames('{outlet}_{fbas}', [ctx('a.JPG'), ctx('A.jpeg'), ctx('a.png')], 80);
    expect(names).toEqual(['baolaocai_a.jpg', 'baolaocai_a-2.jpg', 'baolaocai_a-3.jpg']);
    const long = houseNames(
      '{outlet}_{fbas}',
      [ctx('x'.repeat(300) + '.JPG'), ctx('x'.repeat(301) + '.JPG')],
      40,
    );
    expect(long.every((n) => n.length <= 40)).toBe(true);
    expect(new Set(long).size).toBe(2);
  });
  it('names packages <outlet>-<date>-<slug>.zip', () => {
    expect(
      packageFileName(
        'baolaocai',
        '2024-12-26',
        '"Lấy công tác chăm lo, bảo vệ quyền lợi cho đoàn viên, lao động là thước đo hiệu quả hoạt động công đoàn"',
      ),
    ).toBe('baolaocai-2024-12-26-lay-cong-tac-cham-lo-bao-ve-quyen-loi-cho-doan-vien-lao-dong.zip');
  });
});
