/**
 * Markup a bundle keeps in its messages (`<b>`, CAS's `<a href="https://pm.example.edu">`): its tags and attributes
 * are no words or counts. Dropped when the phrase data is built (so no example URL ships in the classifier) and
 * again when templates are made from rows.
 */
const MARKUP = /<\/?[a-z][^<>]*>/gi;

export const withoutMarkup = (text: string): string => text.replace(MARKUP, '');
