// Templates describe an email as plain-text blocks; this file turns them into
// the text body and the HTML body, so the two always say the same thing and
// the HTML is escaped in one place. No template engine: user text is never
// part of a template.
import type { Locale } from '../db/users.table.js'
import { translator } from '../i18n/index.js'
import { escapeHtml, safeHref } from './html.js'

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'button'; label: string; href: string }
  /** Label/value lines, e.g. who wrote a message. */
  | { kind: 'facts'; rows: Array<[label: string, value: string]> }
  /** Text written by someone else, shown as is (line breaks kept). */
  | { kind: 'quote'; text: string }

export interface EmailContent {
  subject: string
  blocks: Block[]
}

export interface RenderedEmail {
  subject: string
  text: string
  html: string
}

export function render(locale: Locale, content: EmailContent): RenderedEmail {
  // A subject is one header line: user text must not break it.
  const subject = content.subject.replace(/\s+/g, ' ').trim()
  return { subject, text: renderText(locale, content.blocks), html: renderHtml(locale, subject, content.blocks) }
}

function renderText(locale: Locale, blocks: Block[]): string {
  const parts = blocks.map((block) => textBlock(block, COLON[locale]))
  parts.push(`-- \n${translator(locale).t('app.name')}`)
  return `${parts.join('\n\n')}\n`
}

// French puts a (non-breaking) space before a colon.
const COLON: Record<Locale, string> = { en: ':', fr: '\u00a0:' }

function textBlock(block: Block, colon: string): string {
  switch (block.kind) {
    case 'paragraph': return block.text
    case 'button': return `${block.label}${colon}\n${block.href}`
    case 'facts': return block.rows.map(([label, value]) => `${label}${colon} ${value}`).join('\n')
    case 'quote': return block.text.split(/\r?\n/).map((line) => `> ${line}`).join('\n')
  }
}

function renderHtml(locale: Locale, subject: string, blocks: Block[]): string {
  const appName = escapeHtml(translator(locale).t('app.name'))
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1d1d1f">',
    '<div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-radius:4px">',
    ...blocks.map(htmlBlock),
    `<p style="margin-top:32px;color:#5f6368;font-size:14px">${appName}</p>`,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n')
}

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`
    case 'button':
      return `<p><a href="${safeHref(block.href)}" style="display:inline-block;padding:10px 18px;background:#0b57d0;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(block.label)}</a></p>`
        + `<p style="font-size:14px;color:#5f6368;word-break:break-all">${escapeHtml(block.href)}</p>`
    case 'facts':
      return `<table role="presentation" style="border-collapse:collapse">${block.rows
        .map(([label, value]) => `<tr><th scope="row" style="text-align:left;padding:2px 12px 2px 0;font-weight:normal;color:#5f6368">${escapeHtml(label)}</th><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`)
        .join('')}</table>`
    case 'quote':
      return `<blockquote style="margin:16px 0;padding:8px 16px;border-left:4px solid #dadce0;white-space:pre-wrap">${escapeHtml(block.text)}</blockquote>`
  }
}

/** One email in each language: plain strings in, blocks out. */
export type EmailTemplate<Data> = Record<Locale, (data: Data) => EmailContent>
