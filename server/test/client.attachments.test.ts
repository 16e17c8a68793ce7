/**
 * The web client's file display helpers (client/src/features/attachments/format.ts):
 * sizes, preview boxes, file kinds, same-origin file URLs and list previews.
 * Lives here so the root `vitest run` picks it up; it needs no database.
 */
import { describe, expect, test } from 'vitest';
import {
  attachmentsPreview,
  fileKind,
  humanSize,
  previewSize,
  sameOriginFileUrl,
} from '../../client/src/features/attachments/format.ts';

describe('attachment display helpers', () => {
  test('sizes read like a person would say them', () => {
    expect(humanSize(0)).toBe('0 bytes');
    expect(humanSize(1)).toBe('1 byte');
    expect(humanSize(1023)).toBe('1023 bytes');
    expect(humanSize(1024)).toBe('1.0 KB');
    expect(humanSize(1536)).toBe('1.5 KB');
    expect(humanSize(820 * 1024)).toBe('820 KB');
    expect(humanSize(25 * 1024 * 1024)).toBe('25 MB');
    expect(humanSize(3 * 1024 ** 3)).toBe('3.0 GB');
  });

  test('previews keep the aspect ratio inside 320 × 240 and never enlarge', () => {
    expect(previewSize(900, 600)).toEqual({ width: 320, height: 213 });
    expect(previewSize(600, 1200)).toEqual({ width: 120, height: 240 });
    expect(previewSize(100, 50)).toEqual({ width: 100, height: 50 });
    expect(previewSize(10_000, 1)).toEqual({ width: 320, height: 1 });
    // Unknown dimensions reserve the full box.
    expect(previewSize(null, null)).toEqual({ width: 320, height: 240 });
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
