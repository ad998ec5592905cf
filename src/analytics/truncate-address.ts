// The address as the visitor hash takes it: an IPv4 address without its last byte (/24), an
// IPv6 address without its last 80 bits (/48), so that even the hash's input is not a full
// address. Anything unreadable is kept as it is (it is only ever hashed).

export function truncateAddress(address: string): string {
  const lastDot = address.lastIndexOf('.');
  if (lastDot > 0 && !address.includes(':')) return `${address.slice(0, lastDot)}.0`;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const v4 = mapped ? mapped[1]! : address;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return v4.split('.').slice(0, 3).join('.') + '.0';
  if (!address.includes(':')) return address;
  return expandV6(address).slice(0, 3).join(':') + '::';
}

function expandV6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0');
  return [...left, ...zeros, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
