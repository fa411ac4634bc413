package io.sluice.bloblang.lib;

import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoTime;
import io.sluice.bloblang.value.JsonNum;
import io.sluice.bloblang.value.Values;
import java.io.IOException;
import java.math.BigInteger;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/** MessagePack for {@code parse_msgpack} and {@code format_msgpack}, as Bento encodes values. */
final class MsgPack {
    private MsgPack() {
    }

    static Object parse(byte[] bytes) {
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes)) {
            return read(in);
        } catch (IOException | RuntimeException e) {
            throw new EvalError(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static Object read(MessageUnpacker in) throws IOException {
        MessageFormat f = in.getNextFormat();
        switch (f.getValueType()) {
            case NIL:
                in.unpackNil();
                return null;
            case BOOLEAN:
                return in.unpackBoolean();
            case INTEGER: {
                BigInteger i = in.unpackBigInteger();
                return i.bitLength() < 64 ? (Object) i.longValue() : (Object) i.doubleValue();
            }
            case FLOAT:
                return in.unpackDouble();
            case STRING:
                return in.unpackString();
            case BINARY:
                return in.readPayload(in.unpackBinaryHeader());
            case ARRAY: {
                int n = in.unpackArrayHeader();
                List<Object> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(read(in));
                }
                return out;
            }
            case MAP: {
                int n = in.unpackMapHeader();
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    out.put(Values.toStr(read(in)), read(in));
                }
                return out;
            }
            default: {
                ExtensionTypeHeader h = in.unpackExtensionTypeHeader();
                if (h.getType() == -1) {
                    return ZonedDateTime.ofInstant(in.unpackTimestamp(h), GoTime.LOCAL);
                }
                throw new EvalError("msgpack: unknown extension type " + h.getType());
            }
        }
    }

    static byte[] format(Object v) {
        try (MessageBufferPacker out = MessagePack.newDefaultBufferPacker()) {
            write(out, v);
            return out.toByteArray();
        } catch (IOException e) {
            throw new EvalError(e.getMessage());
        }
    }

    private static void write(MessageBufferPacker out, Object v) throws IOException {
        if (v == null) {
            out.packNil();
        } else if (v instanceof Boolean) {
            out.packBoolean((Boolean) v);
        } else if (v instanceof String) {
            out.packString((String) v);
        } else if (v instanceof byte[]) {
            byte[] b = (byte[]) v;
            out.packBinaryHeader(b.length);
            out.writePayload(b);
        } else if (v instanceof JsonNum) {
            // Bento packs JSON numbers in their smallest form, integers as integers
            String t = ((JsonNum) v).text();
            try {
                out.packLong(Long.parseLong(t));
            } catch (NumberFormatException e) {
                out.packDouble(((JsonNum) v).doubleValue());
            }
        } else if (v instanceof Long || v instanceof Integer) {
            out.packLong(((Number) v).longValue());
        } else if (v instanceof Float) {
            out.packFloat((Float) v);
        } else if (v instanceof Number) {
            out.packDouble(((Number) v).doubleValue());
        } else if (v instanceof ZonedDateTime) {
            out.packTimestamp(((ZonedDateTime) v).toInstant());
        } else if (v instanceof List) {
            List<Object> l = Values.asArray(v);
            out.packArrayHeader(l.size());
            for (Object o : l) {
                write(out, o);
            }
        } else if (v instanceof Map) {
            // sorted, so that the same object always packs to the same bytes
            Map<String, Object> m = new TreeMap<>(Values.asObject(v));
            out.packMapHeader(m.size());
            for (Map.Entry<String, Object> e : m.entrySet()) {
                out.packString(e.getKey());
                write(out, e.getValue());
            }
        } else {
            throw new EvalError("msgpack: cannot encode " + Values.typeName(v));
        }
    }
}
