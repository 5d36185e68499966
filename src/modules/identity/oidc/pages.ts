import type { KoaContextWithOIDC } from 'oidc-provider'

/**
 * The few pages the provider itself renders (everything else is the web app). Plain HTML with no
 * script and nothing from other sites, so they live within the platform's content security policy.
 */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
button{font:inherit;padding:.5rem 1rem;margin:.25rem .5rem .25rem 0}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
}

export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const client = ctx.oidc.client
  const from = client ? ` from ${escapeHtml(client.clientName ?? client.clientId)}` : ''
  ctx.type = 'html'
  ctx.body = page(
    'Sign out',
    `<p>Do you want to sign out of Cetate${from}? You will be signed out of the city's apps in this browser.</p>
${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>`,
  )
}

export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  ctx.type = 'html'
  ctx.body = page('Signed out', '<p>You are signed out. <a href="/">Back to the city portal</a></p>')
}

export async function renderError(
  ctx: KoaContextWithOIDC,
  out: { error: string; error_description?: string },
): Promise<void> {
  ctx.type = 'html'
  ctx.body = page(
    'Sign-in could not continue',
    `<p>The application that sent you here made a request we cannot accept.</p>
<p><code>${escapeHtml(out.error)}</code>: ${escapeHtml(out.error_description ?? '')}</p>
<p><a href="/">Back to the city portal</a></p>`,
  )
}
