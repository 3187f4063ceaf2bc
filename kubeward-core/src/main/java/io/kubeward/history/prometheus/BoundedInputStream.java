package io.kubeward.history.prometheus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most {@code max} bytes of a stream, then reports the end of the stream; {@link
 * #exceeded()} tells whether there was more. Kubeward never reads more than that of an answer.
 */
public final class BoundedInputStream extends FilterInputStream {

  private final long max;
  private long read;
  private boolean exceeded;

  public BoundedInputStream(InputStream in, long max) {
    super(in);
    this.max = max;
  }

  @Override
  public int read() throws IOException {
    if (read >= max) {
      exceeded = true;
      return -1;
    }
    int b = super.read();
    if (b >= 0) {
      read++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (read >= max) {
      exceeded = true;
      return -1;
    }
    int n = super.read(buffer, offset, (int) Math.min(length, max - read));
    if (n > 0) {
      read += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
  }

  public boolean exceeded() {
    return exceeded;
  }

  long bytesRead() {
    return read;
  }
}
