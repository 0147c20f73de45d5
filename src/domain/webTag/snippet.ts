/** What Settings shows to copy into the site's pages (the script is served by apps/server/webTag). */
export function tagSnippetFor(publicUrl: string, tagKey: string): string {
  return `<script async src="${publicUrl}/t/tag.js" data-openabm-key="${tagKey}"></script>`;
}
