/** The host a URL names, for messages ("can't reach acme.api.identitynow.com"); the text itself if it is no URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
