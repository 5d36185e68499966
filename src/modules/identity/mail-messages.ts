import type { Language } from '../../platform/text/localized.ts'

type Message = (link: string, name: string) => { subject: string; text: string }

/** Mail in the person's own language; the link is the only thing to act on. */
export const MAIL_MESSAGES: Record<'verify_email' | 'reset_password', Record<Language, Message>> = {
  verify_email: {
    ro: (link, name) => ({
      subject: 'Confirmați adresa de email',
      text: `Bună ziua, ${name},\n\nConfirmați adresa de email deschizând legătura de mai jos (valabilă 24 de ore):\n${link}\n\nDacă nu v-ați creat un cont, ignorați acest mesaj.`,
    }),
    en: (link, name) => ({
      subject: 'Confirm your email address',
      text: `Hello ${name},\n\nConfirm your email address by opening the link below (valid for 24 hours):\n${link}\n\nIf you did not create an account, ignore this message.`,
    }),
    hu: (link, name) => ({
      subject: 'Erősítse meg e-mail-címét',
      text: `Kedves ${name}!\n\nErősítse meg e-mail-címét az alábbi hivatkozás megnyitásával (24 óráig érvényes):\n${link}\n\nHa nem Ön hozott létre fiókot, hagyja figyelmen kívül ezt az üzenetet.`,
    }),
  },
  reset_password: {
    ro: (link, name) => ({
      subject: 'Resetarea parolei',
      text: `Bună ziua, ${name},\n\nAlegeți o parolă nouă deschizând legătura de mai jos (valabilă o oră):\n${link}\n\nDacă nu ați cerut resetarea, ignorați acest mesaj; parola rămâne aceeași.`,
    }),
    en: (link, name) => ({
      subject: 'Reset your password',
      text: `Hello ${name},\n\nChoose a new password by opening the link below (valid for one hour):\n${link}\n\nIf you did not ask for this, ignore this message; your password stays the same.`,
    }),
    hu: (link, name) => ({
      subject: 'Jelszó visszaállítása',
      text: `Kedves ${name}!\n\nÚj jelszót az alábbi hivatkozás megnyitásával választhat (egy óráig érvényes):\n${link}\n\nHa nem Ön kérte, hagyja figyelmen kívül ezt az üzenetet; jelszava változatlan marad.`,
    }),
  },
}
