import { parseCookie, stringifySetCookie } from 'cookie'
import type { FastifyReply, FastifyRequest } from 'fastify'

export const SESSION_COOKIE = 'cetate_session'
export const SESSION_DAYS = 30

export function readSessionCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie
  return header ? parseCookie(header)[SESSION_COOKIE] : undefined
}

/** HttpOnly so scripts never see it; SameSite=Lax so other sites cannot post with it. */
export function setSessionCookie(reply: FastifyReply, value: string, secure: boolean): void {
  reply.header('set-cookie', sessionCookie(value, secure, SESSION_DAYS * 24 * 3600))
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.header('set-cookie', sessionCookie('', secure, 0))
}

function sessionCookie(value: string, secure: boolean, maxAge: number): string {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value,
    httpOnly: true,
    secure,
    sameSite: 'lax',
    path: '/',
    maxAge,
  })
}
