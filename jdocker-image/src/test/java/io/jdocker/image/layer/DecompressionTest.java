package io.jdocker.image.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class DecompressionTest {
  @TempDir Path tmp;

  private final byte[] tar = new TestTar().file("hello.txt", "hello, layer").bytes();

  interface Compressor {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  private byte[] compress(Compressor c) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream z = c.wrap(out)) {
      z.write(tar);
    }
    return out.toByteArray();
  }

  private void assertDecompressesAndUnpacks(byte[] data, Decompression.Format format) throws IOException {
    assertEquals(format, Decompression.detect(new java.io.BufferedInputStream(new ByteArrayInputStream(data))));
    try (InputStream in = Decompression.open(new ByteArrayInputStream(data))) {
      assertArrayEquals(tar, in.readAllBytes());
    }
    Path target = Files.createDirectory(tmp.resolve(format.name()));
    try (InputStream in = Decompression.open(new ByteArrayInputStream(data))) {
      assertEquals(12, LayerUnpacker.create().unpack(in, target));
    }
    assertEquals("hello, layer", Files.readString(target.resolve("hello.txt")));
  }

  @Test
  void gzip() throws IOException {
    assertDecompressesAndUnpacks(compress(GZIPOutputStream::new), Decompression.Format.GZIP);
  }

  @Test
  void bzip2() throws IOException {
    assertDecompressesAndUnpacks(compress(BZip2CompressorOutputStream::new), Decompression.Format.BZIP2);
  }

  @Test
  void xz() throws IOException {
    assertDecompressesAndUnpacks(compress(o -> new XZOutputStream(o, new LZMA2Options())), Decompression.Format.XZ);
  }

  @Test
  void zstd() throws IOException {
    assertDecompressesAndUnpacks(compress(ZstdOutputStream::new), Decompression.Format.ZSTD);
  }

  @Test
  void plainTarPassesThroughUntouched() throws IOException {
    assertDecompressesAndUnpacks(tar, Decompression.Format.NONE);
  }
}
