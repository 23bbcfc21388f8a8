package io.quarterdeck.adapters.rest.apiv1.intake;

import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.shared.FieldTooLargeException;
import io.quarterdeck.domain.shared.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loki's native push body, which Promtail sends by default: a snappy block (the raw format, not the framed one)
 * around a protobuf {@code logproto.PushRequest}. Both are small, stable wire formats, decoded here by hand (no
 * protobuf runtime or native snappy in the WAR):
 * <pre>
 * PushRequest   { repeated StreamAdapter streams = 1; }
 * StreamAdapter { string labels = 1; repeated EntryAdapter entries = 2; uint64 hash = 3; }
 * EntryAdapter  { Timestamp timestamp = 1; string line = 2; repeated LabelPairAdapter structuredMetadata = 3; }
 * Timestamp     { int64 seconds = 1; int32 nanos = 2; }     LabelPairAdapter { string name = 1; string value = 2; }
 * </pre>
 * Anything malformed is a 400 naming {@code body}; unknown fields are skipped, as protobuf requires.
 */
final class LokiProtobuf {
    static final int MAX_UNCOMPRESSED = 64 * 1024 * 1024;

    private LokiProtobuf() {
    }

    static List<LogEntry> parse(byte[] body) {
        if (body.length == 0) {
            throw new InvalidFieldException("body", "must not be empty");
        }
        byte[] raw = unsnappy(body);
        List<LogEntry> out = new ArrayList<>();
        Reader r = new Reader(raw, 0, raw.length);
        while (r.more()) {
            int tag = r.tag();
            if (tag >>> 3 == 1 && (tag & 7) == 2) {
                stream(r.sub(), out);
                if (out.size() > LokiPushParser.MAX_LINES) {
                    throw new FieldTooLargeException("streams", LokiPushParser.MAX_LINES);
                }
            } else {
                r.skip(tag);
            }
        }
        return out;
    }

    private static void stream(Reader r, List<LogEntry> out) {
        Map<String, String> labels = Map.of();
        List<Reader> entries = new ArrayList<>();
        while (r.more()) {
            int tag = r.tag();
            int field = tag >>> 3;
            if (field == 1 && (tag & 7) == 2) {
                labels = LabelSelector.parse(r.string());
            } else if (field == 2 && (tag & 7) == 2) {
                entries.add(r.sub());
            } else {
                r.skip(tag);
            }
        }
        for (Reader e : entries) {
            long seconds = 0;
            long nanos = 0;
            String line = "";
            Map<String, String> meta = labels;
            while (e.more()) {
                int tag = e.tag();
                int field = tag >>> 3;
                if (field == 1 && (tag & 7) == 2) {
                    Reader ts = e.sub();
                    while (ts.more()) {
                        int t = ts.tag();
                        if (t == (1 << 3)) {
                            seconds = ts.varint();
                        } else if (t == (2 << 3)) {
                            nanos = ts.varint();
                        } else {
                            ts.skip(t);
                        }
                    }
                } else if (field == 2 && (tag & 7) == 2) {
                    line = e.string();
                } else if (field == 3 && (tag & 7) == 2) {
                    Reader pair = e.sub();
                    String name = null;
                    String value = null;
                    while (pair.more()) {
                        int t = pair.tag();
                        if (t == ((1 << 3) | 2)) {
                            name = pair.string();
                        } else if (t == ((2 << 3) | 2)) {
                            value = pair.string();
                        } else {
                            pair.skip(t);
                        }
                    }
                    if (name != null && value != null) {
                        if (meta == labels) {
                            meta = new LinkedHashMap<>(labels);
                        }
                        meta.put(name, value);
                    }
                } else {
                    e.skip(tag);
                }
            }
            if (seconds < 0 || seconds > 253_402_300_799L || nanos < 0 || nanos > 999_999_999) {
                throw new InvalidFieldException("body", "an entry's timestamp is outside the years 1970 to 9999");
            }
            out.add(LokiPushParser.entry(Instant.ofEpochSecond(seconds, nanos), line, meta));
        }
    }

    /** Snappy's raw block format: a varint length, then literals and back-references. */
    static byte[] unsnappy(byte[] in) {
        Reader header = new Reader(in, 0, in.length);
        long length = header.varint();
        if (length < 0 || length > MAX_UNCOMPRESSED) {
            throw new FieldTooLargeException("body", MAX_UNCOMPRESSED);
        }
        byte[] out = new byte[(int) length];
        int op = 0;
        int ip = header.pos;
        try {
            while (ip < in.length) {
                int tag = in[ip++] & 0xFF;
                int type = tag & 3;
                if (type == 0) {
                    int len = tag >>> 2;
                    if (len >= 60) {
                        int bytes = len - 59;
                        len = 0;
                        for (int i = 0; i < bytes; i++) {
                            len |= (in[ip++] & 0xFF) << (8 * i);
                        }
                    }
                    len += 1;
                    if (len <= 0 || ip + len > in.length || op + len > out.length) {
                        throw bad();
                    }
                    System.arraycopy(in, ip, out, op, len);
                    ip += len;
                    op += len;
                } else {
                    int len;
                    int offset;
                    if (type == 1) {
                        len = 4 + ((tag >>> 2) & 7);
                        offset = ((tag >>> 5) << 8) | (in[ip++] & 0xFF);
                    } else if (type == 2) {
                        len = 1 + (tag >>> 2);
                        offset = (in[ip] & 0xFF) | (in[ip + 1] & 0xFF) << 8;
                        ip += 2;
                    } else {
                        len = 1 + (tag >>> 2);
                        offset = (in[ip] & 0xFF) | (in[ip + 1] & 0xFF) << 8 | (in[ip + 2] & 0xFF) << 16
                                | (in[ip + 3] & 0xFF) << 24;
                        ip += 4;
                    }
                    if (offset <= 0 || offset > op || op + len > out.length) {
                        throw bad();
                    }
                    for (int i = 0; i < len; i++) {
                        out[op + i] = out[op - offset + i];
                    }
                    op += len;
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw bad();
        }
        if (op != out.length) {
            throw bad();
        }
        return out;
    }

    private static InvalidFieldException bad() {
        return new InvalidFieldException("body", "is not a valid snappy-compressed Loki push request");
    }

    /** A protobuf reader over a slice. */
    static final class Reader {
        private final byte[] b;
        private int pos;
        private final int end;

        Reader(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        int tag() {
            long t = varint();
            if (t <= 0 || t > Integer.MAX_VALUE) {
                throw malformed();
            }
            return (int) t;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw malformed();
                }
                int x = b[pos++] & 0xFF;
                v |= (long) (x & 0x7F) << shift;
                if (x < 0x80) {
                    return v;
                }
            }
            throw malformed();
        }

        Reader sub() {
            long len = varint();
            if (len < 0 || len > end - pos) {
                throw malformed();
            }
            Reader r = new Reader(b, pos, pos + (int) len);
            pos += (int) len;
            return r;
        }

        String string() {
            Reader r = sub();
            return new String(b, r.pos, r.end - r.pos, StandardCharsets.UTF_8);
        }

        void skip(int tag) {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> advance(8);
                case 2 -> sub();
                case 5 -> advance(4);
                default -> throw malformed();
            }
        }

        private void advance(int n) {
            if (end - pos < n) {
                throw malformed();
            }
            pos += n;
        }

        private static InvalidFieldException malformed() {
            return new InvalidFieldException("body", "is not a valid Loki protobuf push request");
        }
    }
}
