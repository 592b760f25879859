// A PNG of the app's window as the X server holds it (`xwd`, from x11-apps), for the specs'
// screenshots. WebDriver's own screenshot asks WebKitGTK to paint a snapshot, which ends the
// WebDriver session when the app runs with compositing off (its setting on computers without a GPU,
// such as this Xvfb display: src-tauri/src/webkit_env.rs); the X server's copy is what a person sees.

import { execFileSync } from "node:child_process";
import { crc32, deflateSync } from "node:zlib";

/** The window titled `title` on `display`, as PNG bytes. */
export function windowPng(display, title) {
  const xwd = execFileSync("xwd", ["-display", display, "-name", title, "-silent"], { maxBuffer: 256 * 1024 * 1024 });
  return png(decodeXwd(xwd));
}

/** An XWD dump of a 24/32-bit TrueColor window (what Xvfb serves) as { width, height, rgb }. */
function decodeXwd(buf) {
  const field = (i) => buf.readUInt32BE(i * 4);
  const [headerSize, format, width, height, byteOrder, bitsPerPixel, bytesPerLine] = [
    field(0), field(2), field(4), field(5), field(7), field(11), field(12),
  ];
  const [redMask, greenMask, blueMask, colours] = [field(14), field(15), field(16), field(19)];
  if (format !== 2 || bitsPerPixel !== 32) throw new Error(`xwd: not a 32-bit ZPixmap (format ${format}, ${bitsPerPixel} bits)`);
  const pixels = headerSize + colours * 12;
  const read = byteOrder === 0 ? (at) => buf.readUInt32LE(at) : (at) => buf.readUInt32BE(at);
  const shift = (mask) => 31 - Math.clz32(mask & -mask);
  const channel = (value, mask) => (value & mask) >>> shift(mask);
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = read(pixels + y * bytesPerLine + x * 4);
      const at = (y * width + x) * 3;
      rgb[at] = channel(value, redMask);
      rgb[at + 1] = channel(value, greenMask);
      rgb[at + 2] = channel(value, blueMask);
    }
  }
  return { width, height, rgb };
}

/** An 8-bit RGB PNG: each row after a 0 (no filter) byte, deflated. */
function png({ width, height, rgb }) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(rows, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
