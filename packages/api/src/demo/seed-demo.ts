import { eq } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { accounts, memberContacts, memberKpj, members, meta, staffUsers } from '../db/schema.js';
import { runRegistryScan } from '../duplicates/registry-scan.js';
import { insertScan } from '../repositories/duplicate-repository.js';
import { motherNameDigest } from '../security/identity-digest.js';
import { hashPassword } from '../security/password.js';
import {
  DEMO_MEMBER_PASSWORD,
  DEMO_STAFF_PASSWORD,
  DEMO_TOTP_REFERENCE_PREFIX,
  demoMembers,
  demoStaff,
} from './demo-accounts.js';
import { seedDemoBranches } from './demo-branches.js';
import { seedDemoContributions } from './demo-contributions.js';
import { demoDuplicateRegistrations } from './demo-duplicates.js';
import { demoMembersWithoutAccount } from './demo-registry-members.js';
import { type GeneratedMember, generateRegistry } from './registry-generator.js';

const SEEDED_KEY = 'demo_seeded_at';
const fixedClock = (now: Date): Clock => ({ now: () => now });

interface MemberRow extends GeneratedMember {
  readonly emailVerifiedAt: string | null;
  readonly phoneVerifiedAt: string | null;
  readonly confirmedAt: string | null;
  readonly status?: 'aktif' | 'non_aktif';
  readonly statusReason?: string | null;
}

function insertMember(db: Db, identityKey: Buffer, row: MemberRow, now: string): number {
  const inserted = db
    .insert(members)
    .values({
      nik: row.nik,
      fullName: row.fullName,
      birthDate: row.birthDate,
      sex: row.sex,
      motherNameDigest: motherNameDigest(identityKey, row.motherName),
      status: row.status ?? 'aktif',
      statusReason: row.statusReason ?? null,
      createdAt: now,
    })
    .returning({ id: members.id })
    .get();
  row.kpjNumbers.forEach((kpj, i) => {
    db.insert(memberKpj)
      .values({ kpj, memberId: inserted.id, registeredAt: `${2010 + i}-01-01` })
      .run();
  });
  db.insert(memberContacts)
    .values({
      memberId: inserted.id,
      email: row.email,
      emailVerifiedAt: row.emailVerifiedAt,
      phone: row.phone,
      phoneVerifiedAt: row.phoneVerifiedAt,
      confirmedAt: row.confirmedAt,
      updatedAt: now,
    })
    .run();
  return inserted.id;
}

/**
 * Seeds the demo registry once per database: the documented demo members and staff, then a
 * generated registry of `size` members. Returns false when the database was seeded before.
 */
export async function seedDemo(db: Db, identityKey: Buffer, size: number, now: Date): Promise<boolean> {
  if (db.select().from(meta).where(eq(meta.key, SEEDED_KEY)).get()) return false;
  const [memberHash, staffHash] = await Promise.all([
    hashPassword(DEMO_MEMBER_PASSWORD),
    hashPassword(DEMO_STAFF_PASSWORD),
  ]);
  const at = now.toISOString();
  const yearsAgo = (years: number) => new Date(now.getTime() - years * 365.25 * 86_400_000).toISOString();
  let supervisorId = 0;
  db.transaction((tx) => {
    for (const demo of [...demoMembers, ...demoDuplicateRegistrations]) {
      const memberId = insertMember(
        tx,
        identityKey,
        {
          ...demo,
          emailVerifiedAt: demo.emailVerified ? yearsAgo(demo.confirmedYearsAgo) : null,
          phoneVerifiedAt: demo.phoneVerified ? yearsAgo(demo.confirmedYearsAgo) : null,
          confirmedAt: yearsAgo(demo.confirmedYearsAgo),
        },
        at,
      );
      tx.insert(accounts).values({ memberId, passwordHash: memberHash, createdAt: at }).run();
    }
    for (const staff of demoStaff) {
      const staffRow = tx
        .insert(staffUsers)
        .values({
          ...staff,
          passwordHash: staffHash,
          // TOTP already enrolled with the published demo secret (see DEMO_STAFF_TOTP_SECRETS).
          totpSecretEncrypted: `${DEMO_TOTP_REFERENCE_PREFIX}${staff.username}`,
          totpEnrolledAt: at,
          createdAt: at,
        })
        .returning({ id: staffUsers.id })
        .get();
      if (staff.role === 'supervisor') supervisorId = staffRow.id;
    }
    for (const member of demoMembersWithoutAccount) {
      insertMember(tx, identityKey, { ...member, emailVerifiedAt: null, phoneVerifiedAt: null, confirmedAt: null }, at);
    }
    // Generated members may collide with a demo member's NIK or KPJ only by chance; skip those.
    const taken = new Set(
      [...demoMembers, ...demoDuplicateRegistrations, ...demoMembersWithoutAccount].flatMap((m) => [
        m.nik,
        ...m.kpjNumbers,
        m.email,
        m.phone,
      ]),
    );
    for (const member of generateRegistry(size)) {
      if ([member.nik, ...member.kpjNumbers, member.email].some((v) => v !== null && taken.has(v))) continue;
      insertMember(tx, identityKey, { ...member, emailVerifiedAt: null, phoneVerifiedAt: null, confirmedAt: null }, at);
      taken.add(member.nik);
    }
    seedDemoContributions(tx, at.slice(0, 10));
    seedDemoBranches(tx);
    tx.insert(meta).values({ key: SEEDED_KEY, value: at }).run();
  });
  // A first registry scan, as a supervisor would run it, so that the review queue and Rudi's
  // duplicate accounts are there from the start (seeding is not an event of the audit log).
  const scanId = 'demo-scan';
  insertScan(db, scanId, supervisorId, 0, now);
  await runRegistryScan(db, fixedClock(now), scanId, supervisorId, { audit: false });
  return true;
}
