import path from 'node:path';
import { describe, it, expect } from 'vitest';
import {
  APP_ENTRY_URL,
  contentSecurityPolicy,
  contentTypeFor,
  isAllowedExternal,
  isAllowedNetworkRequest,
  isAllowedSender,
  isAppUrl,
  safeJoin,
} from './security-rules';

const DEV = 'http://localhost:5173';

describe('isAllowedSender', () => {
  it('accepts the packaged renderer', () => {
    expect(isAllowedSender(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedSender('app://app/')).toBe(true);
    expect(isAllowedSender('app://app/grid?x=1#caption')).toBe(true);
  });

  it('accepts the dev server only when one is running', () => {
    expect(isAllowedSender('http://localhost:5173/', DEV)).toBe(true);
    expect(isAllowedSender('http://localhost:5173/index.html', DEV)).toBe(true);
    expect(isAllowedSender('http://localhost:5173/')).toBe(false);
    expect(isAllowedSender('http://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedSender('http://127.0.0.1:5173/', DEV)).toBe(false);
    expect(isAllowedSender('https://localhost:5173/', DEV)).toBe(false);
  });

  it('rejects everything else', () => {
    for (const url of [
      undefined,
      '',
      'not a url',
      'app://media/media/thumb/k/a.jpg',
      'app://evil/index.html',
      'app://app.evil/index.html',
      'file:///work/main/.vite/renderer/main_window/index.html',
      'https://example.com/',
      'about:blank',
      'data:text/html,<script>1</script>',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(isAllowedSender(url, DEV), String(url)).toBe(false);
    }
  });
});

describe('isAppUrl', () => {
  it('is what navigation may target', () => {
    expect(isAppUrl('app://app/index.html')).toBe(true);
    expect(isAppUrl('https://github.com/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/@vite/client', DEV)).toBe(true);
  });
});

describe('isAllowedNetworkRequest', () => {
  it('allows the dev server and its hot-reload socket only', () => {
    expect(isAllowedNetworkRequest('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isAllowedNetworkRequest('ws://localhost:5173/?token=x', DEV)).toBe(true);
    expect(isAllowedNetworkRequest('wss://localhost:5173/', DEV)).toBe(false);
    expect(isAllowedNetworkRequest('http://localhost:8080/', DEV)).toBe(false);
    expect(isAllowedNetworkRequest('https://cdn.example.com/x.js', DEV)).toBe(false);
  });

  it('allows nothing in a packaged build', () => {
    expect(isAllowedNetworkRequest('http://localhost:5173/')).toBe(false);
    expect(isAllowedNetworkRequest('https://github.com/')).toBe(false);
  });
});

describe('isAllowedExternal', () => {
  it('opens listed https hosts', () => {
    expect(isAllowedExternal('https://github.com/captiondesk/issues')).toBe(true);
    expect(isAllowedExternal('https://iptc.org/std/photometadata/')).toBe(true);
  });

  it('refuses other schemes, hosts, look-alikes and credentials', () => {
    for (const url of [
      'http://github.com/',
      'https://github.com.evil.example/',
      'https://evilgithub.com/',
      'https://gist.github.com/',
      'https://user:pw@github.com/',
      'https://github.com@evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'app://app/index.html',
      'not a url',
    ]) {
      expect(isAllowedExternal(url), url).toBe(false);
    }
  });

  it('takes its own list', () => {
    expect(isAllowedExternal('https://baolaocai.vn/', ['baolaocai.vn'])).toBe(true);
    expect(isAllowedExternal('https://github.com/', ['baolaocai.vn'])).toBe(false);
  });
});

describe('safeJoin', () => {
  const root = path.resolve('/srv/renderer');

  it('maps URL paths to files under the root', () => {
    expect(safeJoin(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(safeJoin(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(safeJoin(root, '/a/../b.css')).toBe(path.join(root, 'b.css'));
    expect(safeJoin(root, '/fonts/Be%20Vietnam%20Pro.woff2')).toBe(
      path.join(root, 'fonts', 'Be Vietnam Pro.woff2'),
    );
    expect(safeJoin(root, '/ảnh/%E1%BA%A3nh.png')).toBe(path.join(root, 'ảnh', 'ảnh.png'));
    expect(safeJoin(root, '/..foo.js')).toBe(path.join(root, '..foo.js'));
  });

  it('reads a doubled leading slash as a path under the root, not an absolute one', () => {
    expect(safeJoin(root, '//etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(safeJoin(root, '/%2fetc%2fpasswd')).toBe(path.join(root, 'etc', 'passwd'));
    const wroot = 'C:\\app';
    expect(safeJoin(wroot, '/%5c%5cserver%5cshare', path.win32)).toBe('C:\\app\\server\\share');
  });

  it('refuses to leave the root, however it is spelled', () => {
    for (const p of [
      '/../secret',
      '/%2e%2e/secret',
      '/%2E%2E%2Fsecret',
      '/assets/%2e%2e/%2e%2e/secret',
      '/..%2f..%2fetc%2fpasswd',
      '/a%00.js',
      '/%E0%A4%A',
      '/',
      '',
      '/.',
    ]) {
      expect(safeJoin(root, p), p).toBeNull();
    }
  });

  it('refuses Windows escapes too', () => {
    const win = path.win32;
    const wroot = 'C:\\Program Files\\CaptionDesk\\renderer';
    expect(safeJoin(wroot, '/assets/a.js', win)).toBe(`${wroot}\\assets\\a.js`);
    for (const p of [
      '/..\\..\\Windows\\win.ini',
      '/..%5c..%5cWindows%5cwin.ini',
      '/C:%5cWindows%5cwin.ini',
      '/C:/Windows/win.ini',
      '/D:x',
    ]) {
      expect(safeJoin(wroot, p, win), p).toBeNull();
    }
  });
});

describe('contentSecurityPolicy', () => {
  it('is strict when packaged', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toMatch(/img-src [^;]*app:/);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/https?:/);
  });

  it('lets the dev server run its preamble and hot-reload socket, nothing more', () => {
    const csp = contentSecurityPolicy(DEV);
    expect(csp).toMatch(/script-src 'self' 'unsafe-inline';/);
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline';/);
    expect(csp).toContain("connect-src 'self' ws://localhost:5173");
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('contentTypeFor', () => {
  it('knows the renderer’s files and defaults to bytes', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('assets/INDEX.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});
