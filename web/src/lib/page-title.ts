// Names the browser tab after the page, so history entries and screen readers say where you are.
export function setPageTitle(title: string): void {
  document.title = `${title} · Yello`;
}
