// Markdown passes HTML through: a profile whose name is `<img src=x onerror=alert(1)>` would run in
// whatever renders the report. Our Markdown never needs a raw tag, so every `<` is written as an entity
// (it still reads as `<` once rendered, and in plain text the intent is clear).
export const withoutRawHtml = (markdown: string): string => markdown.replace(/</g, '&lt;');
