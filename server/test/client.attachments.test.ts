/**
 * The web client's file display helpers (client/src/features/attachments/format.ts):
 * sizes (against the server's phrasing of the upload limit), preview boxes, file
 * kinds, same-origin file URLs and list previews.
 * Lives here so the root `vitest run` picks it up; it needs no database.
 */
import { describe, expect, test } from 'vitest';
import {
  attachmentsPreview,
  fileKind,
  humanLimit,
  humanSize,
  previewSize,
  sameOriginFileUrl,
} from '../../client/src/features/attachments/format.ts';
import { formatByteLimit } from '../src/modules/files/files.model.ts';

describe('attachment display helpers', () => {
  test('sizes read like a person would say them', () => {
    expect(humanSize(0)).toBe('0 bytes');
    expect(humanSize(1)).toBe('1 byte');
    expect(humanSize(1023)).toBe('1023 bytes');
    expect(humanSize(1024)).toBe('1 KB');
    expect(humanSize(1536)).toBe('1.5 KB');
    expect(humanSize(820 * 1024)).toBe('820 KB');
    expect(humanSize(25 * 1024 * 1024)).toBe('25 MB');
    expect(humanSize(3 * 1024 ** 3)).toBe('3 GB');
    // Three significant digits, never less than the real size.
    expect(humanSize(10_000_000)).toBe('9.54 MB');
    expect(humanSize(1025)).toBe('1.01 KB');
    expect(humanSize(1024 * 1024 - 1)).toBe('1 MB');
    expect(humanSize(1500 * 1024 ** 3)).toBe('1500 GB');
  });

  test('a file over the upload limit never reads as the limit itself', () => {
    // The QA report: "huge.zip · 25 MB — Files may be at most 25 MB".
    const limit = 25 * 1024 * 1024;
    expect(formatByteLimit(limit)).toBe('25 MB');
    expect(humanSize(26_214_608)).toBe('25.1 MB');

    const bytesOf = (shown: string) => {
      const [n, unit] = shown.split(' ') as [string, string];
      const power = { byte: 0, bytes: 0, KB: 1, MB: 2, GB: 3 }[unit];
      if (power === undefined) throw new Error(`unknown unit in ${shown}`);
      return Number(n) * 1024 ** power;
    };
    const limits = [
      limit,
      4 * 1024 * 1024,
      1024,
      10_000,
      26_300_000,
      25_000_000,
      1024 ** 3,
      100 * 1024 ** 2 + 7,
    ];
    for (const max of limits) {
      const shownLimit = formatByteLimit(max);
      // The client words a limit as the server does (it refuses an oversized file before uploading).
      expect(humanLimit(max)).toBe(shownLimit);
      // The limit is never overstated, a size never understated.
      expect(bytesOf(shownLimit)).toBeLessThanOrEqual(max);
      for (const over of [1, 2, 208, 1023, 1024, 4096, 51_199, 52_429, 100_000]) {
        const shown = humanSize(max + over);
        expect(bytesOf(shown)).toBeGreaterThanOrEqual(max + over);
        expect(shown, `${max + over} bytes against a limit of ${max}`).not.toBe(shownLimit);
        expect(bytesOf(shown)).toBeGreaterThan(bytesOf(shownLimit));
      }
    }
  });

  test('previews keep the aspect ratio inside 320 × 240 and never enlarge an ordinary image', () => {
    expect(previewSize(900, 600)).toEqual({ width: 320, height: 213 });
    expect(previewSize(600, 1200)).toEqual({ width: 120, height: 240 });
    expect(previewSize(100, 50)).toEqual({ width: 100, height: 50 });
    expect(previewSize(900, 300)).toEqual({ width: 320, height: 107 }); // exactly 3 : 1
    // Unknown dimensions reserve the full box.
    expect(previewSize(null, null)).toEqual({ width: 320, height: 240 });
  });

  test('a very thin or tiny image gets a box one can see and click, at most 3 : 1', () => {
    // The QA report: a 10 × 3000 image was a 1 px line.
    expect(previewSize(10, 3000)).toEqual({ width: 80, height: 240 });
    expect(previewSize(1080, 10_000)).toEqual({ width: 80, height: 240 }); // a long screenshot
    expect(previewSize(10_000, 1)).toEqual({ width: 320, height: 107 });
    expect(previewSize(4, 4)).toEqual({ width: 48, height: 48 });
    expect(previewSize(10, 30)).toEqual({ width: 48, height: 144 });
    for (const [w, h] of [
      [1, 100_000],
      [100_000, 1],
      [1, 1],
      [7, 3001],
      [5000, 40],
    ] as const) {
      const box = previewSize(w, h);
      expect(Math.min(box.width, box.height), `${w} × ${h}`).toBeGreaterThanOrEqual(48);
      expect(Math.max(box.width, box.height) / Math.min(box.width, box.height)).toBeLessThanOrEqual(3.01);
      expect(box.width).toBeLessThanOrEqual(320);
      expect(box.height).toBeLessThanOrEqual(240);
    }
  });

  test('kinds come from the detected type first, then the name', () => {
    expect(fileKind('image/png', 'x.pdf')).toBe('image');
    expect(fileKind('application/pdf')).toBe('pdf');
    expect(fileKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      'document',
    );
    expect(fileKind('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('sheet');
    expect(fileKind('application/vnd.openxmlformats-officedocument.presentationml.presentation')).toBe(
      'slides',
    );
    expect(fileKind('application/zip')).toBe('archive');
    expect(fileKind('text/plain', 'notes.txt')).toBe('text');
    expect(fileKind('audio/mpeg')).toBe('audio');
    expect(fileKind('video/mp4')).toBe('video');
    expect(fileKind('', 'budget.xlsx')).toBe('sheet');
    expect(fileKind('application/octet-stream', 'blob')).toBe('other');
  });

  test('signed file URLs become same-origin paths; other URLs are left alone', () => {
    expect(sameOriginFileUrl('http://localhost:0/files/abc?exp=1&sig=x_y-z')).toBe(
      '/files/abc?exp=1&sig=x_y-z',
    );
    expect(sameOriginFileUrl('https://chat.example.com/files/abc/thumbnail?exp=2&sig=s')).toBe(
      '/files/abc/thumbnail?exp=2&sig=s',
    );
    expect(sameOriginFileUrl('/files/abc?exp=3&sig=s')).toBe('/files/abc?exp=3&sig=s');
    expect(sameOriginFileUrl('https://cdn.example.com/avatar.png')).toBe(
      'https://cdn.example.com/avatar.png',
    );
    expect(sameOriginFileUrl(null)).toBeNull();
    expect(sameOriginFileUrl('')).toBeNull();
  });

  test('a message with files only is previewed by what it carries', () => {
    expect(attachmentsPreview([])).toBe('');
    expect(attachmentsPreview([{ name: 'a.png', isImage: true }])).toBe('Photo');
    expect(attachmentsPreview([{ name: 'report.pdf', isImage: false }])).toBe('report.pdf');
    expect(
      attachmentsPreview([
        { name: 'a.png', isImage: true },
        { name: 'b.jpg', isImage: true },
      ]),
    ).toBe('2 photos');
    expect(
      attachmentsPreview([
        { name: 'a.png', isImage: true },
        { name: 'b.pdf', isImage: false },
        { name: 'c.zip', isImage: false },
      ]),
    ).toBe('3 files');
  });
});
