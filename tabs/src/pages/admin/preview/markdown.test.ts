import { describe, expect, it } from 'vitest';
import { teamsMarkdownToHtml } from './markdown.ts';

describe('Teams Markdown for the card preview', () => {
  it('renders bold, italic, links, lists and paragraphs', () => {
    const html = teamsMarkdownToHtml(
      'Read **all** of it, _today_.\nSee [the guideline](https://intra.example/g?a=1&b=2).\n\n- wash hands\n- wear a mask\n\n1. first\n2. second',
    );
    expect(html).toBe(
      '<p>Read <strong>all</strong> of it, <em>today</em>.<br>See <a href="https://intra.example/g?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">the guideline</a>.</p>' +
        '<ul><li>wash hands</li><li>wear a mask</li></ul><ol><li>first</li><li>second</li></ol>',
    );
  });

  it('escapes markup, so a guideline cannot inject HTML into the admin’s page', () => {
    expect(teamsMarkdownToHtml('<img src=x onerror=alert(1)> & "quotes"')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;</p>',
    );
  });

  it('keeps a javascript: link as the text typed', () => {
    expect(teamsMarkdownToHtml('[click](javascript:alert(1))')).toBe('<p>[click](javascript:alert(1))</p>');
  });

  it('shows what Teams does not render (headings) as typed, and leaves snake_case alone', () => {
    expect(teamsMarkdownToHtml('# Title\nuse file_name_here')).toBe('<p># Title<br>use file_name_here</p>');
  });
});
