/** An e-mail address as accounts are found by it: case and surrounding spaces do not count. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();
