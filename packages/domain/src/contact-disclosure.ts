import { maskEmail } from './email.js';
import { formatPhone, maskPhone, type PhoneE164 } from './phone.js';

/** How much of a registered contact a caller may see. */
export type DisclosureLevel = 'none' | 'masked' | 'full';

export interface RegisteredContact {
  readonly email: string | null;
  readonly phone: PhoneE164 | null;
}

export interface DisclosedContact {
  readonly email: string | null;
  readonly phone: string | null;
  readonly level: DisclosureLevel;
}

/** Renders the registered contact at the given level; `full` is for the verified member only. */
export function discloseContact(contact: RegisteredContact, level: DisclosureLevel): DisclosedContact {
  switch (level) {
    case 'full':
      return {
        email: contact.email,
        phone: contact.phone === null ? null : formatPhone(contact.phone),
        level,
      };
    case 'masked':
      return {
        email: contact.email === null ? null : maskEmail(contact.email),
        phone: contact.phone === null ? null : maskPhone(contact.phone),
        level,
      };
    case 'none':
      return { email: null, phone: null, level };
  }
}
