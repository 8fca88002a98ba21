import { describe, expect, it } from 'vitest';
import { escapeXml, safeSvgText } from '../../../render/sanitize.js';

describe('escapeXml', () => {
  it('escapes markup characters so text can never become markup', () => {
    expect(escapeXml(`& < > " ' ]]>`)).toBe('&amp; &lt; &gt; &quot; &apos; ]]&gt;');
  });
});

describe('safeSvgText', () => {
  it('cleans, removes emoji the font cannot draw, keeps © and escapes', () => {
    expect(safeSvgText('<script>alert("x")</script>\u0000')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(safeSvgText('© Sở GD&ĐT 🎉\u202E')).toBe('© Sở GD&amp;ĐT');
  });
});
