package io.lodestone.producers.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines as bytes ({@code \n} or {@code \r\n} terminated), so that one line that is not valid
 * UTF-8 is rejected alone instead of derailing the decoder for the rest of the file, and so that an
 * absurdly long line is skipped without being held in memory.
 */
final class LineReader implements AutoCloseable {
  /** A line's bytes, or {@code tooLong} when it exceeded the limit (its bytes are then dropped). */
  record Line(byte[] bytes, boolean tooLong) {}

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[64 * 1024];
  /** The line being assembled; reused, so that each line is copied once into its own array. */
  private byte[] line = new byte[4096];
  private int position;
  private int limit;
  private long consumed;

  LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Bytes read so far, for progress. */
  long consumed() {
    return consumed;
  }

  /** The next line, or null at the end of the input. */
  Line next() throws IOException {
    int length = 0;
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        return any ? finish(length, tooLong) : null;
      }
      any = true;
      int newline = indexOfNewline();
      int end = newline < 0 ? limit : newline;
      int chunk = end - position;
      if (!tooLong) {
        if (length + chunk > maxLineBytes) {
          tooLong = true;
        } else {
          if (length + chunk > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
          }
          System.arraycopy(buffer, position, line, length, chunk);
          length += chunk;
        }
      }
      consumed += chunk;
      position = end;
      if (newline >= 0) {
        position++;
        consumed++;
        return finish(length, tooLong);
      }
    }
  }

  private Line finish(int length, boolean tooLong) {
    if (tooLong) {
      return new Line(null, true);
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return new Line(Arrays.copyOf(line, length), false);
  }

  private int indexOfNewline() {
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  /** Whether a line holds only spaces, tabs and form feeds. */
  static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
