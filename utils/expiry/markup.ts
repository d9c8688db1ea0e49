/**
 * Markup a bundle keeps in its messages (`<b>`, CAS's `<a href="https://pm.example.edu">`): its tags and attributes
 * are no words or counts. Dropped once, when the phrase data is built (so no example URL ships in the classifier);
 * the checker refuses a row that still has any, so the detector never strips them at run time.
 */
const MARKUP = /<\/?[a-z][^<>]*>/gi;

export const withoutMarkup = (text: string): string => text.replace(MARKUP, '');
