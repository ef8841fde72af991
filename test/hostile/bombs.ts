import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { makeDmcaBody } from '../support/mail.js';

// Generators for the resource-bomb inputs: small on the wire, huge or deep once opened.

const CRLF = '\r\n';

function headers(tag: string, contentType: string): string {
  return [
    `From: Sam Okafor <sam+${tag}@orbit-labs.example>`,
    'To: ipr@noticedesk.test',
    `Subject: Takedown notice (${tag})`,
    `Message-ID: <${tag}@bombs.example>`,
    'Date: Mon, 02 Nov 2026 09:00:00 +0000',
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}`,
  ].join(CRLF);
}

function base64Lines(bytes: Buffer): string {
  return bytes.toString('base64').replace(/.{76}/g, `$&${CRLF}`);
}

/** A notice with one attachment, base64-encoded. */
export function withAttachment(tag: string, file: { name: string; type: string; bytes: Buffer }): Buffer {
  const boundary = `b-${tag}`;
  const body = [
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    makeDmcaBody({ urls: [`https://github.com/copycat-dev/${tag}`] }).replace(/\r?\n/g, CRLF),
    `--${boundary}`,
    `Content-Type: ${file.type}; name="${file.name}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${file.name}"`,
    '',
    base64Lines(file.bytes),
    `--${boundary}--`,
    '',
  ].join(CRLF);
  return Buffer.from(`${headers(tag, `multipart/mixed; boundary="${boundary}"`)}${CRLF}${CRLF}${body}`);
}

/** A one-page PDF whose content stream inflates to `megabytes` MB of text-drawing operators. */
export function pdfBomb(megabytes: number): Buffer {
  const line = Buffer.from('BT /F1 12 Tf 72 712 Td (AAAAAAAAAAAAAAAAAAAA) Tj ET\n');
  const content = Buffer.alloc(megabytes * 1024 * 1024);
  for (let at = 0; at + line.length <= content.length; at += line.length) line.copy(content, at);
  const stream = deflateSync(content, { level: 9 });
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((object, index) => {
    offsets.push(length);
    const chunk =
      object === null
        ? Buffer.concat([Buffer.from(`${index + 1} 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream\nendobj\n')])
        : Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A zip holding one file of `megabytes` MB of zeros (deflated to about a thousandth of that). */
export function zipBomb(megabytes: number): Buffer {
  const data = Buffer.alloc(megabytes * 1024 * 1024);
  const packed = deflateRawSync(data, { level: 9 });
  const name = Buffer.from('zeros.bin');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralAt = local.length + name.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([local, name, packed, central, name, end]);
}

/** Multiparts nested `depth` deep, the notice in the innermost part. */
export function deepMime(tag: string, depth: number): Buffer {
  let body = `Content-Type: text/plain; charset=utf-8${CRLF}${CRLF}${makeDmcaBody({ urls: [`https://github.com/copycat-dev/${tag}`] }).replace(/\r?\n/g, CRLF)}${CRLF}`;
  for (let level = depth; level > 0; level--) {
    const boundary = `d${level}-${tag}`;
    body = `Content-Type: multipart/mixed; boundary="${boundary}"${CRLF}${CRLF}--${boundary}${CRLF}${body}--${boundary}--${CRLF}`;
  }
  const [inner, ...rest] = body.split(`${CRLF}${CRLF}`);
  return Buffer.from(`${headers(tag, inner!.replace(/^Content-Type: /, ''))}${CRLF}${CRLF}${rest.join(`${CRLF}${CRLF}`)}`);
}

/** One multipart with `count` small parts after the notice. */
export function manyParts(tag: string, count: number): Buffer {
  const boundary = `m-${tag}`;
  const parts = [`--${boundary}${CRLF}Content-Type: text/plain; charset=utf-8${CRLF}${CRLF}${makeDmcaBody({ urls: [`https://github.com/copycat-dev/${tag}`] }).replace(/\r?\n/g, CRLF)}${CRLF}`];
  for (let i = 0; i < count; i++) parts.push(`--${boundary}${CRLF}Content-Type: application/octet-stream; name="p${i}.bin"${CRLF}Content-Disposition: attachment; filename="p${i}.bin"${CRLF}${CRLF}part ${i}${CRLF}`);
  return Buffer.from(`${headers(tag, `multipart/mixed; boundary="${boundary}"`)}${CRLF}${CRLF}${parts.join('')}--${boundary}--${CRLF}`);
}

/** A notice with a large attachment of random-looking bytes (incompressible, as real scans are). */
export function bigAttachment(tag: string, megabytes: number): Buffer {
  const bytes = Buffer.alloc(megabytes * 1024 * 1024);
  let x = 0x2545f491;
  for (let i = 0; i < bytes.length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes.writeInt32LE(x | 0, i);
  }
  return withAttachment(tag, { name: 'scan.jpg', type: 'image/jpeg', bytes });
}
