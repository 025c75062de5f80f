import { desc } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Db } from '../db/database.js';
import { outbox } from '../db/schema.js';

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Demo mode only: every email and SMS the system "sent", newest first. */
export function devMailbox(db: Db) {
  return (c: Context): Response | Promise<Response> => {
    const messages = db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(200).all();
    if (c.req.query('format') === 'json') return c.json({ messages });
    const rows = messages
      .map(
        (m) => `<article data-channel="${m.channel}">
  <header><strong>${m.channel === 'email' ? 'Email' : 'SMS'}</strong> → <span class="to">${escapeHtml(m.recipient)}</span>
  <time>${escapeHtml(m.createdAt)}</time></header>
  ${m.subject ? `<h2>${escapeHtml(m.subject)}</h2>` : ''}
  <pre>${escapeHtml(m.body)}</pre>
</article>`,
      )
      .join('\n');
    return c.html(`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Kotak surat dev — Pulih</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}
article{border:1px solid #ccc;border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}
pre{white-space:pre-wrap;font:inherit}time{color:#666;float:right;font-size:.85em}
.banner{background:#fff3cd;padding:.5rem 1rem;border-radius:6px}</style></head>
<body><h1>Kotak surat dev / Dev mailbox</h1>
<p class="banner">Mode demo: pesan di sini tidak benar-benar dikirim. Demo mode: nothing here was really sent.</p>
${rows || '<p>Belum ada pesan. / No messages yet.</p>'}
</body></html>`);
  };
}
