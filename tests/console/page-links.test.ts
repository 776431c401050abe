// A visitor's page is a link in the console only on the shop's own origins: the URL is what the
// visitor's browser (or a script posing as one) reported, and any other host could be a trap.
import { describe, expect, it } from 'vitest';
import { pageHref } from '../../agent-console/src/lib/safe-url.js';

const ORIGINS = ['http://localhost:3000', 'https://shop.example'];

describe('pageHref', () => {
  it('links pages on the shop and on this server', () => {
    expect(pageHref('https://shop.example/checkout?step=2', ORIGINS)).toBe('https://shop.example/checkout?step=2');
    expect(pageHref('http://localhost:3000/', ORIGINS)).toBe('http://localhost:3000/');
    expect(pageHref('https://SHOP.example/a', ['https://shop.example/'])).toBe('https://shop.example/a');
  });
  it('shows anything else as text', () => {
    for (const url of ['https://evil.example/login', 'https://shop.example.evil.example/', 'http://shop.example/', 'javascript:alert(1)', 'mailto:a@b.example', 'not a url']) {
      expect(pageHref(url, ORIGINS), url).toBeNull();
    }
  });
});
