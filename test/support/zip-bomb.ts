/**
 * A zip whose one entry claims to unpack to `claimedBytes`: only the central
 * directory matters to the checks that refuse it, so the file itself is tiny.
 */
export function zipBomb(claimedBytes: number): Buffer<ArrayBuffer> {
  const name = Buffer.from('bomb.txt');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  const data = Buffer.alloc(1000);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(Math.min(claimedBytes, 0xffffffff), 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}
