const YES = /\b(i|we) (hereby )?(agree|consent)\w* (to )?(the )?(disclos|shar|provid|releas|pass)\w*[^.\n]{0,60}(contact|name|e-?mail|phone|information|details)|同意(向被投诉方|向卖家|向商家)?(披露|提供|公开)/i;
const NO = /\b(do not|don't|does not|not) (agree|consent)\w* (to )?(the )?(disclos|shar|provid|releas)|不同意(披露|提供|公开)/i;

/** Whether the complainant lets the platform pass its name and contact details to the merchant. Default no. */
export function findDisclosureConsent(text: string): boolean {
  if (NO.test(text)) return false;
  return YES.test(text);
}
