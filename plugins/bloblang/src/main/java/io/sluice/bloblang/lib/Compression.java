package io.sluice.bloblang.lib;

import io.sluice.bloblang.value.EvalError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHashFactory;

/**
 * {@code compress}/{@code decompress}: gzip (and pgzip, the same format), zlib and raw flate via
 * java.util.zip, lz4 frames via lz4-java. snappy, zstd and bzip2 are not implemented.
 */
final class Compression {
    private static final int BUFFER = 8192;

    private Compression() {
    }

    static byte[] compress(String algorithm, int level, byte[] data) {
        if (algorithm.equals("zlib") || algorithm.equals("flate")) {
            return deflate(data, level, algorithm.equals("flate"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
        try (OutputStream w = compressor(algorithm, level, out)) {
            w.write(data);
        } catch (IOException | IllegalArgumentException e) {
            throw new EvalError(e.getMessage());
        }
        return out.toByteArray();
    }

    /** zlib (with header and checksum) or raw flate; the deflater's native memory is released at once. */
    private static byte[] deflate(byte[] data, int level, boolean raw) {
        Deflater d;
        try {
            d = new Deflater(level, raw);
        } catch (IllegalArgumentException e) {
            throw new EvalError("flate: invalid compression level " + level + ": want value in range [-2, 9]");
        }
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
            byte[] buf = new byte[BUFFER];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static OutputStream compressor(String algorithm, int level, OutputStream out) throws IOException {
        switch (algorithm) {
            case "gzip":
            case "pgzip":
                return new GZIPOutputStream(out) {
                    {
                        def.setLevel(level);
                    }
                };
            case "lz4":
                return new LZ4FrameOutputStream(out);
            case "snappy":
            case "zstd":
                throw notImplemented(algorithm);
            default:
                throw new EvalError("compression type not recognised: " + algorithm);
        }
    }

    static byte[] decompress(String algorithm, byte[] data) {
        if (algorithm.equals("zlib") || algorithm.equals("flate")) {
            Inflater inflater = new Inflater(algorithm.equals("flate"));
            try {
                return drain(new InflaterInputStream(new ByteArrayInputStream(data), inflater));
            } finally {
                inflater.end();
            }
        }
        return drain(decompressor(algorithm, new ByteArrayInputStream(data)));
    }

    private static byte[] drain(InputStream stream) {
        try (InputStream r = stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(BUFFER);
            byte[] buf = new byte[BUFFER];
            for (int n; (n = r.read(buf)) > 0;) {
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new EvalError(e.getMessage());
        }
    }

    private static InputStream decompressor(String algorithm, InputStream in) {
        switch (algorithm) {
            case "gzip":
            case "pgzip":
                try {
                    return new GZIPInputStream(in);
                } catch (IOException e) {
                    throw new EvalError(e.getMessage());
                }
            case "lz4":
                // the bounds-checked pure-Java decoder: compressed input is untrusted
                try {
                    return new LZ4FrameInputStream(in, LZ4Factory.safeInstance().safeDecompressor(),
                            XXHashFactory.safeInstance().hash32());
                } catch (IOException e) {
                    throw new EvalError(e.getMessage());
                }
            case "snappy":
            case "zstd":
            case "bzip2":
                throw notImplemented(algorithm);
            default:
                throw new EvalError("decompression type not recognised: " + algorithm);
        }
    }

    private static EvalError notImplemented(String algorithm) {
        return new EvalError("compression algorithm " + algorithm + " is not implemented by Sluice");
    }
}
