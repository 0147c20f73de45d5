/**
 * Per-conversation reply-to addresses: the assistant's address with a plus tag (`ava+k3j9x2@acme.example`), so a
 * reply finds its conversation even when the mail client drops In-Reply-To. The assistant's mailbox forwards to
 * openabm's inbound webhook (or, in sandbox mode, the local SMTP listener receives it).
 */
export function replyToAddress(assistantEmail: string, replyToken: string): string {
  const [local, domain] = assistantEmail.split('@');
  return `${local}+${replyToken}@${domain}`;
}

/** The reply tokens found in a list of addresses (`"A" <ava+tok@x>` or `ava+tok@x`). */
export function replyTokensIn(addresses: readonly string[]): string[] {
  const tokens: string[] = [];
  for (const address of addresses) {
    for (const match of address.matchAll(/[A-Za-z0-9._%-]+\+([a-z0-9]{6,40})@[A-Za-z0-9.-]+/g)) if (match[1]) tokens.push(match[1]);
  }
  return tokens;
}

/** The bare address of `"Name" <a@b>` or `a@b`. */
export function bareAddress(address: string): string {
  const match = /<([^>]+)>/.exec(address);
  return (match?.[1] ?? address).trim().toLowerCase();
}

/** Message-IDs in an In-Reply-To / References header value. */
export function messageIdsIn(value: string | undefined): string[] {
  return value ? [...value.matchAll(/<[^<>\s]+>/g)].map((match) => match[0]) : [];
}
