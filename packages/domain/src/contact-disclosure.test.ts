import { describe, expect, it } from 'vitest';
import { discloseContact } from './contact-disclosure.js';

const contact = { email: 'andi@gmail.com', phone: '+6281234567890' };

describe('discloseContact', () => {
  it('shows the verified member the whole email and phone', () => {
    expect(discloseContact(contact, 'full')).toEqual({
      email: 'andi@gmail.com',
      phone: '0812-3456-7890',
      level: 'full',
    });
  });
  it('masks the email and phone for a caller who has not been verified', () => {
    expect(discloseContact(contact, 'masked')).toEqual({
      email: 'a***i@gmail.com',
      phone: '0812-****-**90',
      level: 'masked',
    });
  });
  it('shows nothing at level none', () => {
    expect(discloseContact(contact, 'none')).toEqual({ email: null, phone: null, level: 'none' });
  });
  it('keeps a missing contact missing at every level', () => {
    expect(discloseContact({ email: null, phone: null }, 'masked')).toEqual({
      email: null,
      phone: null,
      level: 'masked',
    });
  });
});
