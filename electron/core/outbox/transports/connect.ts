import { fileTransport } from './file-transport';
import { connectFtp } from './ftp-transport';
import { connectSftp } from './sftp-transport';
import type { ConnectInput, Transport } from './transport';

export function connect(input: ConnectInput): Promise<Transport> {
  switch (input.destination.kind) {
    case 'file':
      return Promise.resolve(fileTransport());
    case 'sftp':
      return connectSftp(input);
    case 'ftp':
    case 'ftps':
      return connectFtp(input);
    case 'wordpress+https':
    case 'wordpress+http':
      // A WordPress site takes posts and media, not files; the job runner sends to it itself.
      throw new Error('A WordPress destination has no file transport');
  }
}
