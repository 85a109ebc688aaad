// Child process for the crash test: writes captions to one sidecar as fast as it can.
import { writeSidecar } from '../../electron/core/metadata/sidecar';

const [dir, file] = process.argv.slice(2) as [string, string];
let i = 0;
process.stdout.write('ready\n');
for (;;) {
  i++;
  await writeSidecar(dir, file, [
    {
      prefix: 'dc',
      name: 'description',
      kind: 'alt',
      value: `Chú thích số ${i}: Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu tại hội nghị.`,
    },
  ]);
}
