/**
 * WebAuthn with the server's JSON options: binary fields travel as base64url text and become
 * ArrayBuffers for the browser, and the browser's answer goes back as the same JSON.
 */

export function base64urlToBuffer(text: string): ArrayBuffer {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/')
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4)
  const binary = atob(padded)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes.buffer
}

export function bufferToBase64url(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

type Descriptor = { id: string; type: 'public-key'; transports?: AuthenticatorTransport[] }
type CreationJson = Omit<PublicKeyCredentialCreationOptions, 'challenge' | 'user' | 'excludeCredentials'> & {
  challenge: string
  user: { id: string; name: string; displayName: string }
  excludeCredentials?: Descriptor[]
}
type RequestJson = Omit<PublicKeyCredentialRequestOptions, 'challenge' | 'allowCredentials'> & {
  challenge: string
  allowCredentials?: Descriptor[]
}

const descriptor = (credential: Descriptor): PublicKeyCredentialDescriptor => ({
  ...credential,
  id: base64urlToBuffer(credential.id),
})

export const passkeysSupported = () =>
  typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function'

/** The fields every WebAuthn answer carries, in the JSON form the server reads. */
function envelope(credential: PublicKeyCredential) {
  return {
    id: credential.id,
    rawId: bufferToBase64url(credential.rawId),
    type: credential.type,
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
  }
}

/** Asks the authenticator for a new passkey; answers the registration JSON the server checks. */
export async function createPasskey(options: unknown) {
  const json = options as CreationJson
  const credential = (await navigator.credentials.create({
    publicKey: {
      ...json,
      challenge: base64urlToBuffer(json.challenge),
      user: { ...json.user, id: base64urlToBuffer(json.user.id) },
      excludeCredentials: (json.excludeCredentials ?? []).map(descriptor),
    },
  })) as PublicKeyCredential | null
  if (!credential) throw new DOMException('No passkey was created', 'NotAllowedError')
  const response = credential.response as AuthenticatorAttestationResponse
  return {
    ...envelope(credential),
    response: {
      clientDataJSON: bufferToBase64url(response.clientDataJSON),
      attestationObject: bufferToBase64url(response.attestationObject),
      transports: response.getTransports?.() ?? [],
    },
  }
}

/** Asks the authenticator to sign in with one of its passkeys for this site. */
export async function choosePasskey(options: unknown) {
  const json = options as RequestJson
  const credential = (await navigator.credentials.get({
    publicKey: {
      ...json,
      challenge: base64urlToBuffer(json.challenge),
      allowCredentials: (json.allowCredentials ?? []).map(descriptor),
    },
  })) as PublicKeyCredential | null
  if (!credential) throw new DOMException('No passkey was chosen', 'NotAllowedError')
  const response = credential.response as AuthenticatorAssertionResponse
  return {
    ...envelope(credential),
    response: {
      clientDataJSON: bufferToBase64url(response.clientDataJSON),
      authenticatorData: bufferToBase64url(response.authenticatorData),
      signature: bufferToBase64url(response.signature),
      userHandle: response.userHandle ? bufferToBase64url(response.userHandle) : undefined,
    },
  }
}
