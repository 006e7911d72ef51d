import { describe, expect, it } from 'vitest';
import { splitPage } from './page-weight';

describe('splitPage', () => {
  it('counts the RSC payload scripts apart from the markup, in UTF-8 bytes', () => {
    const payload = '<script nonce="x">self.__next_f.push([1,"2:[\\"$\\",\\"p\\",null,{\\"children\\":\\"café\\"}]\\n"])</script>';
    const other = '<script nonce="x">$RC("B:0","S:0")</script>';
    const html = `<!DOCTYPE html><html><body><p>café</p>${other}${payload}${payload}</body></html>`;
    const split = splitPage(html);
    expect(split.bytes).toBe(Buffer.byteLength(html));
    expect(split.payloadBytes).toBe(2 * Buffer.byteLength(payload));
    expect(split.htmlBytes).toBe(Buffer.byteLength(html) - 2 * Buffer.byteLength(payload));
    expect(splitPage('<p>no payload</p>')).toEqual({ bytes: 17, payloadBytes: 0, htmlBytes: 17 });
  });
});
