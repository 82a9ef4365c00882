package io.jdocker.image.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.errdefs.InvalidParameterException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TarReaderTest {

  @Test
  void paxTimesKeepNanosecondsAndSign() {
    assertEquals(1_700_000_000_123_456_789L, TarReader.paxTime(ascii("1700000000.123456789"), "f"));
    assertEquals(1_700_000_000_500_000_000L, TarReader.paxTime(ascii("1700000000.5"), "f"));
    assertEquals(-1_500_000_000L, TarReader.paxTime(ascii("-1.5"), "f"));
    assertThrows(InvalidParameterException.class, () -> TarReader.paxTime(ascii("soon"), "f"));
  }

  @Test
  void paxRecordsWithBinaryValuesRoundTrip() throws IOException {
    Map<String, byte[]> xattrs = new LinkedHashMap<>();
    xattrs.put("security.capability", new byte[] {1, 0, 0, 2, (byte) 0xff, (byte) 0x80, 0, '\n', '='});
    String longName = "x".repeat(300);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TarWriter w = new TarWriter(out);
    TarEntry written = new TarEntry(longName, TarEntry.TYPE_FILE, "", 0644, 3_000_000, 7, 0,
        1_000_000_000L, -1, 0, 0, xattrs);
    w.begin(written);
    w.end(written);
    w.finish();
    TarReader r = new TarReader(new ByteArrayInputStream(out.toByteArray()));
    TarEntry read = r.next();
    assertEquals(longName, read.name());
    assertEquals(3_000_000, read.uid());
    assertArrayEquals(xattrs.get("security.capability"), read.xattrs().get("security.capability"));
    assertNull(r.next());
  }

  @Test
  void malformedPaxRecordIsRefused() throws IOException {
    byte[] tar = new TestTar().file("f", "x", e -> e.addPaxHeader("SCHILY.xattr.user.a", "b")).bytes();
    // corrupt the record length digits inside the PAX data block (second block), keep checksums
    byte[] bad = Arrays.copyOf(tar, tar.length);
    int at = 512;
    bad[at] = '9';
    bad[at + 1] = '9';
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> {
      TarReader r = new TarReader(new ByteArrayInputStream(bad));
      r.next();
    });
    assertEquals("invalid tar archive: malformed PAX record", e.getMessage());
  }

  @Test
  void oversizedMetadataIsRefusedBeforeReadingIt() {
    byte[] header = new byte[512];
    header[0] = 'L';
    header[156] = 'L';
    byte[] size = ascii(String.format("%011o", 64L << 20));
    System.arraycopy(size, 0, header, 124, size.length);
    Arrays.fill(header, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    byte[] checksum = ascii(String.format("%06o", sum));
    System.arraycopy(checksum, 0, header, 148, 6);
    header[154] = 0;
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> new TarReader(new ByteArrayInputStream(header)).next());
    assertEquals("invalid tar archive: GNU long name of 67108864 bytes at offset 512 is too large", e.getMessage());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
