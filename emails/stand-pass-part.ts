import type { TFunction } from '../app/lib/i18n';
import type { MailAttachment } from '../app/domain/mail/templates';
import type { PassMailPart } from '../app/domain/festival-day/passes.server';
import { qrSvg } from '../app/lib/qr-svg';

/** The stand pass in the message that confirms a stand: a sentence with the code and the link, and the QR code attached. */
export function standPassPart(pass: PassMailPart | null | undefined, t: TFunction): { paragraphs: string[]; attachments: MailAttachment[] } {
  if (!pass) return { paragraphs: [], attachments: [] };
  return {
    paragraphs: [t('festival-day:mail.pass', { code: pass.code, url: pass.url })],
    attachments: [{ filename: `stand-pass-${pass.code}.svg`, content: qrSvg(pass.qrText, { size: '600' }), contentType: 'image/svg+xml' }],
  };
}
